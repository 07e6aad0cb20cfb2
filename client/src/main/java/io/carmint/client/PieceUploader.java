package io.carmint.client;

import io.carmint.car.CarFile;
import io.carmint.car.split.SplitResult;
import io.carmint.car.split.TreewalkSplitter;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Uploads a CAR in pieces, as {@link NftStorageClient#storeCar(Path, UploadListener)} does: splits it by the
 * treewalk rule into CARv1 pieces in a temporary directory (deleted afterwards), then sends them,
 * {@code concurrency} at a time on threads of its own, and checks that the service answers every piece with the
 * CAR's root. The first failure cancels the pieces not yet sent (a piece being sent stops before its next attempt)
 * and is thrown. Reports progress and stored pieces to an {@link UploadListener} through a
 * {@link ProgressTracker}. Thread-safe; each {@link #upload} call has its own directory and threads.
 */
final class PieceUploader {
  private static final System.Logger LOG = System.getLogger(NftStorageClient.class.getName());
  /** How long a failed upload waits for its threads to stop before it returns anyway. */
  private static final Duration STOP_WAIT = Duration.ofMinutes(5);
  private static final String THREAD_NAME = "carmint-upload-";
  private static final String DIRECTORY_PREFIX = "carmint-upload-";
  /** Name prefix of the piece files in the temporary directory. */
  private static final String PIECE_PREFIX = "piece";

  /** Sends one piece as {@code application/car}: {@link NftStorageClient}'s {@code postCar}. */
  @FunctionalInterface
  interface Sender {
    /**
     * @param attemptProgress gives each attempt a counter of the bytes of its body
     * @param cancelled once true, the request stops before its next attempt
     * @return the service's answer
     */
    Nft send(Path piece, long length, Supplier<LongConsumer> attemptProgress, BooleanSupplier cancelled)
        throws IOException;
  }

  private final Sender sender;
  private final int concurrency;
  private final long maxPieceSize;
  private final Path tempDirectory;

  PieceUploader(Sender sender, int concurrency, long maxPieceSize, Path tempDirectory) {
    this.sender = sender;
    this.concurrency = concurrency;
    this.maxPieceSize = maxPieceSize;
    this.tempDirectory = tempDirectory;
  }

  /**
   * Splits {@code car} and uploads its pieces.
   *
   * @return the last answer received
   * @throws IOException as {@link NftStorageClient#storeCar(Path, UploadListener)}
   */
  Nft upload(Path car, UploadListener listener) throws IOException {
    Path work = Files.createTempDirectory(tempDirectory, DIRECTORY_PREFIX);
    try {
      Cid root;
      SplitResult split;
      try (CarFile file = CarFile.open(car)) {
        split = TreewalkSplitter.builder().maxPieceSize(maxPieceSize).build().split(file, work, PIECE_PREFIX);
        root = file.roots().get(0);
      }
      List<Path> pieces = new ArrayList<>();
      long[] sizes = new long[split.pieces().size()];
      for (int i = 0; i < sizes.length; i++) {
        pieces.add(work.resolve(TreewalkSplitter.pieceName(PIECE_PREFIX, i)));
        sizes[i] = split.pieces().get(i).size();
      }
      return upload(root, pieces, sizes, listener);
    } finally {
      TempFiles.deleteRecursively(work);
    }
  }

  /**
   * @param root the root every answer must name
   * @param pieces the pieces' files, in splitting order
   * @param sizes their sizes
   * @return the last answer received
   * @throws CidMismatchException if the service answers a piece with another root
   * @throws IOException the first failure of a piece
   */
  private Nft upload(Cid root, List<Path> pieces, long[] sizes, UploadListener listener) throws IOException {
    int count = pieces.size();
    long total = 0;
    for (long s : sizes) {
      total = Math.addExact(total, s);
    }
    ProgressTracker tracker = new ProgressTracker(listener, count, total);
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, count), r -> {
      Thread t = new Thread(r, THREAD_NAME + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    AtomicBoolean failed = new AtomicBoolean();
    try {
      CompletionService<Nft> done = new ExecutorCompletionService<>(pool);
      List<Future<Nft>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(done.submit(() -> {
          try {
            Nft answer = sender.send(pieces.get(index), sizes[index], () -> tracker.attempt(index),
                failed::get);
            if (!answer.cid().toV1().equals(root.toV1())) {
              throw new CidMismatchException(count == 1 ? "the upload" : "piece " + (index + 1) + " of " + count,
                  root, answer.cid());
            }
            tracker.stored(index, count, sizes[index]);
            return answer;
          } catch (IOException | RuntimeException e) {
            failed.set(true);
            throw e;
          }
        }));
      }
      Nft last = null;
      for (int i = 0; i < count; i++) {
        try {
          last = done.take().get();
        } catch (ExecutionException e) {
          failed.set(true);
          futures.forEach(f -> f.cancel(false));
          throw unwrap(e);
        }
      }
      return last;
    } catch (InterruptedException e) {
      failed.set(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while uploading " + count + " piece(s)");
    } finally {
      pool.shutdown();
      try {
        if (!pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.log(System.Logger.Level.WARNING, "upload threads still running after cancellation");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static IOException unwrap(ExecutionException e) {
    Throwable c = e.getCause();
    if (c instanceof IOException) {
      return (IOException) c;
    }
    if (c instanceof RuntimeException) {
      throw (RuntimeException) c;
    }
    if (c instanceof Error) {
      throw (Error) c;
    }
    return new IOException("Upload failed: " + c, c);
  }
}

package io.carmint.client;

import io.carmint.car.CarFile;
import io.carmint.car.split.SplitResult;
import io.carmint.car.split.TreewalkSplitter;
import io.carmint.unixfs.internal.FileTrees;
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
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Uploads a CAR in pieces, as {@link NftStorageClient#storeCar(Path, UploadListener)} does: splits it by the
 * treewalk rule into CARv1 pieces in a temporary directory (deleted afterwards), then sends them,
 * {@code concurrency} at a time on threads of its own, and checks that the service answers every piece with the
 * CAR's root. The first failure cancels the pieces not yet sent (a piece being sent stops before its next attempt)
 * and is thrown. Cancelling the {@link UploadJob}, or interrupting the thread that called {@link #upload}, stops
 * everything at once: calls under way are closed, nothing more is sent, the listener hears nothing more, and
 * {@code upload} waits for its threads and removes its files before it throws. Reports progress and stored pieces
 * to an {@link UploadListener} through a {@link ProgressTracker}. Thread-safe; each {@link #upload} call has its own
 * directory and threads.
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
     * @param cancellation stops the request before its next attempt, and holds its call under way
     * @return the service's answer
     */
    Nft send(Path piece, long length, Supplier<LongConsumer> attemptProgress, Transport.Cancellation cancellation)
        throws IOException;
  }

  /** Asks the service for an upload's status: {@link NftStorageClient}'s {@code status}. */
  @FunctionalInterface
  interface StatusReader {
    Nft status(Cid root, Transport.Cancellation cancellation) throws IOException;
  }

  private final Sender sender;
  private final StatusReader statusReader;
  private final int concurrency;
  private final long maxPieceSize;
  private final Path tempDirectory;

  PieceUploader(Sender sender, StatusReader statusReader, int concurrency, long maxPieceSize, Path tempDirectory) {
    this.sender = sender;
    this.statusReader = statusReader;
    this.concurrency = concurrency;
    this.maxPieceSize = maxPieceSize;
    this.tempDirectory = tempDirectory;
  }

  /**
   * Splits {@code car} and uploads its pieces.
   *
   * @return the final description of the upload, as {@link NftStorageClient#storeCar(Path, UploadListener)} defines
   *     it
   * @throws IOException as {@link NftStorageClient#storeCar(Path, UploadListener)}
   */
  Nft upload(Path car, UploadListener listener, UploadJob job) throws IOException {
    job.check();
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
      job.check();
      return finalStatus(root, upload(root, pieces, sizes, listener, job), job);
    } finally {
      FileTrees.delete(work);
    }
  }

  /**
   * The upload's final description: the last piece's answer if it says the DAG is pinned, else the service's
   * {@code status} asked once (pieces are stored concurrently, so the last answer received can be an earlier
   * piece's {@code pinning}); the last answer again if that request fails: the upload itself succeeded.
   */
  private Nft finalStatus(Cid root, Nft last, UploadJob job) throws IOException {
    if (last.pinStatus() == PinStatus.PINNED) {
      return last;
    }
    try {
      return statusReader.status(root, job);
    } catch (InterruptedIOException e) {
      throw e;
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "status after the upload of " + root + " failed; returning the last"
          + " piece's answer: " + e.getMessage());
      return last;
    }
  }

  /**
   * @param root the root every answer must name
   * @param pieces the pieces' files, in splitting order
   * @param sizes their sizes
   * @return the last answer received
   * @throws CidMismatchException if the service answers a piece with another root
   * @throws InterruptedIOException if the upload was cancelled or this thread interrupted
   * @throws IOException the first failure of a piece
   */
  private Nft upload(Cid root, List<Path> pieces, long[] sizes, UploadListener listener, UploadJob job)
      throws IOException {
    int count = pieces.size();
    long total = 0;
    for (long s : sizes) {
      total = Math.addExact(total, s);
    }
    ProgressTracker tracker = new ProgressTracker(listener, job, count, total);
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, count), r -> {
      Thread t = new Thread(r, THREAD_NAME + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    AtomicBoolean failed = new AtomicBoolean();
    Transport.Cancellation cancellation = new Transport.Cancellation() {
      @Override
      public boolean isCancelled() {
        return failed.get() || job.isCancelled();
      }

      @Override
      public String why() {
        return job.isCancelled() ? job.why() : "another part of the upload failed";
      }

      @Override
      public void track(okhttp3.Call call) {
        job.track(call);
      }

      @Override
      public void untrack(okhttp3.Call call) {
        job.untrack(call);
      }
    };
    boolean stopNow = false;
    try {
      CompletionService<Nft> done = new ExecutorCompletionService<>(pool);
      List<Future<Nft>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(done.submit(() -> {
          try {
            Nft answer = sender.send(pieces.get(index), sizes[index], () -> tracker.attempt(index), cancellation);
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
          if (job.isCancelled()) {
            stopNow = true;
            throw new InterruptedIOException("The upload of " + count + " piece(s) was cancelled");
          }
          throw unwrap(e);
        }
      }
      job.check();
      return last;
    } catch (InterruptedException e) {
      stopNow = true;
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("The upload of " + count + " piece(s) was "
          + (job.isCancelled() ? "cancelled" : "interrupted"));
    } finally {
      if (stopNow) {
        job.cancel(); // an interrupted upload stops as a cancelled one: calls closed, listener silenced
        pool.shutdownNow();
      } else {
        pool.shutdown();
      }
      awaitTermination(pool);
    }
  }

  /** Waits for the upload's threads, even if this thread is interrupted (the flag is kept). */
  private static void awaitTermination(ExecutorService pool) {
    boolean interrupted = Thread.interrupted();
    try {
      while (true) {
        try {
          if (!pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "upload threads still running after cancellation");
          }
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
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

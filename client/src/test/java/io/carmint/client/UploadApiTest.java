package io.carmint.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.multiformats.Cid;
import io.carmint.testkit.LocalNftStorage;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload API against the real {@link LocalNftStorage}: listeners made of lambdas, the final pin status of a
 * split upload, and cancellation of asynchronous uploads (no piece sent and no listener called after {@code cancel},
 * temporary files removed). The thread running an asynchronous upload is the test's own, so the test can wait for
 * it to end on a latch.
 */
class UploadApiTest {
  static final String TOKEN = "upload-api-token";

  @RegisterExtension
  final LocalNftStorageExtension service =
      new LocalNftStorageExtension(LocalNftStorage.builder().token(TOKEN).build());

  @TempDir
  Path dir;
  Path temp;
  /** Counted down when an asynchronous upload's thread has ended. */
  final CountDownLatch uploadEnded = new CountDownLatch(1);
  NftStorageClient client;

  @BeforeEach
  void connect() throws IOException {
    temp = Files.createDirectories(dir.resolve("temp"));
    client = clientBuilder(1).build();
  }

  NftStorageClientBuilder clientBuilder(int concurrency) {
    Executor ownThread = task -> new Thread(() -> {
      try {
        task.run();
      } finally {
        uploadEnded.countDown();
      }
    }).start();
    return NftStorageClient.builder().endpoint(service.endpoint()).token(TOKEN).tempDirectory(temp)
        .retryPolicy(RetryPolicy.none()).rateLimiter(RateLimiter.unlimited())
        .maxPieceSize(20_000).concurrency(concurrency).executor(ownThread);
  }

  @AfterEach
  void close() {
    client.close();
  }

  List<String> tempFiles() throws IOException {
    try (Stream<Path> s = Files.list(temp)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void listenersMadeOfLambdasHearEveryPieceAndEveryByte() throws Exception {
    Path car = dir.resolve("split.car");
    Cid root = Cars.flat(car, 1, 12, 8_000); // 8 kB leaves in 20 kB pieces: several pieces
    // --- Javadoc example ---
    AtomicLong sentSoFar = new AtomicLong();
    List<Integer> stored = new CopyOnWriteArrayList<>();
    UploadListener listener = UploadListener.onProgress((sent, total) -> sentSoFar.set(sent))
        .andThen(UploadListener.onPieceStored((index, count, bytes) -> stored.add(index)));
    // --- end ---
    AtomicLong storedBytes = new AtomicLong();
    AtomicLong pieces = new AtomicLong();
    Nft nft = clientBuilder(3).build().storeCar(car, listener.andThen(UploadListener.onPieceStored(
        (index, count, bytes) -> {
          storedBytes.addAndGet(bytes);
          pieces.set(count);
        })));
    assertEquals(root, nft.cid());
    assertTrue(pieces.get() > 2, "pieces: " + pieces.get());
    assertEquals(IntStream.range(0, (int) pieces.get()).boxed().toList(), stored.stream().sorted().toList());
    assertEquals(storedBytes.get(), sentSoFar.get(), "every byte of every piece, once");
  }

  @Test
  void aSplitUploadReturnsTheFinalPinnedStatusNotAnEarlierPiecesPinning() throws Exception {
    Path car = dir.resolve("split.car");
    Cid root = Cars.flat(car, 2, 12, 8_000);
    List<PinStatus> afterEachPiece = new ArrayList<>();
    Nft nft = client.storeCar(car, UploadListener.onPieceStored((index, count, bytes) -> {
      try {
        afterEachPiece.add(client.status(root).pinStatus());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }));
    assertTrue(afterEachPiece.size() > 2, "pieces: " + afterEachPiece.size());
    assertEquals(PinStatus.PINNING, afterEachPiece.get(0), "the service has part of the DAG");
    assertEquals(PinStatus.PINNED, afterEachPiece.get(afterEachPiece.size() - 1));
    assertEquals(PinStatus.PINNED, nft.pinStatus());
    assertEquals(afterEachPiece.size(), nft.parts().size());
  }

  @Test
  void cancellingFromAListenerSendsNoFurtherPieceAndRemovesTheTemporaryFiles() throws Exception {
    Path car = dir.resolve("split.car");
    Cid root = Cars.flat(car, 3, 12, 8_000);
    AtomicReference<CompletableFuture<Nft>> future = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    List<String> events = new CopyOnWriteArrayList<>();
    AtomicBoolean cancelReturned = new AtomicBoolean();
    UploadListener listener = new UploadListener() {
      @Override
      public void onProgress(long sent, long total) {
        events.add((cancelReturned.get() ? "late " : "") + "progress");
      }

      @Override
      public void onPieceStored(int index, int count, long bytes) {
        events.add((cancelReturned.get() ? "late " : "") + "stored " + index);
        if (index == 0) {
          await(started);
          assertTrue(future.get().cancel(true));
          cancelReturned.set(true);
        }
      }
    };
    future.set(client.storeCarAsync(car, listener));
    started.countDown();
    uploadEnded.await();

    assertTrue(future.get().isCancelled());
    assertThrows(CancellationException.class, () -> future.get().join());
    assertEquals(List.of("stored 0"), events.stream().filter(e -> !e.equals("progress")).toList());
    assertEquals(1, client.status(root).parts().size(), "only the first piece reached the service");
    assertEquals(PinStatus.PINNING, client.status(root).pinStatus());
    assertEquals(List.of(), tempFiles());
    assertFalse(future.get().cancel(true), "already cancelled");
  }

  @Test
  void aCancelledUploadSaysNoMoreAndLeavesNoFiles() throws Exception {
    Path car = dir.resolve("split.car");
    Cars.flat(car, 4, 12, 8_000);
    AtomicLong progress = new AtomicLong();
    // --- Javadoc example ---
    CompletableFuture<Nft> upload = client.storeCarAsync(car,
        UploadListener.onProgress((sent, total) -> progress.set(sent)));
    upload.cancel(true); // no piece is sent after this, and the listener hears nothing more
    // --- end ---
    long atCancel = progress.get();
    uploadEnded.await();
    assertTrue(upload.isCancelled());
    assertEquals(atCancel, progress.get());
    assertEquals(List.of(), tempFiles());
  }

  @Test
  void uploadAsyncCancelledFromAListenerRemovesItsPackedCarToo() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("folder"));
    java.util.Random random = new java.util.Random(6);
    for (int i = 0; i < 12; i++) {
      byte[] data = new byte[8_000];
      random.nextBytes(data);
      Files.write(folder.resolve(i + ".bin"), data);
    }
    Cid root = io.carmint.unixfs.importer.Importer.cid(folder);
    AtomicReference<CompletableFuture<Nft>> future = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    List<Integer> stored = new CopyOnWriteArrayList<>();
    future.set(client.uploadAsync(folder, io.carmint.unixfs.importer.ImportProfile.DEFAULT,
        UploadListener.onPieceStored((index, count, bytes) -> {
          stored.add(index);
          await(started);
          future.get().cancel(false);
        })));
    started.countDown();
    uploadEnded.await();
    assertTrue(future.get().isCancelled());
    assertEquals(List.of(0), stored);
    assertEquals(1, client.status(root).parts().size(), "only the first piece reached the service");
    assertEquals(List.of(), tempFiles(), "the packed CAR and the pieces are removed");
  }

  @Test
  void storeNftAsyncCompletesWithTheToken() throws Exception {
    Path image = Files.write(dir.resolve("cat.png"), new byte[15_000]);
    io.carmint.nft.NftMetadata metadata = io.carmint.nft.NftMetadata.builder().name("Cat").description("A cat")
        .image(io.carmint.nft.NftAsset.of(image)).build();
    io.carmint.nft.NftToken token = client.storeNftAsync(metadata, UploadListener.NONE).join();
    assertEquals(metadata.encode(dir.resolve("again.car")).ipnft(), token.ipnft());
    assertEquals(PinStatus.PINNED, client.status(token.ipnft()).pinStatus());
    assertEquals(List.of(), tempFiles());
  }

  @Test
  void aFinishedUploadCannotBeCancelled() throws Exception {
    Path car = dir.resolve("one.car");
    Cid root = Cars.single(car, 5, 1_000);
    CompletableFuture<Nft> upload = client.storeCarAsync(car, UploadListener.NONE);
    assertEquals(root, upload.join().cid());
    assertFalse(upload.cancel(true));
    assertEquals(PinStatus.PINNED, upload.join().pinStatus());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}

package io.carmint.client;

import static io.carmint.client.FaultsTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.car.CarFile;
import io.carmint.car.split.TreewalkSplitter;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real service will not do on demand, for split uploads: answer pieces with a stale {@code pinning}, and
 * hold pieces in flight while an upload is cancelled or its thread interrupted (the embedded service has no hook to
 * hold a request). Scripted with MockWebServer; no sleeps, only latches.
 */
class UploadFaultsTest {
  static final String TOKEN = "upload-faults-token";
  static final int PIECE_SIZE = 10_000;

  MockWebServer server;
  final CountDownLatch release = new CountDownLatch(1);
  final CountDownLatch uploadEnded = new CountDownLatch(1);
  @TempDir
  Path dir;
  Path temp;
  Path car;
  Cid root;
  int pieces;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    temp = Files.createDirectories(dir.resolve("temp"));
    car = dir.resolve("split.car");
    root = Cars.flat(car, 10, 8, 4000);
    Path split = Files.createDirectories(dir.resolve("split"));
    try (CarFile file = CarFile.open(car)) {
      pieces = TreewalkSplitter.builder().maxPieceSize(PIECE_SIZE).build().split(file, split, "p").pieces().size();
    }
    assertTrue(pieces >= 3, "pieces: " + pieces);
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  NftStorageClient client(int concurrency) {
    return NftStorageClient.builder().endpoint(server.url("/").uri()).token(TOKEN).tempDirectory(temp)
        .retryPolicy(RetryPolicy.none()).rateLimiter(RateLimiter.unlimited())
        .maxPieceSize(PIECE_SIZE).concurrency(concurrency)
        .executor(task -> new Thread(() -> {
          try {
            task.run();
          } finally {
            uploadEnded.countDown();
          }
        }).start())
        .build();
  }

  String answer(String status) {
    return "{\"ok\":true,\"value\":{\"cid\":\"" + root + "\",\"type\":\"application/car\",\"pin\":{\"cid\":\"" + root
        + "\",\"status\":\"" + status + "\"}}}";
  }

  /** Answers the n-th piece (1-based) with {@code pieceAnswer}, and {@code GET /{root}} with {@code status}. */
  void script(IntFunction<MockResponse> pieceAnswer, MockResponse status) {
    AtomicInteger posts = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getMethod().equals("POST") ? pieceAnswer.apply(posts.incrementAndGet()) : status;
      }
    });
  }

  List<RecordedRequest> requests() throws InterruptedException {
    List<RecordedRequest> out = new java.util.ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      out.add(server.takeRequest());
    }
    return out;
  }

  List<String> tempFiles() throws IOException {
    try (Stream<Path> s = Files.list(temp)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void earlierPiecesPinningAndTheLastPinnedGiveTheLastAnswerWithoutAskingAgain() throws Exception {
    script(n -> json(200, answer(n < pieces ? "pinning" : "pinned")), json(500, "{}"));
    try (NftStorageClient c = client(1)) {
      assertEquals(PinStatus.PINNED, c.storeCar(car).pinStatus());
    }
    assertEquals(pieces, server.getRequestCount(), "no status request");
  }

  @Test
  void aStalePinningFromTheLastAnswerIsReplacedByTheStatusAskedOnceAfterEveryPiece() throws Exception {
    script(n -> json(200, answer("pinning")), json(200, answer("pinned")));
    try (NftStorageClient c = client(1)) {
      assertEquals(PinStatus.PINNED, c.storeCar(car).pinStatus());
    }
    List<RecordedRequest> requests = requests();
    assertEquals(pieces + 1, requests.size());
    RecordedRequest last = requests.get(requests.size() - 1);
    assertEquals("GET /" + root, last.getMethod() + " " + last.getUrl().encodedPath());
    assertTrue(requests.subList(0, pieces).stream().allMatch(r -> r.getMethod().equals("POST")));
  }

  @Test
  void aFailedStatusRequestLeavesTheLastPiecesAnswer() throws Exception {
    script(n -> json(200, answer("pinning")), FaultsTest.error(404, "NOT_FOUND", "no such upload"));
    try (NftStorageClient c = client(1)) {
      Nft nft = c.storeCar(car);
      assertEquals(root, nft.cid());
      assertEquals(PinStatus.PINNING, nft.pinStatus(), "the upload succeeded; its last answer is kept");
    }
    assertEquals(pieces + 1, server.getRequestCount());
  }

  /** Holds every piece request until {@link #release}, counting them down on {@code arrived}. */
  void holdPieces(CountDownLatch arrived) {
    script(n -> {
      arrived.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return json(200, answer("pinning"));
    }, json(200, answer("pinned")));
  }

  @Test
  void cancellingStopsThePiecesInFlightSendsNoOtherAndSilencesTheListener() throws Exception {
    CountDownLatch arrived = new CountDownLatch(2);
    holdPieces(arrived);
    AtomicBoolean cancelReturned = new AtomicBoolean();
    List<String> late = new CopyOnWriteArrayList<>();
    UploadListener listener = new UploadListener() {
      @Override
      public void onProgress(long sent, long total) {
        if (cancelReturned.get()) {
          late.add("progress " + sent);
        }
      }

      @Override
      public void onPieceStored(int index, int count, long bytes) {
        if (cancelReturned.get()) {
          late.add("stored " + index);
        }
      }
    };
    try (NftStorageClient c = client(2)) {
      CompletableFuture<Nft> upload = c.storeCarAsync(car, listener);
      arrived.await(); // two pieces are at the service, waiting for their answers
      assertTrue(upload.cancel(true));
      cancelReturned.set(true);
      uploadEnded.await(); // while the service still holds both: their calls were closed, not answered
      release.countDown();
      assertThrows(CancellationException.class, upload::join);
    }
    assertEquals(2, server.getRequestCount(), "no piece was sent after the cancel");
    assertEquals(List.of(), late, "listener calls after cancel returned");
    assertEquals(List.of(), tempFiles());
  }

  @Test
  void interruptingABlockingUploadStopsItAsCancellingDoes() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    holdPieces(arrived);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    try (NftStorageClient c = client(1)) {
      Thread uploader = new Thread(() -> {
        try {
          c.storeCar(car);
        } catch (IOException | RuntimeException e) {
          thrown.set(e);
        }
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      });
      uploader.start();
      arrived.await();
      uploader.interrupt();
      uploader.join(); // while the service still holds the piece: its call was closed, not answered
      release.countDown();
    }
    InterruptedIOException e = assertInstanceOf(InterruptedIOException.class, thrown.get());
    assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
    assertTrue(stillInterrupted.get(), "the interrupt flag is kept");
    assertEquals(1, server.getRequestCount(), "no piece was sent after the interrupt");
    assertEquals(List.of(), tempFiles());
  }
}

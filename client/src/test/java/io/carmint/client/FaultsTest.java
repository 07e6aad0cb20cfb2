package io.carmint.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.Dispatcher;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real service will not do on demand, scripted with MockWebServer: each fault ends in a retry or the right
 * typed exception. Retries sleep on a {@link FakeTime}, so no test waits (except the one read timeout).
 */
class FaultsTest {
  static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.sig";
  static final String CID = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
  static final String NFT = "{\"cid\":\"" + CID + "\",\"size\":26,\"type\":\"directory\","
      + "\"created\":\"2024-05-01T12:00:00.000Z\",\"pin\":{\"cid\":\"" + CID + "\",\"status\":\"pinned\"},"
      + "\"deals\":[],\"files\":[]}";
  static final String OK_NFT = "{\"ok\":true,\"value\":" + NFT + "}";

  MockWebServer server;
  final Script script = new Script();
  FakeTime time;
  NftStorageClient client;
  @TempDir
  Path dir;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    script.server = server;
    server.setDispatcher(script);
    server.start();
    time = new FakeTime();
    client = client(RetryPolicy.builder().jitter(0).build(), Duration.ofSeconds(10));
  }

  NftStorageClient client(RetryPolicy policy, Duration readTimeout) {
    return NftStorageClient.builder()
        .endpoint(server.url("/").uri())
        .token(TOKEN)
        .retryPolicy(policy)
        .timeSource(time)
        .readTimeout(readTimeout)
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  /**
   * Answers the n-th request with the n-th scripted response. Unlike MockWebServer's queue, a response whose
   * {@code onRequestBody} effect breaks the request is used once: a request that failed is never dispatched, so a
   * queue would keep it at its head and break every retry too.
   */
  static final class Script extends Dispatcher {
    private final List<MockResponse> responses = new CopyOnWriteArrayList<>();
    private MockWebServer server;

    void enqueue(MockResponse r) {
      responses.add(r);
    }

    private MockResponse at(int index) {
      return index < responses.size() ? responses.get(index)
          : new MockResponse.Builder().code(599).body("no response scripted for request " + index).build();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      return at(server.getRequestCount() - 1);
    }

    @Override
    public MockResponse peek() {
      return at(server.getRequestCount());
    }
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json;charset=UTF-8")
        .body(body).build();
  }

  static MockResponse error(int code, String name, String message) {
    return json(code, "{\"ok\":false,\"error\":{\"code\":\"" + name + "\",\"message\":\"" + message + "\"}}");
  }

  Path randomFile(int size) throws IOException {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return Files.write(dir.resolve("blob-" + size), data);
  }

  @Test
  void serverErrorThenSuccessIsRetriedAfterTheBackoff() throws Exception {
    script.enqueue(error(500, "HTTP_ERROR", "Database error"));
    script.enqueue(json(200, OK_NFT));
    Nft nft = client.status(Cid.parse(CID));
    assertEquals(Cid.parse(CID), nft.cid());
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps());
  }

  @Test
  void backoffDoublesUntilTheRetriesRunOutThenServerError() {
    for (int i = 0; i < 6; i++) {
      script.enqueue(error(503, "ERROR_MAINTENANCE", "API undergoing maintenance"));
    }
    ServerErrorException e = assertThrows(ServerErrorException.class, () -> client.status(Cid.parse(CID)));
    assertEquals(503, e.status());
    assertEquals(6, e.attempts());
    assertEquals("ERROR_MAINTENANCE", e.errorName().orElseThrow());
    assertTrue(e.getMessage().contains("API undergoing maintenance"), e.getMessage());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
        Duration.ofSeconds(16)), time.sleeps());
  }

  @Test
  void rateLimitedHonoursRetryAfter() throws Exception {
    script.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "28")
        .setHeader("Content-Type", "application/json")
        .body("{\"ok\":false,\"error\":{\"code\":\"ERROR_RATE_LIMITED\",\"message\":\"You are being rate limited\"}}")
        .build());
    script.enqueue(json(200, OK_NFT));
    client.status(Cid.parse(CID));
    assertEquals(List.of(Duration.ofSeconds(28)), time.sleeps());
  }

  @Test
  void retryAfterLongerThanThePolicyAcceptsFailsAtOnce() {
    script.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
    RateLimitedException e = assertThrows(RateLimitedException.class, () -> client.status(Cid.parse(CID)));
    assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
    assertEquals(1, e.attempts());
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void persistentRateLimitEndsInRateLimitedException() {
    NftStorageClient c = client(RetryPolicy.builder().jitter(0).maxRetries(2).build(), Duration.ofSeconds(10));
    for (int i = 0; i < 3; i++) {
      script.enqueue(error(429, "ERROR_RATE_LIMITED", "You are being rate limited"));
    }
    RateLimitedException e = assertThrows(RateLimitedException.class, () -> c.check(Cid.parse(CID)));
    assertEquals(3, e.attempts());
    assertTrue(e.retryAfter().isEmpty());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void connectionResetMidUploadIsRetriedWithTheWholeBody() throws Exception {
    Path file = randomFile(300_000);
    script.enqueue(new MockResponse.Builder().onRequestBody(new SocketEffect.CloseSocket()).build());
    script.enqueue(json(200, OK_NFT));
    Nft nft = client.storeBlob(file, "image/png");
    assertEquals(Cid.parse(CID), nft.cid());
    RecordedRequest broken = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    RecordedRequest retried = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    assertTrue(broken.getBodySize() < 300_000, "the first attempt was cut: " + broken.getBodySize());
    assertEquals("POST", retried.getMethod());
    assertEquals("/upload", retried.getUrl().encodedPath());
    assertEquals("image/png", retried.getHeaders().get("Content-Type"));
    assertArrayEquals(Files.readAllBytes(file), retried.getBody().toByteArray());
    assertEquals(1, time.sleeps().size());
  }

  @Test
  void timeoutIsRetried() throws Exception {
    NftStorageClient c = client(RetryPolicy.builder().jitter(0).build(), Duration.ofMillis(300));
    script.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    script.enqueue(json(200, OK_NFT));
    assertEquals(Cid.parse(CID), c.status(Cid.parse(CID)).cid());
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps());
  }

  @Test
  void timeoutWithoutRetriesIsASocketTimeout() {
    NftStorageClient c = client(RetryPolicy.none(), Duration.ofMillis(300));
    script.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    assertThrows(SocketTimeoutException.class, () -> c.status(Cid.parse(CID)));
  }

  @Test
  void htmlErrorPageOf413IsPayloadTooLargeWithThePageTitle() throws Exception {
    Path file = randomFile(1000);
    script.enqueue(new MockResponse.Builder().code(413).setHeader("Content-Type", "text/html")
        .body("<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request "
            + "Entity Too Large</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n").build());
    PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> client.storeBlob(file, null));
    assertEquals(413, e.status());
    assertTrue(e.getMessage().contains("413 Request Entity Too Large"), e.getMessage());
    assertEquals(1, server.getRequestCount(), "4xx is never retried");
  }

  @Test
  void htmlBadGatewayIsRetried() throws Exception {
    script.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
        .body("<!DOCTYPE html><html><head><title>nft.storage | 502: Bad gateway</title></head><body>…</body></html>")
        .build());
    script.enqueue(json(200, OK_NFT));
    assertEquals(Cid.parse(CID), client.status(Cid.parse(CID)).cid());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void malformedJsonInASuccessIsMalformedResponseNotRetried() {
    script.enqueue(json(200, "{\"ok\":true,\"value\":{\"cid\":"));
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> client.status(Cid.parse(CID)));
    assertEquals(200, e.status());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void htmlInASuccessIsMalformedResponse() {
    script.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
        .body("<html><head><title>Welcome to nginx!</title></head></html>").build());
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> client.status(Cid.parse(CID)));
    assertTrue(e.getMessage().contains("Welcome to nginx!"), e.getMessage());
  }

  @Test
  void okFalseInASuccessIsMalformedResponse() {
    script.enqueue(json(200, "{\"ok\":false,\"value\":\"Upload CID is required\"}"));
    assertThrows(MalformedResponseException.class, () -> client.status(Cid.parse(CID)));
  }

  @Test
  void clientErrorsMapToTypesAndAreNeverRetried() {
    script.enqueue(error(400, "ERROR_INVALID_CID", "Invalid CID: nope"));
    BadRequestException bad = assertThrows(BadRequestException.class, () -> client.status(Cid.parse(CID)));
    assertEquals("Invalid CID: nope", bad.serviceMessage().orElseThrow());
    assertEquals("GET /" + CID + ": HTTP 400 ERROR_INVALID_CID: Invalid CID: nope", bad.getMessage());

    script.enqueue(error(401, "ERROR_TOKEN_NOT_FOUND", "API Key not found."));
    assertThrows(UnauthorizedException.class, () -> client.status(Cid.parse(CID)));
    script.enqueue(error(403, "ERROR_TOKEN_BLOCKED", "API Key is blocked."));
    assertThrows(ForbiddenException.class, () -> client.delete(Cid.parse(CID)));
    script.enqueue(error(404, "HTTP_ERROR", "NFT not found"));
    assertThrows(NotFoundException.class, () -> client.check(Cid.parse(CID)));
    script.enqueue(new MockResponse.Builder().code(409).body("conflict").build());
    ApiException other = assertThrows(ApiException.class, () -> client.status(Cid.parse(CID)));
    assertEquals(409, other.status());
    assertEquals(5, server.getRequestCount());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void theTokenNeverShowsEvenWhenTheServiceEchoesIt() {
    script.enqueue(error(401, "ERROR_TOKEN_NOT_FOUND", "API Key " + TOKEN + " not found."));
    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> client.status(Cid.parse(CID)));
    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    assertTrue(e.getMessage().contains("<redacted>"), e.getMessage());
    assertFalse(e.serviceMessage().orElseThrow().contains(TOKEN));
    assertFalse(client.toString().contains(TOKEN), client.toString());
    assertTrue(client.toString().contains("<redacted>"));
  }

  @Test
  void requestsHaveTheDocumentedShape() throws Exception {
    script.enqueue(json(200, OK_NFT));
    script.enqueue(json(200, "{\"ok\":true,\"value\":{\"cid\":\"" + CID + "\",\"pin\":{\"cid\":\"" + CID
        + "\",\"status\":\"pinning\"},\"deals\":[]}}"));
    script.enqueue(new MockResponse.Builder().code(200).setHeader("Count", "42")
        .body("{\"ok\":true,\"value\":[" + NFT + "]}").build());
    script.enqueue(json(202, "{\"ok\":true}"));
    script.enqueue(new MockResponse.Builder().code(200).body("").build());

    client.status(Cid.parse(CID));
    CheckResult check = client.check(Cid.parse(CID));
    ListPage page = client.list(java.time.Instant.parse("2024-05-01T12:00:00Z"), 1000);
    client.delete(Cid.parse(CID));
    client.delete(Cid.parse(CID));

    RecordedRequest status = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals("GET", status.getMethod());
    assertEquals("/" + CID, status.getUrl().encodedPath());
    assertEquals("Bearer " + TOKEN, status.getHeaders().get("Authorization"));

    RecordedRequest checked = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals("/check/" + CID, checked.getUrl().encodedPath());
    assertNull(checked.getHeaders().get("Authorization"), "check is public: no token");
    assertEquals(PinStatus.PINNING, check.pinStatus());

    RecordedRequest listed = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals("/", listed.getUrl().encodedPath());
    assertEquals("1000", listed.getUrl().queryParameter("limit"));
    assertEquals("2024-05-01T12:00:00Z", listed.getUrl().queryParameter("before"));
    assertEquals(42, page.count().orElseThrow());
    assertEquals(1, page.nfts().size());

    RecordedRequest deleted = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals("DELETE", deleted.getMethod());
    assertEquals("/" + CID, deleted.getUrl().encodedPath());
  }

  @Test
  void anEndpointWithAPathKeepsIt() throws Exception {
    NftStorageClient c = NftStorageClient.builder().endpoint(server.url("/api/").uri()).token(TOKEN)
        .timeSource(time).build();
    script.enqueue(json(200, OK_NFT));
    script.enqueue(json(200, "{\"ok\":true,\"value\":[]}"));
    c.status(Cid.parse(CID));
    c.list();
    assertEquals("/api/" + CID, server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS).getUrl().encodedPath());
    RecordedRequest list = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals("/api/", list.getUrl().encodedPath());
    assertEquals("10", list.getUrl().queryParameter("limit"));
    assertNull(list.getUrl().queryParameter("before"));
  }

  @Test
  void interruptedWhileWaitingToRetryStops() throws Exception {
    TimeSource interrupting = new TimeSource() {
      @Override
      public long nanoTime() {
        return 0;
      }

      @Override
      public java.time.Instant now() {
        return java.time.Instant.EPOCH;
      }

      @Override
      public void sleep(Duration d) throws InterruptedException {
        throw new InterruptedException();
      }
    };
    NftStorageClient c = NftStorageClient.builder().endpoint(server.url("/").uri()).token(TOKEN)
        .timeSource(interrupting).build();
    script.enqueue(error(500, "HTTP_ERROR", "boom"));
    assertThrows(InterruptedIOException.class, () -> c.status(Cid.parse(CID)));
    assertTrue(Thread.interrupted(), "the interrupt flag is restored");
  }

  static String nftJson(Cid cid) {
    return "{\"ok\":true,\"value\":{\"cid\":\"" + cid + "\",\"type\":\"application/car\"}}";
  }

  @Test
  void aServiceAnsweringAnotherCidIsCaught() throws Exception {
    Path car = dir.resolve("one.car");
    Cid root = Cars.single(car, 1, 1000);
    Cid other = Cars.raw(2, 1000).cid();
    script.enqueue(json(200, nftJson(other)));
    CidMismatchException e = assertThrows(CidMismatchException.class, () -> client.storeCar(car));
    assertEquals(root, e.expected());
    assertEquals(other, e.actual());
    assertTrue(e.getMessage().contains(root.toString()) && e.getMessage().contains(other.toString()));
    RecordedRequest sent = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals("application/car", sent.getHeaders().get("Content-Type"));
    assertArrayEquals(Files.readAllBytes(car), sent.getBody().toByteArray(), "a one-piece CARv1 is sent as is");
  }

  @Test
  void aCidv1AnswerForACidv0RootIsTheSameContent() throws Exception {
    io.carmint.block.Block leaf = Cars.raw(3, 100);
    byte[] node = io.carmint.dagpb.DagPb.encode(io.carmint.dagpb.PbNode.of(
        List.of(io.carmint.dagpb.PbLink.of(leaf.cid(), "", 100))));
    Cid v0 = Cid.v0(io.carmint.multiformats.HashFunction.SHA2_256.digest(node));
    Path car = dir.resolve("v0.car");
    Cars.write(car, v0, List.of(io.carmint.block.Block.of(v0, node), leaf));
    script.enqueue(json(200, nftJson(v0.toV1())));
    assertEquals(v0.toV1(), client.storeCar(car).cid());
  }

  @Test
  void oneRefusedPieceFailsTheUpload() throws Exception {
    Path car = dir.resolve("split.car");
    Cid root = Cars.flat(car, 10, 6, 4000);
    NftStorageClient c = NftStorageClient.builder().endpoint(server.url("/").uri()).token(TOKEN).timeSource(time)
        .maxPieceSize(10_000).concurrency(1).build();
    script.enqueue(json(200, nftJson(root)));
    script.enqueue(error(400, "ERROR_INVALID_CAR", "Invalid CAR file received: block too big"));
    BadRequestException e = assertThrows(BadRequestException.class, () -> c.storeCar(car));
    assertTrue(e.getMessage().contains("block too big"), e.getMessage());
    assertEquals(2, server.getRequestCount(), "the remaining pieces were not sent");
  }

  @Test
  void anEndpointIsRequiredAndMustBeHttp() {
    assertThrows(IllegalStateException.class, () -> NftStorageClient.builder().token(TOKEN).build());
    assertThrows(IllegalArgumentException.class, () -> NftStorageClient.builder().endpoint("ftp://x"));
    assertThrows(IllegalArgumentException.class, () -> NftStorageClient.builder().endpoint("https://u:p@x"));
    assertThrows(IllegalArgumentException.class, () -> NftStorageClient.builder().token("a b"));
  }
}

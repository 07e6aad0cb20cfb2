package io.carmint.client;

import static io.carmint.client.FaultsTest.CID;
import static io.carmint.client.FaultsTest.TOKEN;
import static io.carmint.client.FaultsTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that lie or misbehave in ways the local service never does, scripted with MockWebServer (issue 12): each
 * ends in a typed exception with one clear message, never in a wrong answer taken as right or a run without end.
 */
class HostileServerTest {
  static final Cid ASKED = Cid.parse(CID);
  static final Cid OTHER = Cid.parse("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");

  MockWebServer server;
  MockWebServer elsewhere;
  FakeTime time;
  NftStorageClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    elsewhere = new MockWebServer();
    elsewhere.start();
    time = new FakeTime();
    client = NftStorageClient.builder().endpoint(server.url("/").uri()).token(TOKEN)
        .retryPolicy(RetryPolicy.builder().jitter(0).build()).timeSource(time).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    elsewhere.close();
  }

  static String nft(Cid cid) {
    return "{\"ok\":true,\"value\":{\"cid\":\"" + cid + "\",\"size\":26,\"type\":\"directory\","
        + "\"created\":\"2024-05-01T12:00:00.000Z\",\"pin\":{\"cid\":\"" + cid + "\",\"status\":\"pinned\"}}}";
  }

  /** Issue 12, defect 10: status took an answer about another CID as the status of the one asked for (exit 0). */
  @Test
  void aStatusAboutAnotherCidIsAMismatch() {
    server.enqueue(json(200, nft(OTHER)));
    CidMismatchException e = assertThrows(CidMismatchException.class, () -> client.status(ASKED));
    assertEquals(ASKED, e.expected());
    assertEquals(OTHER, e.actual());
    assertEquals("CID mismatch for GET /" + ASKED + ": asked for " + ASKED + ", service answered " + OTHER,
        e.getMessage());
  }

  /** The same through a redirect to a host that answers for another CID; the token does not follow it there. */
  @Test
  void aStatusRedirectedToAHostAnsweringForAnotherCidIsAMismatch() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", elsewhere.url("/" + OTHER)).build());
    elsewhere.enqueue(json(200, nft(OTHER)));
    assertThrows(CidMismatchException.class, () -> client.status(ASKED));
    RecordedRequest redirected = elsewhere.takeRequest(5, TimeUnit.SECONDS);
    assertNull(redirected.getHeaders().get("Authorization"), "the token is not sent to another host");
  }

  @Test
  void aCheckAboutAnotherCidIsAMismatchAndAnotherSpellingIsNot() throws Exception {
    server.enqueue(json(200, "{\"ok\":true,\"value\":{\"cid\":\"" + OTHER + "\",\"pin\":{\"status\":\"pinned\"},"
        + "\"deals\":[]}}"));
    assertThrows(CidMismatchException.class, () -> client.check(ASKED));
    Cid v0 = ASKED.toV0();
    server.enqueue(json(200, nft(ASKED)));
    assertEquals(ASKED, client.status(v0).cid(), "a CIDv1 answer for a CIDv0 names the same content");
    assertTrue(server.getRequestCount() >= 2);
  }

  /**
   * Issue 12, defect 15: a redirect loop was followed 20 times, failed as a network error, and was retried: 126
   * requests before failing. The first address visited twice ends the request, unretried.
   */
  @Test
  void aRedirectLoopFailsAtTheFirstRepeatAndIsNotRetried() {
    String back = server.url("/" + ASKED).toString();
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", elsewhere.url("/a")).build());
    elsewhere.enqueue(new MockResponse.Builder().code(302).setHeader("Location", back).build());
    server.enqueue(json(200, nft(ASKED))); // never reached
    RedirectLoopException e = assertThrows(RedirectLoopException.class, () -> client.status(ASKED));
    assertEquals("GET /" + ASKED + ": redirected in a loop (" + back + " -> " + elsewhere.url("/a") + " -> " + back
        + "); not retried", e.getMessage());
    assertEquals(1, server.getRequestCount());
    assertEquals(1, elsewhere.getRequestCount());
    assertEquals(List.of(), time.sleeps(), "no retry");
  }

  /** A loop through addresses that all differ (a counter in the path) ends at OkHttp's 20 follow-ups, unretried. */
  @Test
  void endlessRedirectsToNewAddressesAreNotRetried() {
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(302).setHeader("Location", "/next-" + server.getRequestCount())
            .build();
      }
    });
    java.net.ProtocolException e = assertThrows(java.net.ProtocolException.class, () -> client.status(ASKED));
    assertTrue(e.getMessage().startsWith("Too many follow-up requests"), e.getMessage());
    assertEquals(21, server.getRequestCount());
    assertEquals(List.of(), time.sleeps(), "no retry");
  }

  /** A client whose every attempt must be done within 300 ms and every request within {@code deadline}. */
  NftStorageClient impatient(RetryPolicy retries, Duration deadline) {
    return NftStorageClient.builder().endpoint(server.url("/").uri()).token(TOKEN).retryPolicy(retries)
        .timeSource(time).callTimeout(Duration.ofMillis(300)).deadline(deadline).build();
  }

  /** An answer whose body comes a byte every 100 ms: ten thousand bytes would take 17 minutes. */
  static MockResponse dribble() {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body(nft(ASKED).replace("}}}", "}," + "\"pad\":\"" + "x".repeat(10_000) + "\"}}"))
        .throttleBody(1, 100, TimeUnit.MILLISECONDS).build();
  }

  /**
   * Issue 12, defect 12: a server dribbling one byte every 2 s held status forever (the read timeout measures
   * silence, and there never was any). The call timeout bounds each attempt, and the message says which limit
   * passed.
   */
  @Test
  void aDribblingAnswerIsCutByTheCallTimeout() {
    try (NftStorageClient c = impatient(RetryPolicy.none(), Duration.ofMinutes(5))) {
      server.enqueue(dribble());
      DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> c.status(ASKED));
      assertEquals("NftStorageClientBuilder.callTimeout", e.setting());
      assertEquals(Duration.ofMillis(300), e.timeout());
      assertEquals("GET /" + ASKED + ": no complete answer within the call timeout of 300 ms "
          + "(NftStorageClientBuilder.callTimeout)", e.getMessage());
    }
  }

  /**
   * The deadline bounds a request with all its retries: attempts cut by the call timeout are retried after 1 s, 2 s
   * (on the fake clock) until the next wait would pass the deadline of 3 s.
   */
  @Test
  void retriesStopAtTheDeadline() {
    try (NftStorageClient c = impatient(RetryPolicy.builder().jitter(0).build(), Duration.ofSeconds(3))) {
      for (int i = 0; i < 6; i++) {
        server.enqueue(dribble());
      }
      DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> c.status(ASKED));
      assertEquals("NftStorageClientBuilder.deadline", e.setting());
      assertEquals("GET /" + ASKED + ": gave up after 2 attempt(s): the deadline of 3 s for the request, retries "
          + "included, passed (NftStorageClientBuilder.deadline); the last failure: GET /" + ASKED + ": no complete "
          + "answer within the call timeout of 300 ms (NftStorageClientBuilder.callTimeout)", e.getMessage());
      assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps());
      assertEquals(2, server.getRequestCount());
      assertTrue(e.getCause() instanceof DeadlineExceededException);
    }
  }

  /** An upload's attempt and deadline get the time to send its body at the slowest speed allowed, and say so. */
  @Test
  void anUploadIsGivenTimeToSendItsBody(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path blob = Files.write(dir.resolve("blob"), new byte[1000]);
    try (NftStorageClient c = NftStorageClient.builder().endpoint(server.url("/").uri()).token(TOKEN)
        .retryPolicy(RetryPolicy.none()).timeSource(time).callTimeout(Duration.ofMillis(200))
        .minUploadSpeed(10_000).build()) {
      server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
      DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> c.storeBlob(blob));
      assertEquals(Duration.ofMillis(300), e.timeout());
      assertEquals("POST /upload: no complete answer within the call timeout of 300 ms, 200 ms plus 100 ms to send "
          + "1,000 bytes at NftStorageClientBuilder.minUploadSpeed (NftStorageClientBuilder.callTimeout)",
          e.getMessage());
    }
    Transport.Timeouts defaults = new Transport.Timeouts(NftStorageClientBuilder.DEFAULT_CALL_TIMEOUT,
        NftStorageClientBuilder.DEFAULT_DEADLINE, NftStorageClientBuilder.DEFAULT_MIN_UPLOAD_SPEED);
    assertEquals(Duration.ofSeconds(800), defaults.sending(50L << 20), "a 50 MiB piece at 64 KiB/s");
    assertEquals("13 min 20 s", io.carmint.client.internal.Durations.format(Duration.ofSeconds(800)));
    assertEquals("90 s", io.carmint.client.internal.Durations.format(Duration.ofSeconds(90)));
    assertEquals("5 min", io.carmint.client.internal.Durations.format(Duration.ofMinutes(5)));
  }

  /** Three uploads of this token, newest first, created a minute apart. */
  static String page() {
    StringBuilder b = new StringBuilder("{\"ok\":true,\"value\":[");
    for (int i = 0; i < 3; i++) {
      Cid c = io.carmint.block.Block.create(io.carmint.multiformats.Multicodec.RAW,
          io.carmint.multiformats.HashFunction.SHA2_256, new byte[] {(byte) i}).cid();
      b.append(i == 0 ? "" : ",").append("{\"cid\":\"").append(c).append("\",\"created\":\"2024-05-01T12:0")
          .append(3 - i).append(":00.000Z\"}");
    }
    return b.append("]}").toString();
  }

  /**
   * Issue 12, defect 4: against a server that ignores 'before', list --all printed the same uploads again and again
   * (10 uploads 54 times each in 20 s). The second page, which goes back to uploads newer than its 'before', ends
   * the listing with an error; each upload was listed once.
   */
  @Test
  void listingAllStopsWhenAPageIgnoresBefore() throws Exception {
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(200, page()); // whatever 'before' says
      }
    });
    java.util.Iterator<Nft> all = client.listAll(3);
    List<Cid> listed = new java.util.ArrayList<>();
    java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> {
      while (all.hasNext()) {
        listed.add(all.next().cid());
      }
    });
    assertEquals(3, listed.size());
    assertEquals(3, new java.util.HashSet<>(listed).size(), "each upload once");
    assertTrue(e.getCause() instanceof MalformedResponseException, e.getCause().toString());
    assertTrue(e.getCause().getMessage().contains("was created at 2024-05-01T12:03:00Z, after the 'before' of "
        + "2024-05-01T12:01:00Z asked for: the service ignores or mishandles 'before', and listing on would repeat "
        + "uploads without end"), e.getCause().getMessage());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aPageNotNewestFirstStopsTheListing() {
    server.enqueue(json(200, page().replace("12:01", "12:09")));
    java.util.Iterator<Nft> all = client.listAll(3);
    java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, all::hasNext);
    assertTrue(e.getCause().getMessage().contains("the page is not newest first"), e.getCause().getMessage());
  }
}

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
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
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
    assertEquals(java.util.List.of(), time.sleeps(), "no retry");
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
    assertEquals(java.util.List.of(), time.sleeps(), "no retry");
  }
}

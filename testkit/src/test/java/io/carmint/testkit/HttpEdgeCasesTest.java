package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmint.block.Block;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, defect 16 and the gateway's parsing: requests that are not well-formed HTTP, or not what a route
 * expects, are answered 400 in the API's JSON (plain text under {@code /ipfs/}), never 500 and never the server's
 * HTML page. Raw sockets send what an HTTP client would refuse to.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HttpEdgeCasesTest {
  static final String TOKEN = "edge-token";
  static LocalNftStorage service;

  @BeforeAll
  static void start() throws IOException {
    service = LocalNftStorage.builder().token(TOKEN).build().start();
  }

  @AfterAll
  static void stop() {
    service.stop();
  }

  /** A whole response: status line, headers (names lower-cased) and body. */
  record Answer(int status, String head, String body) {
    boolean isJson() {
      return head.toLowerCase(Locale.ROOT).contains("content-type: application/json");
    }

    JsonNode json() throws IOException {
      return Http.JSON.readTree(body);
    }
  }

  /** Sends {@code request} as bytes; with {@code halfClose}, shuts the socket's output after it. */
  static Answer raw(String request, boolean halfClose) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), service.port())) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      if (halfClose) {
        s.shutdownOutput();
      }
      String h = RawHttp.readHead(s);
      String body = new String(s.getInputStream().readNBytes(RawHttp.contentLength(h)), StandardCharsets.UTF_8);
      return new Answer(Integer.parseInt(h.substring(9, 12)), h, body);
    }
  }

  static String upload(String framing) {
    return "POST /upload HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Type: application/car"
        + "\r\n" + framing + "\r\n";
  }

  private static void assertBadRequest(Answer a, String message) throws IOException {
    assertEquals(400, a.status(), a.head() + a.body());
    assertTrue(a.isJson(), a.head());
    assertFalse(a.json().path("ok").asBoolean(true));
    assertEquals("HTTP_ERROR", a.json().path("error").path("code").asText());
    assertTrue(a.json().path("error").path("message").asText().startsWith(message), a.body());
  }

  @Test
  void aBadChunkSizeIs400() throws IOException {
    Answer a = raw(upload("Transfer-Encoding: chunked\r\n") + "zz\r\nabc\r\n0\r\n\r\n", false);
    assertBadRequest(a, "Bad Request: the request body's chunked encoding is malformed");
  }

  @Test
  void aBodyShorterThanItsContentLengthIs400() throws IOException {
    Answer a = raw(upload("Content-Length: 1000\r\n") + "abcdef", true);
    assertBadRequest(a, "Bad Request: the request body ended after 6 of its 1000 bytes");
    Answer chunked = raw(upload("Transfer-Encoding: chunked\r\n") + "5\r\nabc", true);
    assertBadRequest(chunked, "Bad Request: the request body's chunked encoding is malformed, or the body ended "
        + "without its last chunk");
  }

  @Test
  void malformedPercentEscapesAreTheApisJsonError() throws IOException {
    for (String path : List.of("/%zz", "/check/%", "/api/upload%2", "/?limit=%zz")) {
      Answer a = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n", false);
      assertEquals(400, a.status(), path + ": " + a.head() + a.body());
      assertTrue(a.isJson(), path + ": " + a.head());
      assertFalse(a.body().contains("<html"), a.body());
    }
  }

  @Test
  void malformedGatewayRequestsAre400NeverTheServersPage() throws IOException {
    for (String target : List.of("/ipfs/bafkqaaa/%zz?format=car", "/ipfs/bafkqaaa/a%2?format=car",
        "/ipfs/bafkqaaa?format=car&x=%zz", "/ipfs/bafkqaaa?format=car&entity-bytes=1:x",
        "/ipfs/not-a-cid?format=raw", "/ipfs/bafkqaaa?format=car&dag-scope=%E0", "/ipfs/bafkqaaa/%E0?format=car",
        "/ipfs/bafkqaaa/%C3%A9%FF?format=car")) {
      Answer a = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n", false);
      assertEquals(400, a.status(), target + ": " + a.head() + a.body());
      assertFalse(a.body().contains("<html"), target + ": " + a.body());
      assertFalse(a.body().contains("Exception"), target + ": " + a.body());
    }
    Answer notUtf8 = raw("GET /ipfs/bafkqaaa/%E0?format=car HTTP/1.1\r\nHost: x\r\n\r\n", false);
    assertTrue(notUtf8.head().contains("text/plain"), notUtf8.head());
    assertTrue(notUtf8.body().startsWith("Bad Request: invalid percent-encoding in path segment %E0: the %-escapes "
        + "are not UTF-8"), notUtf8.body());
  }

  @Test
  void headersTooLargeAreTheApisJsonError() throws IOException {
    Answer a = raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n", false);
    assertEquals(431, a.status(), a.head());
    assertTrue(a.isJson(), a.head() + a.body());
  }

  @Test
  void anEmptyFirstSegmentIsStillTheUploadsPathNotTheList() throws Exception {
    Block leaf = TestDags.raw(700, 20);
    assertEquals(200, new Http(service.endpoint()).postCar("upload", TOKEN, TestDags.car(leaf.cid(), List.of(leaf)))
        .status());
    Answer a = raw("GET //" + leaf.cid() + "/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n",
        false);
    assertEquals(200, a.status(), a.head() + a.body());
    assertTrue(a.json().path("value").isObject(), "one upload's status, not a list: " + a.body());
    assertEquals(leaf.cid().toString(), a.json().path("value").path("cid").asText());
  }
}

package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow and silent clients against the service (issue 12, defect 1: eight connections that sent one byte took every
 * worker thread of the JDK server). Raw sockets play the clients; nothing here sleeps or measures time: short
 * configured timeouts, reads that wait for the server to act, and socket timeouts of 30 s as a safety net only.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SlowClientsTest {
  static final String TOKEN = "slow-token";
  static final int SAFETY_NET_MILLIS = 30_000;

  final List<Socket> sockets = new ArrayList<>();
  LocalNftStorage service;

  @AfterEach
  void close() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    if (service != null) {
      service.stop();
    }
  }

  @Test
  void fiftySlowConnectionsDoNotDelayOtherClients() throws Exception {
    // Two threads answer requests: with the JDK server, two of the slow connections below would take them all.
    service = LocalNftStorage.builder().token(TOKEN).threads(2).build().start();
    List<Socket> headerDribblers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      send(open(null), "G");                                              // one byte, then silence
    }
    for (int i = 0; i < 20; i++) {
      Socket s = open(null);
      send(s, "GET /check/bafkqaaa HTTP/1.1\r\nHost: x\r\nX-Slow: ");   // a head that never ends
      headerDribblers.add(s);
    }
    for (int i = 0; i < 10; i++) {
      // A body one byte at a time: "100 Continue" comes once the handler reads the body, so when the byte below is
      // sent, the request is being served, and a server that read bodies on its threads would have lost one.
      Socket s = open(null);
      send(s, "POST /upload HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Type: "
          + "application/car\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n");
      assertTrue(readHead(s).startsWith("HTTP/1.1 100"), "the handler asked for the body");
      send(s, "x");
    }
    Http http = new Http(service.endpoint());
    assertEquals(200, http.get("?limit=1", TOKEN).status(), "answered while 50 slow connections are open");
    for (Socket s : headerDribblers) {
      send(s, "y");                                                        // the dribble goes on
    }
    assertEquals(404, http.get("check/bafkqaaa", null).status(), "and answered again");
  }

  @Test
  void aRequestHeadNotCompleteByItsDeadlineClosesTheConnection() throws Exception {
    service = LocalNftStorage.builder().token(TOKEN).headerTimeout(Duration.ofMillis(200))
        .idleTimeout(Duration.ofHours(1)).build().start();
    Socket silent = open(null);
    Socket dribbler = open(null);
    send(dribbler, "GET / HTTP/1.1\r\n");
    send(dribbler, "Host: x\r\n");
    assertClosedByServer(silent);
    assertClosedByServer(dribbler);

    Socket keptAlive = open(null);  // one request answered, then quiet: closed like an idle keep-alive connection
    send(keptAlive, "GET /check/bafkqaaa HTTP/1.1\r\nHost: x\r\n\r\n");
    assertTrue(readResponse(keptAlive).startsWith("HTTP/1.1 404"));
    assertClosedByServer(keptAlive);
  }

  @Test
  void aStalledBodyIsAnswered408AtTheIdleTimeout() throws Exception {
    service = LocalNftStorage.builder().token(TOKEN).idleTimeout(Duration.ofMillis(200)).build().start();
    Socket s = open(null);
    send(s, uploadHead(1000) + "x");
    assertTrue(readHead(s).startsWith("HTTP/1.1 408"));
  }

  @Test
  void aBodyDribbledBelowTheMinimumRateIsAnswered408() throws Exception {
    AtomicLong now = new AtomicLong();
    service = LocalNftStorage.builder().token(TOKEN).minBodyRate(100).idleTimeout(Duration.ofHours(1))
        .ticker(now::get).build().start();
    Socket s = open(null);
    send(s, uploadHead(100_000).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n"));
    // "100 Continue" comes when the body is first read: its timing has started, at 0. One hour and a second later
    // (past the grace of one idle timeout), one or two bytes are far below 100 bytes/s.
    assertTrue(readHead(s).startsWith("HTTP/1.1 100"));
    send(s, "x");
    now.set(TimeUnit.SECONDS.toNanos(3601));
    send(s, "y");
    String head = readHead(s);
    assertTrue(head.startsWith("HTTP/1.1 408"), head);
    assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), head);
  }

  @Test
  void aBodyAtTheMinimumRateIsAccepted() throws Exception {
    AtomicLong now = new AtomicLong();
    service = LocalNftStorage.builder().token(TOKEN).minBodyRate(10).idleTimeout(Duration.ofSeconds(30))
        .ticker(now::get).build().start();
    io.carmint.block.Block leaf = TestDags.raw(5, 4000);
    byte[] car = TestDags.car(leaf.cid(), List.of(leaf));
    Socket s = open(null);
    send(s, uploadHead(car.length));
    int half = car.length / 2;
    s.getOutputStream().write(car, 0, half);
    s.getOutputStream().flush();
    now.set(TimeUnit.SECONDS.toNanos(31));  // past the grace; half the body (or all of it) in 31 s is > 10 bytes/s
    s.getOutputStream().write(car, half, car.length - half);
    s.getOutputStream().flush();
    String head = readHead(s);
    assertTrue(head.startsWith("HTTP/1.1 200"), head);
  }

  @Test
  void eachClientAddressHoldsAtMostItsShareOfConnections() throws Exception {
    InetAddress other = InetAddress.getByName("127.0.0.2");
    assumeTrue(canBind(other), "this system cannot bind 127.0.0.2 (on Linux every 127.x address is local)");
    service = LocalNftStorage.builder().token(TOKEN).maxConnectionsPerAddress(8).build().start();
    for (int i = 0; i < 8; i++) {
      Socket s = open(other);  // a whole request answered: the server counts this connection now
      send(s, "GET /check/bafkqaaa HTTP/1.1\r\nHost: x\r\n\r\n");
      assertTrue(readResponse(s).startsWith("HTTP/1.1 404"));
    }
    Socket ninth = open(other);
    send(ninth, "GET /check/bafkqaaa HTTP/1.1\r\nHost: x\r\n\r\n");
    assertClosedByServer(ninth);
    assertEquals(404, new Http(service.endpoint()).get("check/bafkqaaa", null).status(),
        "another address is still served");
  }

  private static String uploadHead(int length) {
    return "POST /upload HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Type: application/car"
        + "\r\nContent-Length: " + length + "\r\n\r\n";
  }

  private Socket open(InetAddress from) throws IOException {
    Socket s = new Socket();
    sockets.add(s);
    if (from != null) {
      s.bind(new InetSocketAddress(from, 0));
    }
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), service.port()), SAFETY_NET_MILLIS);
    s.setSoTimeout(SAFETY_NET_MILLIS);
    return s;
  }

  private static void send(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
  }

  /** Reads a response's status line and headers. */
  private static String readHead(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + head);
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** Reads a whole response with a {@code Content-Length}; returns its head. */
  private static String readResponse(Socket s) throws IOException {
    String head = readHead(s);
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        s.getInputStream().readNBytes(Integer.parseInt(line.substring(15).trim()));
      }
    }
    return head;
  }

  /** The server closes: the read ends (or is reset) without an answer, well before the 30 s safety net. */
  private static void assertClosedByServer(Socket s) throws IOException {
    try {
      int b = s.getInputStream().read();
      assertEquals(-1, b, "no answer, the connection closed");
    } catch (SocketException reset) {
      // closed with unread data: TCP resets it
    }
  }

  private static boolean canBind(InetAddress a) {
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(a, 0));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

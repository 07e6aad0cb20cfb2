package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.multiformats.Cid;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk storage across restarts and {@code kill -9}: the service runs in a child JVM, is killed with SIGKILL
 * ({@link Process#destroyForcibly()}), and the data directory is reopened by a new service.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DurabilityTest {
  static final String TOKEN = "durable-token";

  @TempDir
  Path data;
  final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process p : children) {
      p.destroyForcibly().waitFor();
    }
  }

  /** Starts a service in a child JVM and returns its port. */
  private int spawn() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ServeMain.class.getName(),
        data.toString(), TOKEN).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    children.add(p);
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertNotNull(line, "the child service did not start");
    assertTrue(line.startsWith("PORT "), line);
    return Integer.parseInt(line.substring(5).trim());
  }

  private static void kill9(Process p) throws InterruptedException {
    p.destroyForcibly(); // SIGKILL on Linux and macOS
    p.waitFor();
  }

  @Test
  void anAcknowledgedUploadSurvivesKill9() throws Exception {
    int port = spawn();
    List<Block> dag = TestDags.tree(300, 4000);
    Cid root = dag.get(0).cid();
    Http child = new Http(URI.create("http://127.0.0.1:" + port + "/"));
    Http.Reply r = child.postCar("upload", TOKEN, TestDags.car(root, dag));
    assertEquals(200, r.status(), r.json().toString());
    kill9(children.get(0));

    try (LocalNftStorage again = LocalNftStorage.builder().dataDirectory(data).token(TOKEN).build().start()) {
      Http http = new Http(again.endpoint());
      Http.Reply status = http.get(root.toString(), TOKEN);
      assertEquals(200, status.status());
      assertEquals("pinned", status.value().path("pin").path("status").asText(), "every block is back");
      assertEquals(r.value().path("created").asText(), status.value().path("created").asText());
      assertEquals("1", http.get("", TOKEN).headers().firstValue("Count").orElseThrow());
    }
  }

  @Test
  void aCrashMidUploadLeavesNothingHalfStored() throws Exception {
    int port = spawn();
    Path tmp = data.resolve("tmp");
    List<Block> dag = TestDags.tree(400, 30_000);
    byte[] car = TestDags.car(dag.get(0).cid(), dag);
    try (WatchService watch = FileSystems.getDefault().newWatchService();
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      tmp.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
          + "\r\nContent-Type: application/car\r\nContent-Length: " + car.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(car, 0, car.length / 2);
      out.flush();
      WatchKey key = watch.poll(30, TimeUnit.SECONDS);
      assertNotNull(key, "the service never started receiving the upload");
      kill9(children.get(0));
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertTrue(left.findAny().isPresent(), "the killed service left its half-received upload behind");
    }

    try (LocalNftStorage again = LocalNftStorage.builder().dataDirectory(data).token(TOKEN).build().start()) {
      Http http = new Http(again.endpoint());
      assertEquals(404, http.get(dag.get(0).cid().toString(), TOKEN).status());
      assertEquals("0", http.get("", TOKEN).headers().firstValue("Count").orElseThrow());
      assertEquals(404, http.get("check/" + dag.get(0).cid(), null).status());
      try (Stream<Path> cars = Files.list(data.resolve("cars"))) {
        assertEquals(0, cars.count(), "no CAR was kept");
      }
      try (Stream<Path> left = Files.list(tmp)) {
        assertEquals(0, left.count(), "scratch files are removed at start");
      }
    }
  }

  @Test
  void piecesAccumulateAcrossARestart() throws Exception {
    List<Block> dag = TestDags.tree(500, 3000);
    Cid root = dag.get(0).cid();
    List<Block> rest = new ArrayList<>(List.of(dag.get(0)));
    rest.addAll(dag.subList(5, 9));
    try (LocalNftStorage s = LocalNftStorage.builder().dataDirectory(data).token(TOKEN).build().start()) {
      Http.Reply r = new Http(s.endpoint()).postCar("upload", TOKEN, TestDags.car(root, dag.subList(0, 5)));
      assertEquals("pinning", r.value().path("pin").path("status").asText());
    }
    try (LocalNftStorage s = LocalNftStorage.builder().dataDirectory(data).token(TOKEN).build().start()) {
      Http http = new Http(s.endpoint());
      assertEquals("pinning", http.get(root.toString(), TOKEN).value().path("pin").path("status").asText());
      Http.Reply r = http.postCar("upload", TOKEN, TestDags.car(root, rest));
      assertEquals("pinned", r.value().path("pin").path("status").asText());
      assertEquals(2, r.value().path("parts").size());
    }
  }
}

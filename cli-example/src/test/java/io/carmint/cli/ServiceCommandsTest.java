package io.carmint.cli;

import static io.carmint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.cli.Cli.Run;
import io.carmint.client.NftStorageClient;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.testkit.LocalNftStorage;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** upload, status, check, list, delete and serve, in-process, against the local service. */
class ServiceCommandsTest {
  static final String TOKEN = "cli-test-token";

  @RegisterExtension
  static final LocalNftStorageExtension SERVICE =
      new LocalNftStorageExtension(LocalNftStorage.builder().token(TOKEN).build());

  @TempDir
  Path tmp;
  Path tokenFile;


  @BeforeEach
  void tokenFile() throws IOException {
    tokenFile = Files.writeString(tmp.resolve("token"), TOKEN + "\n");
  }

  Run service(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", SERVICE.endpoint().toString(), "--token-file", tokenFile.toString()));
    return run(Map.of(), all.toArray(String[]::new));
  }

  /** A CAR of a dag-pb root over {@code leaves} raw leaves of 10 kB. */
  Cid car(Path file, long seed, int leaves) throws IOException {
    List<Block> blocks = new ArrayList<>();
    List<PbLink> links = new ArrayList<>();
    Random r = new Random(seed);
    for (int i = 0; i < leaves; i++) {
      byte[] data = new byte[10_000];
      r.nextBytes(data);
      Block leaf = Block.create(Multicodec.RAW, HashFunction.SHA2_256, data);
      blocks.add(leaf);
      links.add(PbLink.of(leaf.cid(), "", data.length));
    }
    Block root = Block.create(Multicodec.DAG_PB, HashFunction.SHA2_256, DagPb.encode(PbNode.of(links)));
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        CarWriter w = CarWriter.create(ch, List.of(root.cid()), CarWriteOptions.DEFAULTS)) {
      w.put(root);
      for (Block b : blocks) {
        w.put(b);
      }
      w.finish();
    }
    return root.cid();
  }

  @Test
  void aPieceSizeTooSmallForABlockNamesTheUploadOption() throws IOException {
    Path file = tmp.resolve("big-leaves.car");
    car(file, 3, 2); // 10 kB leaves cannot fit in 2 kB pieces
    Run up = service("upload", file.toString(), "--max-piece-size", "2kB");
    assertEquals(1, up.code(), up.err());
    assertTrue(up.err().startsWith("carmint: Cannot split: block "), up.err());
    assertTrue(up.err().endsWith(", above the limit of 2,000; if the input is genuine, raise --max-piece-size\n"),
        up.err());
  }

  @Test
  void theFormerMaxChunkSizeOptionStillSetsThePieceSizeButIsNotInTheHelp() throws IOException {
    Path file = tmp.resolve("big-leaves.car");
    car(file, 3, 2);
    Run up = service("upload", file.toString(), "--max-chunk-size", "2kB");
    assertEquals(1, up.code(), up.err());
    assertTrue(up.err().endsWith(", above the limit of 2,000; if the input is genuine, raise --max-piece-size\n"),
        up.err());
    Run help = run(Map.of(), "upload", "--help");
    assertTrue(help.out().contains("--max-piece-size"), help.out());
    assertFalse(help.out().contains("--max-chunk-size"), help.out());
  }

  @Test
  void uploadPrintsTheVerifiedCidThenStatusCheckListDelete() throws Exception {
    Path file = tmp.resolve("a.car");
    Cid root = car(file, 1, 12);
    Run up = service("upload", file.toString(), "--max-piece-size", "40kB");
    assertEquals(0, up.code(), up.err());
    assertEquals(List.of(root.toString()), up.lines());
    assertTrue(up.err().matches("carmint: stored " + root + " \u2014 service confirmed the CID \\(4 pieces, "
        + "\\d+\\.?\\d* kB, \\d+\\.\\d s\\)\n"), up.err());
    assertFalse(up.err().contains(TOKEN));

    Run status = service("status", root.toString());
    assertEquals(0, status.code(), status.err());
    assertTrue(status.lines().contains("status\tpinned"), status.out());
    assertTrue(status.lines().contains("cid\t" + root), status.out());

    Run check = run(Map.of(ServiceOptions.ENDPOINT_VARIABLE, SERVICE.endpoint().toString()), "check",
        root.toString());
    assertEquals(0, check.code(), "check needs no token; the endpoint comes from the environment: " + check.err());
    assertTrue(check.lines().contains("status\tpinned"), check.out());

    Run list = service("list", "--all", "--limit", "1");
    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().contains(root.toString()), list.out());

    Run delete = service("delete", root.toString());
    assertEquals(0, delete.code(), delete.err());
    Run gone = service("status", root.toString());
    assertEquals(1, gone.code());
    assertTrue(gone.err().startsWith("carmint: GET /" + root + ": HTTP 404"), gone.err());
  }

  /**
   * Issue 12, defect 11: list and status printed the service's names raw, so a name holding an escape sequence, a
   * carriage return or a line feed could rewrite the screen or forge lines of output. They are now quoted as ls
   * quotes entry names.
   */
  @Test
  void namesFromTheServiceCannotForgeOutputLines() throws Exception {
    Path file = tmp.resolve("named.car");
    Cid root = car(file, 7, 1);
    String evil = "x\u001b[2J\rcarmint: forged\nbafkreiforged\tz";
    HttpResponse<String> up = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(SERVICE.endpoint() + "upload")).header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/car")
        .header("X-Name", java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, up.statusCode(), up.body());
    String quoted = "'x\\u001B[2J\\u000Dcarmint: forged\\u000Abafkreiforged\\u0009z'";

    Run status = service("status", root.toString());
    assertEquals(0, status.code(), status.err());
    assertTrue(status.lines().contains("name\t" + quoted), status.out());
    Run list = service("list", "--all");
    assertEquals(0, list.code(), list.err());
    List<String> mine = list.lines().stream().filter(l -> l.startsWith(root + "\t")).toList();
    assertEquals(1, mine.size(), list.out());
    assertTrue(mine.get(0).endsWith("\t" + quoted), mine.get(0));
    for (String out : List.of(status.out(), list.out())) {
      assertFalse(out.contains("\u001b") || out.contains("\r") || out.contains("forged\n"), out);
    }
  }

  /**
   * Issue 12, defect 12: a server that never answers held status for 300 s per attempt, about half an hour with the
   * default retries. Each attempt now has a call timeout and the request a deadline, both options, and the message
   * names the one that passed.
   */
  @Test
  void aSilentServerIsLeftAtTheCallTimeoutOrTheDeadline() throws Exception {
    try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread accepting = new Thread(() -> {
        List<Socket> held = new ArrayList<>();
        try {
          while (true) {
            held.add(silent.accept()); // read nothing, answer nothing
          }
        } catch (IOException closed) {
          held.forEach(h -> {
            try {
              h.close();
            } catch (IOException ignored) {
              // closing a test socket
            }
          });
        }
      });
      accepting.setDaemon(true);
      accepting.start();
      String endpoint = "http://127.0.0.1:" + silent.getLocalPort();
      Cid cid = Cid.parse("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
      Run once = run(Map.of(), "status", cid.toString(), "--endpoint", endpoint, "--token-file",
          tokenFile.toString(), "--retries", "0", "--call-timeout", "300ms");
      assertEquals(1, once.code());
      assertEquals("carmint: GET /" + cid + ": no complete answer within the call timeout of 300 ms "
          + "(--call-timeout)\n", once.err());
      // The first attempt ends at 900 ms; the shortest wait before a retry (1 s, jitter -50%) would pass 1 s.
      Run retried = run(Map.of(), "status", cid.toString(), "--endpoint", endpoint, "--token-file",
          tokenFile.toString(), "--call-timeout", "900ms", "--deadline", "1s");
      assertEquals(1, retried.code());
      assertEquals("carmint: GET /" + cid + ": gave up after 1 attempt(s): the deadline of 1 s for the request, "
          + "retries included, passed (--deadline); the last failure: GET /" + cid + ": no complete answer within "
          + "the call timeout of 900 ms (--call-timeout)\n", retried.err());
    }
  }

  /**
   * Issue 12, defect 4: list --all against a server that ignores 'before' printed the same uploads without end. Each
   * is printed once, then one line says why the listing stopped, exit code 1.
   */
  @Test
  void listAllStopsAtAServerIgnoringBefore() throws Exception {
    Cid a = Cid.parse("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
    Cid b = Cid.parse("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi");
    byte[] page = ("{\"ok\":true,\"value\":[{\"cid\":\"" + a + "\",\"created\":\"2024-05-01T12:02:00.000Z\"},"
        + "{\"cid\":\"" + b + "\",\"created\":\"2024-05-01T12:01:00.000Z\"}]}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    com.sun.net.httpserver.HttpServer ignoring = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    ignoring.createContext("/", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    ignoring.start();
    try {
      Run r = run(Map.of(), "list", "--all", "--limit", "2", "--endpoint", "http://127.0.0.1:"
          + ignoring.getAddress().getPort(), "--token-file", tokenFile.toString());
      assertEquals(1, r.code(), r.err());
      assertEquals(List.of(a + "\t2024-05-01T12:02:00Z\tunknown\t0\t", b + "\t2024-05-01T12:01:00Z\tunknown\t0\t"),
          r.lines());
      assertEquals(1, r.err().strip().split("\n").length, r.err());
      assertTrue(r.err().contains("upload " + a + " was created at 2024-05-01T12:02:00Z, after the 'before' of "
          + "2024-05-01T12:01:00Z asked for: the service ignores or mishandles 'before'"), r.err());
    } finally {
      ignoring.stop(0);
    }
  }

  /** Corpus case p-f-1m+2 of testdata/vectors: 1,048,578 bytes of the AES-128-CTR keystream of its seed. */
  static byte[] vectorFile() throws Exception {
    byte[] key = java.util.Arrays.copyOf(java.security.MessageDigest.getInstance("SHA-256")
        .digest("public-p-f-1m+2".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 16);
    javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/CTR/NoPadding");
    aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
        new javax.crypto.spec.IvParameterSpec(new byte[16]));
    return aes.doFinal(new byte[1_048_578]);
  }

  @Test
  void uploadPacksAPathWithTheProfileAndPrintsTheVerifiedCid() throws Exception {
    Path file = Files.write(tmp.resolve("p-f-1m+2.bin"), vectorFile());
    // expected roots from testdata/vectors/expected.json: ipfs-car 3.1.0 and the nft.storage 7.2.0 client
    Run up = service("upload", file.toString(), "--no-wrap");
    assertEquals(0, up.code(), up.err());
    assertEquals(List.of("bafybeihm5ibqh2xguerqrkn3mqzly6krjiuzs6w6a5635dxim2r3vwswq4"), up.lines());
    // Same options, same root: upload wraps a single file by default exactly as cid and pack do.
    Run wrapped = service("upload", file.toString());
    assertEquals(0, wrapped.code(), wrapped.err());
    Run cid = run(Map.of(), "cid", file.toString());
    assertEquals(0, cid.code(), cid.err());
    assertEquals(cid.lines(), wrapped.lines());
    assertFalse(wrapped.lines().equals(up.lines()), "the wrapped root is a directory, not the file");
    Run nft = service("upload", file.toString(), "--profile", "nft.storage", "--max-piece-size", "300kB");
    assertEquals(0, nft.code(), nft.err());
    assertEquals(List.of("bafybeihpo4pilehc4xsiqakkasgljy25a44ml6r733kshry5pzhvpeplaq"), nft.lines());
    Run unknown = service("upload", file.toString(), "--profile", "nope");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("nft.storage"), unknown.err());
    Run missing = service("upload", tmp.resolve("absent").toString());
    assertEquals(1, missing.code()); // as pack: a missing input is a problem found, not a usage error
    assertEquals("carmint: no such file: " + tmp.resolve("absent") + "\n", missing.err());
  }

  @Test
  void theTokenComesFromTheEnvironment() throws Exception {
    Path file = tmp.resolve("b.car");
    Cid root = car(file, 2, 2);
    Run up = run(Map.of(ServiceOptions.TOKEN_VARIABLE, TOKEN, ServiceOptions.ENDPOINT_VARIABLE,
        SERVICE.endpoint().toString()), "upload", file.toString());
    assertEquals(0, up.code(), up.err());
    assertEquals(List.of(root.toString()), up.lines());
  }

  @Test
  void missingSettingsAreUsageErrors() throws Exception {
    Path file = tmp.resolve("c.car");
    car(file, 3, 1);
    Run noEndpoint = run(Map.of(), "upload", file.toString());
    assertEquals(2, noEndpoint.code());
    assertTrue(noEndpoint.err().contains("NFT_STORAGE_ENDPOINT"), noEndpoint.err());
    Run noToken = run(Map.of(), "status", "--endpoint", SERVICE.endpoint().toString(),
        "bafkqaaa");
    assertEquals(2, noToken.code());
    assertTrue(noToken.err().contains("NFT_STORAGE_TOKEN"), noToken.err());
    Run badCid = service("status", "not-a-cid");
    assertEquals(2, badCid.code());
    Run badLimit = service("list", "--limit", "0");
    assertEquals(2, badLimit.code());
  }

  @Test
  void aWrongTokenIsAProblemAndNeverPrinted() throws Exception {
    Path wrong = Files.writeString(tmp.resolve("wrong"), "wrong-secret-value");
    Run r = run(Map.of(), "list", "--endpoint", SERVICE.endpoint().toString(), "--token-file", wrong.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("HTTP 401"), r.err());
    assertFalse(r.err().contains("wrong-secret-value"), r.err());
  }

  /** A writer that opens a latch when a line has been written. */
  static final class LineLatch extends Writer {
    final StringBuilder text = new StringBuilder();
    final CountDownLatch line = new CountDownLatch(1);

    @Override
    public synchronized void write(char[] cbuf, int off, int len) {
      text.append(cbuf, off, len);
      if (text.indexOf("\n") >= 0) {
        line.countDown();
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    synchronized String firstLine() {
      return text.substring(0, text.indexOf("\n")).strip();
    }
  }

  /** {@code carmint serve} running in-process on a thread of its own, until {@link #stop}. */
  static final class Serving {
    final LineLatch out = new LineLatch();
    final StringWriter err = new StringWriter();
    final CommandLine cl;
    final int[] code = {-1};
    final Thread thread;
    final String endpoint;

    Serving(String... args) throws InterruptedException {
      this(Map.of(), args);
    }

    Serving(Map<String, String> env, String... args) throws InterruptedException {
      cl = Main.commandLine(new PrintWriter(out), new PrintWriter(err), env);
      List<String> all = new ArrayList<>(List.of("serve", "--port", "0"));
      all.addAll(List.of(args));
      thread = new Thread(() -> code[0] = cl.execute(all.toArray(String[]::new)));
      thread.start();
      assertTrue(out.line.await(30, TimeUnit.SECONDS), "serve never printed its endpoint: " + err);
      endpoint = out.firstLine();
    }

    /** Stops serving and checks it ended with exit code 0. */
    void stop() throws InterruptedException {
      ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
      serve.stop.countDown();
      thread.join(TimeUnit.SECONDS.toMillis(30));
      assertEquals(0, code[0], err.toString());
    }
  }

  @Test
  void servePrintsItsEndpointAndServesUntilStopped() throws Exception {
    Path data = tmp.resolve("data");
    Serving serving = new Serving("--token", "t1", "--token", "t2", "--data", data.toString());
    String endpoint = serving.endpoint;
    assertTrue(endpoint.startsWith("http://127.0.0.1:"), endpoint);

    Path file = tmp.resolve("d.car");
    Cid root = car(file, 4, 3);
    try (NftStorageClient client = NftStorageClient.builder().endpoint(endpoint).token("t2").build()) {
      assertEquals(root, client.storeCar(file).cid());
      assertEquals(java.util.Optional.of("token-2"), client.status(root).scope());
    }
    // the trustless gateway, no token: the root block, and the DAG as a CAR
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<byte[]> raw = http.send(HttpRequest.newBuilder(URI.create(endpoint + "ipfs/" + root + "?format=raw"))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, raw.statusCode());
    assertTrue(Block.of(root, raw.body()).isValid(), "the bytes hash to the CID asked for");
    HttpResponse<byte[]> car = http.send(HttpRequest.newBuilder(URI.create(endpoint + "ipfs/" + root))
        .header("Accept", "application/vnd.ipld.car").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, car.statusCode());
    assertArrayEquals(Files.readAllBytes(file), car.body(), "the same DAG, in the same depth-first order");
    serving.stop();
    assertTrue(Files.isDirectory(data.resolve("cars")), "the data directory was used");
  }

  @Test
  void serveAppliesItsSlowClientOptions() throws Exception {
    Serving serving = new Serving("--token", "t1", "--header-timeout", "200ms", "--idle-timeout", "1h",
        "--min-body-rate", "0", "--threads", "2", "--max-connections-per-address", "16");
    URI endpoint = URI.create(serving.endpoint);
    try (Socket silent = new Socket(endpoint.getHost(), endpoint.getPort())) {
      silent.setSoTimeout(30_000);  // a safety net: the 200 ms head deadline closes it long before
      assertEquals(-1, silent.getInputStream().read(), "closed without an answer");
    }
    serving.stop();
  }

  @Test
  void serveRefusesBadSlowClientOptions() {
    for (String[] bad : List.of(new String[] {"--header-timeout", "soon"}, new String[] {"--idle-timeout", "0"},
        new String[] {"--threads", "0"}, new String[] {"--max-connections-per-address", "0"},
        new String[] {"--min-body-rate", "-1"})) {
      List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--token", "t"));
      args.addAll(List.of(bad));
      Run r = run(Map.of(), args.toArray(String[]::new));
      assertEquals(2, r.code(), String.join(" ", bad) + ": " + r.err());
    }
  }

  @Test
  void serveTakesTokensFromAFileAndTheEnvironmentOutOfSightOfPs() throws Exception {
    Path tokens = Files.writeString(tmp.resolve("serve-tokens"), "# accounts\n\nfile-token:alice\n  plain-token  \n");
    Serving serving = new Serving(Map.of(ServeCommand.TOKENS_VARIABLE, "env-token:bob,\tenv-plain"), "--token-file",
        tokens.toString());
    Path file = tmp.resolve("e.car");
    Cid root = car(file, 5, 1);
    Map<String, String> scopes = new java.util.LinkedHashMap<>();
    for (String token : List.of("file-token", "plain-token", "env-token", "env-plain")) {
      try (NftStorageClient client = NftStorageClient.builder().endpoint(serving.endpoint).token(token).build()) {
        client.storeCar(file);
        scopes.put(token, client.status(root).scope().orElseThrow());
      }
    }
    serving.stop();
    assertEquals(Map.of("file-token", "alice", "plain-token", "token-2", "env-token", "bob", "env-plain", "token-4"),
        scopes);
    assertTrue(serving.err.toString().contains(" with 4 token(s)"), serving.err.toString());
    for (String token : scopes.keySet()) {
      assertFalse(serving.err.toString().contains(token), serving.err.toString());
    }
    Run empty = run(Map.of(), "serve", "--port", "0", "--token-file",
        Files.writeString(tmp.resolve("none"), "# nothing\n").toString());
    assertEquals(2, empty.code());
    assertTrue(empty.err().contains("holds no token"), empty.err());
  }

  @Test
  void serveChecksItsDataDirectoryAndSetsAsideWhatItCannotRead() throws Exception {
    Path data = tmp.resolve("data");
    Serving serving = new Serving("--token", "t", "--data", data.toString());
    Path file = tmp.resolve("f.car");
    Cid root = car(file, 6, 2);
    try (NftStorageClient client = NftStorageClient.builder().endpoint(serving.endpoint).token("t").build()) {
      client.storeCar(file);
    }
    serving.stop();
    Run sound = run(Map.of(), "serve", "--check-data", data.toString());
    assertEquals(0, sound.code(), sound.err());
    assertEquals(List.of("checked 1 CAR(s) holding 3 block(s), 1 upload(s): 1 pinned, 0 pinning, 0 failed", "ok"),
        sound.lines());

    Path stored;
    try (var cars = Files.list(data.resolve("cars"))) {
      stored = cars.findFirst().orElseThrow();
    }
    long at;
    try (io.carmint.car.CarFile car = io.carmint.car.CarFile.open(stored)) {
      io.carmint.car.BlockLocation leaf = car.locations().get(2);
      at = leaf.blockOffset() + 5;
    }
    byte[] bytes = Files.readAllBytes(stored);
    bytes[(int) at] ^= 1;
    Files.write(stored, bytes);
    Run damaged = run(Map.of(), "serve", "--check-data", data.toString());
    assertEquals(1, damaged.code(), damaged.err());
    assertEquals(4, damaged.lines().size(), damaged.out());
    assertTrue(damaged.lines().get(2).contains("upload " + root + " failed: block "), damaged.out());
    assertEquals("checked 1 CAR(s) holding 3 block(s), 1 upload(s): 0 pinned, 0 pinning, 1 failed",
        damaged.lines().get(3));
    assertEquals("carmint: " + data + ": 3 problem(s) found\n", damaged.err());

    Path record;
    try (var records = Files.walk(data.resolve("records"))) {
      record = records.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    Files.writeString(record, "not json");
    Serving again = new Serving("--token", "t", "--data", data.toString());
    again.stop();
    List<String> warnings = again.err.toString().lines().filter(l -> l.startsWith("carmint: warning: ")).toList();
    assertEquals(1, warnings.size(), again.err.toString());
    assertTrue(warnings.get(0).startsWith("carmint: warning: set aside records/"), warnings.get(0));

    Run notData = run(Map.of(), "serve", "--check-data", tmp.toString());
    assertEquals(2, notData.code(), notData.err());
    assertTrue(notData.err().contains("is not a data directory"), notData.err());
  }

  @Test
  void serveNeedsAToken() {
    Run r = run(Map.of(), "serve", "--port", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--token-file"), r.err());
  }
}

package io.carmint.cli;

import static io.carmint.cli.Cli.run;
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
    Run up = service("upload", file.toString(), "--max-chunk-size", "2kB");
    assertEquals(1, up.code(), up.err());
    assertTrue(up.err().startsWith("carmint: Cannot split: block "), up.err());
    assertTrue(up.err().endsWith(", above the limit of 2,000; if the input is genuine, raise --max-chunk-size\n"),
        up.err());
  }

  @Test
  void uploadPrintsTheVerifiedCidThenStatusCheckListDelete() throws Exception {
    Path file = tmp.resolve("a.car");
    Cid root = car(file, 1, 12);
    Run up = service("upload", file.toString(), "--max-chunk-size", "40kB", "--progress");
    assertEquals(0, up.code(), up.err());
    assertEquals(List.of(root.toString()), up.lines());
    assertTrue(up.err().contains("piece 1 of "), up.err());
    assertTrue(up.err().contains("100%"), up.err());
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
    Run nft = service("upload", file.toString(), "--profile", "nft.storage", "--max-chunk-size", "300kB");
    assertEquals(0, nft.code(), nft.err());
    assertEquals(List.of("bafybeihpo4pilehc4xsiqakkasgljy25a44ml6r733kshry5pzhvpeplaq"), nft.lines());
    Run unknown = service("upload", file.toString(), "--profile", "nope");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("nft.storage"), unknown.err());
    Run missing = service("upload", tmp.resolve("absent").toString());
    assertEquals(2, missing.code());
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

  @Test
  void servePrintsItsEndpointAndServesUntilStopped() throws Exception {
    LineLatch out = new LineLatch();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new PrintWriter(out), new PrintWriter(err), Map.of());
    int[] code = {-1};
    Path data = tmp.resolve("data");
    Thread server = new Thread(() -> code[0] = cl.execute("serve", "--port", "0", "--token", "t1", "--token", "t2",
        "--data", data.toString()));
    server.start();
    assertTrue(out.line.await(30, TimeUnit.SECONDS), "serve never printed its endpoint: " + err);
    String endpoint = out.firstLine();
    assertTrue(endpoint.startsWith("http://127.0.0.1:"), endpoint);

    Path file = tmp.resolve("d.car");
    Cid root = car(file, 4, 3);
    try (NftStorageClient client = NftStorageClient.builder().endpoint(endpoint).token("t2").build()) {
      assertEquals(root, client.storeCar(file).cid());
      assertEquals("token-2", client.status(root).scope());
    }
    ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
    serve.stop.countDown();
    server.join(TimeUnit.SECONDS.toMillis(30));
    assertEquals(0, code[0], err.toString());
    assertTrue(Files.isDirectory(data.resolve("cars")), "the data directory was used");
  }

  @Test
  void serveNeedsAToken() {
    Run r = run(Map.of(), "serve", "--port", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--token"), r.err());
  }
}

package io.carmint.cli;

import static io.carmint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.cli.Cli.Run;
import io.carmint.client.gateway.LyingGateway;
import io.carmint.client.gateway.TestDags;
import io.carmint.multiformats.Cid;
import io.carmint.testkit.LocalNftStorage;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code carmint upload --verify}: the upload is retrieved back and checked before success is reported. */
class UploadVerifyTest {
  static final String TOKEN = "verify-test-token";

  @RegisterExtension
  static final LocalNftStorageExtension SERVICE =
      new LocalNftStorageExtension(LocalNftStorage.builder().token(TOKEN).build());

  @TempDir
  Path tmp;
  Path car;
  Cid root;
  final TestDags dags = new TestDags();
  LyingGateway gateway;

  @BeforeEach
  void packAndServe() throws IOException {
    Path folder = tmp.resolve("folder");
    for (Map.Entry<String, byte[]> e : TestDags.tree().entrySet()) {
      Files.createDirectories(folder.resolve(e.getKey()).getParent());
      Files.write(folder.resolve(e.getKey()), e.getValue());
    }
    car = tmp.resolve("folder.car");
    Run pack = run(Map.of(), "pack", folder.toString(), "-o", car.toString());
    assertEquals(0, pack.code(), pack.err());
    root = dags.addCar(car);
    gateway = new LyingGateway(dags);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  Run upload(String... args) throws IOException {
    Path tokenFile = Files.writeString(tmp.resolve("token"), TOKEN);
    List<String> all = new ArrayList<>(List.of("upload", car.toString()));
    all.addAll(List.of(args));
    all.addAll(List.of("--endpoint", SERVICE.endpoint().toString(), "--token-file", tokenFile.toString()));
    return run(Map.of(), all.toArray(String[]::new));
  }

  @Test
  void theUploadIsRetrievedBackThroughTheGateway() throws IOException {
    Run r = upload("--verify", "--gateway", gateway.uri().toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(root + "\n", r.out());
    String blocks = String.format(java.util.Locale.ROOT, "%,d", gateway.walk(root, List.of(), "all").size());
    assertTrue(r.err().startsWith("carmint: stored " + root + " \u2014 service confirmed the CID ("), r.err());
    assertTrue(r.err().contains("; retrieved back and verified: " + blocks + " blocks through " + gateway.uri()),
        r.err());
    assertEquals(List.of("/ipfs/" + root + "?format=car&dag-scope=all"), gateway.requests());
  }

  @Test
  void byDefaultTheServicesOwnGatewayAndThenFetchFromIt() throws IOException {
    Run r = upload("--verify");
    assertEquals(0, r.code(), r.err());
    assertEquals(root + "\n", r.out());
    assertTrue(r.err().contains(" blocks through " + SERVICE.endpoint()), r.err());

    Path out = tmp.resolve("back");
    Run f = run(Map.of(FetchCommand.GATEWAY_VARIABLE, SERVICE.endpoint().toString()), "fetch",
        "/ipfs/" + root + "/docs/big.bin", "-o", out.toString());
    assertEquals(0, f.code(), f.err());
    assertArrayEquals(TestDags.tree().get("docs/big.bin"), Files.readAllBytes(out));
  }

  @Test
  void anIncompleteRetrievalFailsTheUpload() throws IOException {
    gateway.lie(LyingGateway.Fault.DROP_BLOCK, 3);
    Run r = upload("--verify", "--gateway", gateway.uri().toString());
    assertEquals(1, r.code());
    assertEquals("", r.out(), "no CID is printed for an upload that did not verify");
    assertTrue(r.err().startsWith("carmint: The service confirmed " + root + ", but retrieving it back failed: "
        + "Could not fetch /ipfs/" + root + " from the gateway: " + gateway.uri() + ": sent block "), r.err());
    assertEquals(1, r.err().lines().count());
  }

  @Test
  void aGatewayWithoutVerifyIsAUsageError() throws IOException {
    Run r = upload("--gateway", gateway.uri().toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("add --verify"), r.err());
    assertEquals(List.of(), gateway.requests());
  }
}

package io.carmint.cli;

import static io.carmint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.cli.Cli.Run;
import io.carmint.client.gateway.LyingGateway;
import io.carmint.client.gateway.TestDags;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code carmint fetch} in-process against the client's lying gateway. */
class FetchCommandTest {
  @TempDir
  Path tmp;

  final TestDags dags = new TestDags();
  Cid root;
  LyingGateway gateway;
  LyingGateway liar;

  @BeforeEach
  void start() throws IOException {
    root = dags.addTree();
    gateway = new LyingGateway(dags);
    liar = new LyingGateway(dags).lie(LyingGateway.Fault.FLIP_BYTE, 4);
  }

  @AfterEach
  void stop() {
    gateway.close();
    liar.close();
  }

  @Test
  void fetchesAFileAndSaysWhatItVerified() throws IOException {
    Path out = tmp.resolve("big.bin");
    Run r = run(Map.of(), "fetch", "/ipfs/" + root + "/docs/big.bin", "--gateway", gateway.uri().toString(), "-o",
        out.toString());
    assertEquals(0, r.code(), r.err());
    assertArrayEquals(TestDags.tree().get("docs/big.bin"), Files.readAllBytes(out));
    String blocks = String.format(java.util.Locale.ROOT, "%,d",
        gateway.walk(root, List.of("docs", "big.bin"), "all").size());
    assertTrue(r.out().startsWith("fetched /ipfs/" + root + "/docs/big.bin ("), r.out());
    assertTrue(r.out().contains(" from " + gateway.uri() + ": " + blocks + " blocks, "), r.out());
    assertTrue(r.out().endsWith(" bytes verified, written to " + out.toAbsolutePath() + "\n"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void gatewaysComeFromTheEnvironmentInOrderAndFailuresAreReported() throws IOException {
    Path car = tmp.resolve("tree.car");
    Run r = run(Map.of(FetchCommand.GATEWAY_VARIABLE, liar.uri() + ", " + gateway.uri()), "fetch",
        "ipfs://" + root, "--car", car.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.size(car) > 20_000);
    assertTrue(r.out().startsWith("{\"path\":\"/ipfs/" + root + "\",\"cid\":\"" + root + "\",\"gateway\":\""
        + gateway.uri() + "\",\"mode\":\"car\",\"blocks\":"), r.out());
    assertTrue(r.out().contains(",\"output\":\"" + car.toAbsolutePath() + "\",\"failedGateways\":[\"" + liar.uri()
        + ": sent block "), r.out());
    assertTrue(r.err().startsWith("carmint: gateway failed, the next was tried: " + liar.uri() + ": sent block "),
        r.err());
  }

  @Test
  void verifyingOnlyWithAScope() {
    Run r = run(Map.of(), "fetch", root + "/many", "--scope", "entity", "--gateway", gateway.uri().toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().endsWith(" bytes verified\n"), r.out());
  }

  @Test
  void aLyingGatewayIsExitOneWithOneLineAndNothingWritten() throws IOException {
    Path out = tmp.resolve("tree");
    Run r = run(Map.of(), "fetch", root.toString(), "--gateway", liar.uri().toString(), "-o", out.toString());
    assertEquals(1, r.code());
    assertEquals("", r.out());
    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith("carmint: Could not fetch /ipfs/" + root + " from the gateway: " + liar.uri()
        + ": sent block "), lines.get(0));
    assertEquals(List.of(), Files.list(tmp).toList());
  }

  @ParameterizedTest
  @EnumSource(value = LyingGateway.Fault.class, names = {"FLIP_BYTE", "DROP_BLOCK", "OTHER_DAG", "TRUNCATE", "STALL"})
  void everyLieIsOneLineNamingTheGatewayAndACid(LyingGateway.Fault fault) throws IOException {
    Cid other = dags.addFile(TestDags.random(5, 4000));
    gateway.otherRoot(other).lie(fault, fault == LyingGateway.Fault.TRUNCATE ? 2500 : 3);
    Path out = tmp.resolve("big.bin");
    Run r = run(Map.of(), "fetch", root + "/docs/big.bin", "--gateway", gateway.uri().toString(), "-o",
        out.toString(), "--timeout", "0.3");
    assertEquals(1, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("carmint: Could not fetch /ipfs/" + root + "/docs/big.bin from the gateway: "
        + gateway.uri() + ": "), r.err());
    assertTrue(r.err().matches("(?s).* (baf[a-z2-7]{50,}).*"), "names a CID: " + r.err());
    assertEquals(List.of(), Files.list(tmp).toList());
  }

  /** --deadline bounds the whole fetch, where --timeout only bounds each silence. */
  @Test
  void theDeadlineEndsAStalledFetchWithOneLineAndNothingLeft() throws IOException {
    gateway.lie(LyingGateway.Fault.STALL, 3);
    Path out = tmp.resolve("big.bin");
    Run r = run(Map.of(), "fetch", root + "/docs/big.bin", "--gateway", gateway.uri().toString(), "-o",
        out.toString(), "--timeout", "300", "--deadline", "300ms");
    assertEquals(1, r.code(), r.err());
    assertEquals("carmint: The fetch of /ipfs/" + root + "/docs/big.bin did not finish within its deadline of "
        + "300 ms (--deadline)\n", r.err());
    assertEquals(List.of(), Files.list(tmp).toList());
  }

  @Test
  void aLimitNamesFetchsOwnOption() {
    Run blocks = run(Map.of(), "fetch", root.toString(), "--gateway", gateway.uri().toString(), "--max-blocks", "3");
    assertEquals(1, blocks.code());
    assertTrue(blocks.err().endsWith("above the limit of 3; if the input is genuine, raise --max-blocks\n"),
        blocks.err());
    Run depth = run(Map.of(), "fetch", root.toString(), "--gateway", gateway.uri().toString(), "--max-depth", "0",
        "-o", tmp.resolve("tree").toString());
    assertEquals(1, depth.code());
    assertTrue(depth.err().endsWith("; if the input is genuine, raise --max-depth\n"), depth.err());
  }

  @Test
  void usageErrors() {
    assertUsage(run(Map.of(), "fetch", root.toString()), "No gateway: pass --gateway URL or set CARMINT_GATEWAY");
    assertUsage(run(Map.of(), "fetch", "/ipns/example.org", "--gateway", gateway.uri().toString()), "IPNS names");
    assertUsage(run(Map.of(), "fetch", root.toString(), "--gateway", "ftp://x"), "Bad gateway 'ftp://x'");
    assertUsage(run(Map.of(), "fetch", root.toString(), "--gateway", gateway.uri().toString(), "-o", "x", "--scope",
        "block"), "-o writes the whole content");
    assertUsage(run(Map.of(), "fetch", root.toString(), "--gateway", gateway.uri().toString(), "--scope", "some"),
        "Unknown DAG scope 'some'");
    Run both = run(Map.of(), "fetch", root.toString(), "--gateway", gateway.uri().toString(), "-o", "x", "--car",
        "y.car");
    assertEquals(2, both.code());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
    assertEquals(List.of(), gateway.requests());
  }

  static void assertUsage(Run r, String message) {
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("carmint: "), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }
}

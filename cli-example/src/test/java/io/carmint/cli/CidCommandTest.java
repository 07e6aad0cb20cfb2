package io.carmint.cli;

import static io.carmint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.cli.Cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carmint cid} in-process; expected CIDs come from the reference tools (reference/javascript-tools.md §9). */
class CidCommandTest {
  @TempDir
  Path tmp;

  private Path file(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static void ok(Run r, String cid) {
    assertEquals(0, r.code(), r.err());
    assertEquals(cid + "\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void fileWithEachProfile() throws IOException {
    String f = file("hello.txt", "hello world\n").toString();
    // ipfs-car pack hello.txt (default --wrap) and --no-wrap: testdata/cars x-c-hello-wrap / x-c-hello-nowrap
    ok(run("cid", f), "bafybeidhkumeonuwkebh2i4fc7o7lguehauradvlk57gzake6ggjsy372a");
    ok(run("cid", f, "--no-wrap"), "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4");
    ok(run("cid", f, "--profile", "kubo"), "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
    ok(run("cid", f, "--profile", "unixfs-v0-2015", "--base", "base32"),
        "bafybeicg2rebjoofv4kbyovkw7af3rpiitvnl6i7ckcywaq6xjcxnc2mby");
    ok(run("cid", f, "--profile", "kubo", "--cid-version", "1"),
        "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4");
    ok(run("cid", f, "--profile", "kubo", "--cid-version", "1", "--no-raw-leaves"),
        "bafybeicg2rebjoofv4kbyovkw7af3rpiitvnl6i7ckcywaq6xjcxnc2mby");
    ok(run("cid", f, "--wrap"), "bafybeidhkumeonuwkebh2i4fc7o7lguehauradvlk57gzake6ggjsy372a");
    ok(run("cid", f, "--profile", "kubo-v1", "--wrap", "--layout", "trickle"),
        "bafybeidhkumeonuwkebh2i4fc7o7lguehauradvlk57gzake6ggjsy372a"); // one chunk: the layout cannot matter
  }

  @Test
  void directoryAndStdin() throws IOException {
    Path dir = tmp.resolve("d");
    Files.createDirectories(dir);
    ok(run("cid", dir.toString()), "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354");
    ok(run("cid", dir.toString(), "--profile", "kubo"), "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");
    ok(Cli.runWithInput("hello world".getBytes(StandardCharsets.UTF_8), "cid", "-"),
        "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
    ok(Cli.runWithInput(new byte[0], "cid", "-", "--profile", "kubo"), "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");
    Run wrap = Cli.runWithInput(new byte[0], "cid", "-", "--wrap");
    assertEquals(2, wrap.code());
  }

  @Test
  void optionsOverrideTheProfile() throws IOException {
    // 1,048,577 zero bytes: importer default (= kubo-v1 = nft.storage) / v0 / v1-2025
    Path zeros = tmp.resolve("zeros");
    Files.write(zeros, new byte[1_048_577]);
    String z = zeros.toString();
    ok(run("cid", z, "--profile", "kubo-v1"), "bafybeihhq4imxfkfucfxjbnqvrvzdknmfbzvxaivz7jzdnumfkabdbq3yq");
    ok(run("cid", z, "--profile", "nft.storage"), "bafybeihhq4imxfkfucfxjbnqvrvzdknmfbzvxaivz7jzdnumfkabdbq3yq");
    ok(run("cid", z, "--profile", "unixfs-v0-2015"), "Qmeb988ZjF9Ui6AVPR8Sjg5sAv1B6DauS5rUjCoNs7ftZ1");
    ok(run("cid", z, "--profile", "unixfs-v1-2025"), "bafybeihd4yzq7n5umhjngdum4r6k2to7egxfkf2jz6thvwzf6djus22cmq");
    // the same DAG from another profile by overriding chunker and width
    ok(run("cid", z, "--no-wrap", "--chunker", "size-262144", "--max-links", "174"),
        "bafybeihhq4imxfkfucfxjbnqvrvzdknmfbzvxaivz7jzdnumfkabdbq3yq");
    ok(run("cid", z, "--profile", "kubo-v1", "--chunker", "size-1048576", "--max-links", "1024", "--layout",
        "balanced"), "bafybeihd4yzq7n5umhjngdum4r6k2to7egxfkf2jz6thvwzf6djus22cmq");
  }

  @Test
  void jsonOutput() throws IOException {
    String f = file("hello.txt", "hello world\n").toString();
    Run r = run("cid", f, "--json", "--profile", "kubo");
    assertEquals(0, r.code(), r.err());
    assertEquals("{\"cid\":\"QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o\",\"profile\":\"unixfs-v0-2015\","
        + "\"dagSize\":20,\"contentBytes\":12,\"blocks\":1}\n", r.out());
  }

  @Test
  void usageErrorsExitTwoWithOneLine() throws IOException {
    String f = file("x", "x").toString();
    String[][] bad = {
        {"cid", f, "--profile", "nope"},
        {"cid", f, "--chunker", "size-0"},
        {"cid", f, "--chunker", "rabin"},
        {"cid", f, "--layout", "zigzag"},
        {"cid", f, "--layout", "balanced", "--trickle"},
        {"cid", f, "--max-links", "1"},
        {"cid", f, "--cid-version", "2"},
        {"cid", f, "--profile", "kubo", "--cid-version", "0", "--hash", "sha2-512"},
        {"cid", f, "--hash", "md5"},
        {"cid", f, "--base", "base99"},
        {"cid", f, "--frobnicate"},
        {"cid"}};
    for (String[] args : bad) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().strip().split("\n").length, r.err());
      assertTrue(r.err().startsWith("carmint: "), r.err());
      assertEquals("", r.out());
    }
    Run unknown = run("cid", f, "--profile", "nope");
    assertTrue(unknown.err().contains("Unknown profile 'nope'; known: ipfs-car"), unknown.err());
  }

  @Test
  void missingPathIsAProblemNotUsage() {
    Run r = run("cid", tmp.resolve("absent").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("carmint: no such file: "), r.err());
  }

  @Test
  void shaTwoFiveTwelveImpliesCidV1() throws Exception {
    String f = file("hello.txt", "hello world\n").toString();
    Run r = run("cid", f, "--profile", "kubo", "--hash", "sha2-512", "-H");
    assertEquals(0, r.code(), r.err());
    // a single chunk: the raw leaf, CIDv1, whose digest is the SHA-512 of the bytes
    io.carmint.multiformats.Cid cid = io.carmint.multiformats.Cid.parse(r.out().strip());
    assertEquals(1, cid.version());
    assertEquals(0x55, cid.codecCode());
    assertEquals(0x13, cid.multihash().code());
    assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512")
        .digest("hello world\n".getBytes(StandardCharsets.UTF_8))),
        java.util.HexFormat.of().formatHex(cid.multihash().digest()));
  }
}

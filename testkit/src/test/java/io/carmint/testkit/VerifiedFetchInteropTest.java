package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.carmint.car.CarFile;
import io.carmint.multiformats.Cid;
import io.carmint.pack.CarPacker;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import io.carmint.unixfs.importer.ImportEntry;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.exporter.Exporter;
import io.carmint.unixfs.importer.Importer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IPFS project's own client against the gateway: {@code @helia/verified-fetch} (npm), configured with the
 * service as its only trustless gateway (no delegated routers, no libp2p, no public gateways), fetches a small file,
 * a multi-block file and files inside a HAMT-sharded directory of 1,100 entries, and each file's SHA-256 must be the
 * one of the bytes uploaded. verified-fetch checks every block it receives against its CID.
 *
 * <p>The script is {@code src/test/js/verified-fetch/fetch.mjs}; its npm packages are pinned by the
 * {@code package-lock.json} beside it and installed with {@code npm ci} into {@code ~/.cache/carmint/}, once per lock
 * file (about 340 MB, a minute or two the first time), Node.js 22 among them (the npm package {@code node}: the
 * dependencies of verified-fetch 8 need it, the machine's may be older). Skipped, with the reason, where {@code node} or {@code npm} is
 * missing or the npm registry cannot be reached.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class VerifiedFetchInteropTest {
  static final Path SCRIPT_DIR = Path.of("src", "test", "js", "verified-fetch");

  @RegisterExtension
  static final LocalNftStorageExtension SERVICE =
      new LocalNftStorageExtension(LocalNftStorage.builder().token("interop").build());

  @TempDir
  Path tmp;

  @Test
  void verifiedFetchRetrievesFilesByteForByte() throws Exception {
    assumeTrue(runs("node", "--version"), "node is not installed: the verified-fetch interop test needs Node.js");
    assumeTrue(runs("npm", "--version"), "npm is not installed: the verified-fetch interop test needs it");
    Path installed = install();

    CarPacker packer = CarPacker.builder()
        .importer(Importer.builder().profile(ImportProfile.NFT_STORAGE).build()).build();
    Map<String, byte[]> expected = new LinkedHashMap<>();

    byte[] small = "hello from carmint's trustless gateway\n".getBytes(StandardCharsets.UTF_8);
    expected.put("ipfs://" + upload(packer.pack(new ByteArrayInputStream(small), null, tmp.resolve("s.car"))
        .root(), tmp.resolve("s.car")), small);

    byte[] large = random(1, 3 * 1024 * 1024 + 123);  // 13 chunks of 256 KiB under one node
    expected.put("ipfs://" + upload(packer.pack(new ByteArrayInputStream(large), null, tmp.resolve("l.car"))
        .root(), tmp.resolve("l.car")), large);

    List<ImportEntry> entries = new ArrayList<>();
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < 1100; i++) {
      files.put(String.format("file-%04d.txt", i), ("entry " + i + "\n").getBytes(StandardCharsets.UTF_8));
    }
    files.put("big.bin", random(2, 600_000));  // a multi-block file inside the HAMT
    files.forEach((name, bytes) -> entries.add(ImportEntry.file(name, () -> new ByteArrayInputStream(bytes))));
    Path dirCar = tmp.resolve("d.car");
    Cid dir = upload(packer.pack(entries, dirCar).root(), dirCar);
    try (CarFile car = CarFile.open(dirCar)) {
      assertTrue(Exporter.of(car).stat(dir).sharded(), "1,101 entries make a HAMT with the nft.storage settings");
    }
    for (String name : List.of("file-0000.txt", "file-0555.txt", "file-1099.txt", "big.bin")) {
      expected.put("ipfs://" + dir + "/" + name, files.get(name));
    }

    // verified-fetch 8's dependencies need Node.js 22: the lock file installs it as the npm package "node"
    Path node = installed.resolve("node_modules").resolve(".bin").resolve("node");
    List<String> command = new ArrayList<>(List.of(node.toString(), installed.resolve("fetch.mjs").toString(),
        SERVICE.endpoint().toString()));
    command.addAll(expected.keySet());
    Process p = new ProcessBuilder(command).directory(installed.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "verified-fetch did not finish");
    assertEquals(0, p.exitValue(), "verified-fetch failed; its output: " + out);
    List<String> lines = out.lines().toList();
    assertEquals(expected.size(), lines.size(), out);
    int i = 0;
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      assertEquals(e.getKey() + " " + sha256(e.getValue()) + " " + e.getValue().length, lines.get(i++));
    }
  }

  private Cid upload(Cid root, Path car) throws Exception {
    Http.Reply r = new Http(SERVICE.endpoint()).postCar("upload", "interop", Files.readAllBytes(car));
    assertEquals(200, r.status(), r.json().toString());
    return root;
  }

  private static byte[] random(long seed, int size) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Installs the script's pinned packages once per lock file; skips the test if npm cannot reach its registry. */
  private static Path install() throws Exception {
    byte[] lock = Files.readAllBytes(SCRIPT_DIR.resolve("package-lock.json"));
    String key = sha256(lock).substring(0, 16);
    Path dir = Path.of(System.getProperty("user.home"), ".cache", "carmint", "verified-fetch-" + key);
    Files.createDirectories(dir);
    for (String f : List.of("package.json", "package-lock.json", "fetch.mjs")) {
      Files.copy(SCRIPT_DIR.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    Path done = dir.resolve("node_modules").resolve(".carmint-installed");
    if (!Files.exists(done)) {
      Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
          .directory(dir.toFile()).redirectErrorStream(true).start();
      String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(npm.waitFor(10, TimeUnit.MINUTES), "npm ci did not finish");
      assumeTrue(npm.exitValue() == 0, "npm ci failed (no registry?), verified-fetch cannot be installed: " + log);
      Files.writeString(done, key);
    }
    return dir;
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

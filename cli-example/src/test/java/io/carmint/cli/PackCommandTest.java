package io.carmint.cli;

import static io.carmint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.car.CarFile;
import io.carmint.cli.Cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carmint pack}, checked against CARs ipfs-car wrote (testdata/cars) and published CIDs. */
class PackCommandTest {
  @TempDir
  Path tmp;
  Path hello;

  @BeforeEach
  void input() throws IOException {
    hello = tmp.resolve("hello.txt");
    Files.writeString(hello, "hello world\n", StandardCharsets.UTF_8);
  }

  @Test
  void aFileIsWrappedByDefaultAsIpfsCarDoes() throws IOException {
    Path out = tmp.resolve("out.car");
    Run r = run("pack", hello.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("bafybeidhkumeonuwkebh2i4fc7o7lguehauradvlk57gzake6ggjsy372a\n", r.out());
    assertArrayEquals(Files.readAllBytes(CarCommandsTest.testCar("x-c-hello-wrap")), Files.readAllBytes(out));
  }

  @Test
  void noWrapGivesTheBareFile() throws IOException {
    Path out = tmp.resolve("out.car");
    Run r = run("pack", hello.toString(), "-o", out.toString(), "--no-wrap");
    assertEquals("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4\n", r.out());
    assertArrayEquals(Files.readAllBytes(CarCommandsTest.testCar("x-c-hello-nowrap")), Files.readAllBytes(out));
  }

  @Test
  void kuboProfileGivesKubosCid() throws IOException {
    Path out = tmp.resolve("out.car");
    Run r = run("pack", hello.toString(), "-o", out.toString(), "--profile", "kubo");
    assertEquals("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o\n", r.out()); // reference §9
    assertEquals(0, run("verify", out.toString()).code());
    assertEquals(r.out(), run("roots", out.toString()).out());
  }

  @Test
  void aRootLongerThanThePlaceholderStillEndsInTheHeader() throws IOException {
    // CIDv0 profile with raw leaves: a one-chunk file's root is a 36-byte CIDv1 raw, the placeholder 34 bytes.
    Path out = tmp.resolve("out.car");
    Run r = run("pack", hello.toString(), "-o", out.toString(), "--profile", "kubo",
        "--raw-leaves");
    assertEquals("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4\n", r.out());
    assertArrayEquals(Files.readAllBytes(CarCommandsTest.testCar("x-c-hello-nowrap")), Files.readAllBytes(out));
  }

  @Test
  void carVersion2HasAnIndexThatVerifies() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("site"));
    Files.writeString(dir.resolve("a.txt"), "a");
    Files.write(dir.resolve("big.bin"), new byte[3 << 20]);
    Path out = tmp.resolve("site.car");
    Run r = run("pack", dir.toString(), "-o", out.toString(), "--car-version", "2");
    assertEquals(0, r.code(), r.err());
    try (CarFile f = CarFile.open(out)) {
      assertEquals(2, f.version());
      assertEquals(r.out().strip(), f.roots().get(0).toString());
      assertArrayEquals(f.buildIndex().toBytes(), f.embeddedIndex().orElseThrow().toBytes());
    }
    Run v = run("verify", out.toString());
    assertEquals(0, v.code(), v.out());
  }

  @Test
  void dashWritesTheCarToStandardOutputAndTheRootToStandardError() throws IOException {
    Run r = run("pack", hello.toString(), "-o", "-", "--no-wrap");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4\n", r.err());
    assertArrayEquals(Files.readAllBytes(CarCommandsTest.testCar("x-c-hello-nowrap")), r.bytes());
  }

  @Test
  void badUsageAndMissingInput() {
    for (List<String> args : List.of(List.of("pack", hello.toString(), "-o", "x.car", "--profile", "nope"),
        List.of("pack", hello.toString(), "-o", "x.car", "--car-version", "3"),
        List.of("pack", hello.toString(), "-o", "x.car", "--chunker", "rabin"))) {
      Run r = run(args.toArray(String[]::new));
      assertEquals(2, r.code(), args + ": " + r.err());
      assertTrue(r.err().startsWith("carmint: "), r.err());
    }
    Run missing = run("pack", tmp.resolve("nope").toString(), "-o", tmp.resolve("x.car").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().startsWith("carmint: no such file: "), missing.err());
  }
}

package io.carmint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands over hostile CARs in a JVM of their own with a small heap, as a user with little memory runs them: the
 * memory bound is what is tested, so it cannot share the test JVM's heap.
 */
class SmallHeapTest {
  /** Below the 96 MB heap the defect was found with. */
  private static final String HEAP = "-Xmx64m";

  @TempDir
  static Path tmp;
  static Path bigDirectory;
  static Cid bigRoot;

  /**
   * One directory block of 8,388,400 bytes holding 466,022 links to the empty identity CID under 6-digit names: 18
   * bytes per link, just under the CAR reader's 8 MiB section limit.
   */
  @BeforeAll
  static void writeBigDirectory() throws IOException {
    HexFormat hex = HexFormat.of();
    ByteArrayOutputStream block = new ByteArrayOutputStream(8 << 20);
    for (int i = 0; i < 466_022; i++) {
      block.write(hex.parseHex("12100a0401550000" + "1206")); // link: Hash = bafkqaaa (identity, empty), Name
      block.write(String.format("%06d", i).getBytes(StandardCharsets.US_ASCII));
      block.write(hex.parseHex("1800")); // Tsize 0
    }
    block.write(hex.parseHex("0a020801")); // Data: UnixFS directory
    byte[] bytes = block.toByteArray();
    bigRoot = Cid.v1(Multicodec.DAG_PB, HashFunction.SHA2_256.digest(bytes));
    bigDirectory = tmp.resolve("big-directory.car");
    try (CarWriter w = CarWriter.createFile(bigDirectory, bigRoot, CarWriteOptions.DEFAULTS)) {
      w.put(Block.of(bigRoot, bytes));
      w.finish(bigRoot);
    }
  }

  /**
   * The verbs stream: a CAR of 192 MiB (one file of 192 random MiB, not wrapped), three times the heap, goes
   * through each of them in a 64 MB heap. Outputs are compared with the input file, not with another run.
   */
  @Test
  void theVerbsHandleACarThreeTimesTheHeap() throws Exception {
    Path file = tmp.resolve("big.bin");
    try (java.io.OutputStream o = Files.newOutputStream(file)) {
      java.util.SplittableRandom random = new java.util.SplittableRandom(15);
      byte[] chunk = new byte[1 << 20];
      for (int i = 0; i < 192; i++) {
        for (int j = 0; j < chunk.length; j += 8) {
          long v = random.nextLong();
          for (int k = 0; k < 8; k++) {
            chunk[j + k] = (byte) (v >>> (8 * k));
          }
        }
        o.write(chunk);
      }
    }
    Path car = tmp.resolve("big.car");
    io.carmint.pack.CarPacker.builder().build().pack(file, car);
    assertTrue(Files.size(car) > 3 * (64L << 20));

    Forked hash = carmint("hash", car.toString());
    assertEquals(0, hash.code(), hash.err());
    assertTrue(hash.out().get(0).startsWith("bagbaiera"), hash.out().toString());

    Path v2 = tmp.resolve("big-v2.car");
    Forked index = carmint("index", car.toString(), "-o", v2.toString());
    assertEquals(0, index.code(), index.err());
    assertEquals(0, carmint("verify", v2.toString()).code());

    Path all = tmp.resolve("all.car");
    Forked filter = carmint("filter", car.toString(), "--inverse", "--cid-file", "/dev/null", "-o", all.toString());
    assertEquals(0, filter.code(), filter.err());
    assertEquals(0, carmint("verify", all.toString()).code());

    Path extracted = tmp.resolve("extracted.bin");
    Forked extract = carmint("extract", car.toString(), "-o", extracted.toString());
    assertEquals(0, extract.code(), extract.err());
    assertEquals(-1, Files.mismatch(file, extracted));
    Files.delete(extracted);
    Forked ls = carmint("ls", "-R", "-l", car.toString());
    String root = carmint("roots", car.toString()).out().get(0);
    assertEquals(List.of("-\t201326592\t" + root + "\t" + root), ls.out());
    for (Path p : List.of(file, car, v2, all)) {
      Files.delete(p);
    }
  }

  /** What a forked run printed and its exit code. */
  record Forked(int code, List<String> out, String err) {
  }

  static Forked carmint(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int code = p.waitFor();
    List<String> lines = Files.readAllLines(out);
    String e = Files.readString(err);
    Files.delete(out);
    Files.delete(err);
    return new Forked(code, lines, e);
  }

  /**
   * Issue 12, defect 13: verify, ls and unpack decoded the 466,022 links of one directory block into objects and
   * died of an OutOfMemoryError (with a raw stack trace) in a 96 MB heap.
   */
  @Test
  void aDirectoryBlockOfHalfAMillionLinksFitsInASmallHeap() throws Exception {
    Forked verify = carmint("verify", bigDirectory.toString());
    assertEquals(0, verify.code(), verify.err());
    assertTrue(verify.out().contains("ok"), verify.out().toString());

    Forked ls = carmint("ls", bigDirectory.toString());
    assertEquals(0, ls.code(), ls.err());
    assertEquals(466_022, ls.out().size());
    assertEquals("000000", ls.out().get(0));
    assertEquals("466021", ls.out().get(466_021));
    assertFalse(ls.err().contains("OutOfMemoryError"), ls.err());

    // Counted (the whole block read) and refused before writing: what is tested is that the count fits.
    Path out = tmp.resolve("out");
    Forked unpack = carmint("unpack", bigDirectory.toString(), "-o", out.toString(), "--max-entries", "100000");
    assertEquals(1, unpack.code(), unpack.err());
    assertEquals("carmint: Unpacking refused before writing anything: the tree (" + bigRoot + ") holds at least "
        + "100,001 entries, counting each path to a block linked from several places, above the limit of 100,000; if "
        + "the input is genuine, raise --max-entries\n", unpack.err());
    assertFalse(Files.exists(out));
  }
}

package io.carmint.cli;

import static io.carmint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.carmint.block.Block;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.cli.Cli.Run;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CAR subcommands run in-process: exit codes, stdout and stderr. */
class CarCommandsTest {
  @TempDir
  Path tmp;

  static Path shared(String sub) {
    Path p = Path.of(System.getProperty("carmint.shared", "../../shared"), "conformance").resolve(sub);
    assumeTrue(Files.exists(p), "../shared absent: " + p + " not found");
    return p;
  }

  public static Path testCar(String id) {
    return Path.of(System.getProperty("carmint.testdata", "../testdata"), "cars", "ipfs-car-" + id + ".car");
  }

  @Test
  void rootsPrintsEachRoot() {
    Run r = run("roots", shared("js-car/go.car").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("bafyreihyrpefhacm6kkp4ql6j6udakdit7g3dmkzfriqfykhjw6cad5lrm",
        "bafyreidj5idub6mapiupjwjsyyxhyhedxycv4vihfsicm2vt46o7morwlm"), r.lines());
  }

  @Test
  void blocksListsInFileOrder() {
    Run r = run("blocks", "--long", shared("js-car/go.carv2").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("QmfEoLyB5NndqeKieExd1rtJzTduQUPEV8TwAYcUiy3H5Z\t47\t108",
        "QmczfirA7VEH7YVvKPTPoU69XM3qY4DC39nnTsWd4K3SkM\t99\t190",
        "Qmcpz2FHJD7VAhg1fxFXdYJKePtkx1BsHuCrAgWVnaHMTE\t54\t325",
        "bafkreifuosuzujyf4i6psbneqtwg2fhplc2wxptc5euspa2gn3bwhnihfu\t4\t414",
        "bafkreifc4hca3inognou377hfhvu2xfchn2ltzi7yu27jkaeujqqqdbjju\t7\t455"), r.lines());
  }

  @Test
  void blocksStopsAtAHashMismatchWithOneLine() throws IOException {
    Path bad = tmp.resolve("bad.car");
    Files.write(bad, java.util.HexFormat.of().parseHex("11a265726f6f7473806776657273696f6e01"
        + "2e0155122001d448afd928065458cf670b60f5a594d735af0172c8d67f22a81680132681caffffffffffffffffffff"));
    Run r = run("blocks", bad.toString());
    assertEquals(1, r.code());
    assertEquals(1, r.err().strip().split("\n").length, r.err());
    assertTrue(r.err().startsWith("carmint: Block hash mismatch"), r.err());
    assertEquals(0, run("blocks", "--no-verify", bad.toString()).code());
    Run verbose = run("--verbose", "blocks", bad.toString());
    assertTrue(verbose.err().contains("at io.carmint.car"), verbose.err());
  }

  @Test
  void verifyOkAndProblems() {
    Run ok = run("verify", testCar("x-c-tree").toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().contains("\nok\n"), ok.out());
    assertTrue(ok.out().contains("repeated blocks: "), ok.out());

    Path missing = shared("go-car/cmd-car-inputs/simple-unixfs-missing-blocks.car");
    Run bad = run("verify", missing.toString());
    assertEquals(1, bad.code());
    assertEquals(3, bad.lines().stream().filter(l -> l.startsWith("problem: missing block: Block Qm")).count(),
        bad.out());
    assertTrue(bad.err().endsWith("3 problem(s) found; if it is one piece of a split upload, check it with "
        + "--partial\n"), bad.err());
    assertEquals(0, run("verify", "--partial", missing.toString()).code());
  }

  @Test
  void splitWritesPiecesThatEachVerifyPartially() throws IOException {
    Path out = tmp.resolve("pieces");
    Run r = run("split", testCar("x-c-tree").toString(), "--max-size", "101500", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.lines().size() > 1, r.out());
    for (String line : r.lines()) {
      Path piece = Path.of(line.split("\t")[0]);
      assertTrue(Files.size(piece) <= 101500);
      assertEquals(Long.parseLong(line.split("\t")[1]), Files.size(piece));
      assertEquals(0, run("verify", "--partial", piece.toString()).code());
      assertEquals(run("roots", testCar("x-c-tree").toString()).out(), run("roots", piece.toString()).out());
    }
    assertTrue(Files.exists(out.resolve("ipfs-car-x-c-tree-0.car")));
  }

  @Test
  void aPieceSizeTooSmallForABlockNamesTheOption() {
    Run r = run("split", testCar("x-c-tree").toString(), "--max-size", "100", "-o", tmp.resolve("p").toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().startsWith("carmint: Cannot split: block "), r.err());
    assertTrue(r.err().endsWith(", above the limit of 100; if the input is genuine, raise --max-size\n"), r.err());
  }

  /**
   * Issue 12, defect 5: split --carbites of a 6.9 KB DAG bomb wrote 13 GB of .part files and left them. It is now
   * refused before anything is written, naming the option that raises the bound.
   */
  @Test
  void aCarbitesSplitOfADagBombIsRefusedAndLeavesNothing() throws IOException {
    Path car = UnpackCommandsTest.bombCar(tmp, 48, 4000);
    Path out = tmp.resolve("pieces");
    Run r = run("split", car.toString(), "--carbites", "-o", out.toString());
    assertEquals(1, r.code());
    assertEquals(1, r.err().strip().split("\n").length, r.err());
    assertTrue(r.err().startsWith("carmint: Split refused before writing: a carbites-compatible split writes a "
        + "block each time it is linked"), r.err());
    assertTrue(r.err().endsWith("above the limit of 1,073,741,824; if the input is genuine, raise --max-total\n"),
        r.err());
    assertTrue(Files.notExists(out), "not even the output directory");
    Run once = run("split", car.toString(), "-o", out.toString());
    assertEquals(0, once.code(), once.err());
    assertEquals(1, once.lines().size(), once.out());
  }

  @Test
  void getBlockWritesTheBlockBytes() throws IOException {
    String cid = "bafy2bzacebohz654namrgmwjjx4qmtwgxixsd7pn4tlanyrc3g3hwj75hlxrw";
    Path out = tmp.resolve("block");
    Run r = run("get-block", shared("go-car/v2-testdata/sample-v1.car").toString(), cid, "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertArrayEquals(Files.readAllBytes(shared("go-car/cmd-car-inputs/" + cid + ".block")), Files.readAllBytes(out));
    Run absent = run("get-block", shared("go-car/v2-testdata/sample-v1.car").toString(),
        "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4", "-o", out.toString());
    assertEquals(1, absent.code());
    assertTrue(absent.err().contains("is not in"), absent.err());
  }

  /**
   * Issue 12, defect 3: get-block and verify accepted a block under a CID whose sha2-256 digest is 1 byte long. The
   * CID still parses (for display), but the block is refused with one line and exit code 1.
   */
  @Test
  void getBlockAndVerifyRefuseAOneByteDigest() throws Exception {
    byte[] data = "short".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(data);
    Cid shortCid = Cid.v1(Multicodec.RAW, Multihash.of(0x12, new byte[] {digest[0]}));
    Path car = tmp.resolve("short.car");
    try (CarWriter w = CarWriter.createFile(car, shortCid, CarWriteOptions.DEFAULTS)) {
      w.put(Block.of(shortCid, data));
      w.finish(shortCid);
    }
    Run get = run("get-block", car.toString(), shortCid.toString(), "-o", tmp.resolve("block").toString());
    assertEquals(1, get.code());
    // the section follows the 27-byte header: varint 26, {"roots": [tag 42, 6 bytes], "version": 1}
    assertEquals("carmint: Cannot verify block " + shortCid + " at offset 27: its sha2-256 digest is 1 byte(s), "
        + "shorter than the minimum of 20 a verified CID needs (other bytes can match a digest that short); get the "
        + "content under a CID with a full-length digest\n", get.err());
    assertTrue(Files.notExists(tmp.resolve("block")));
    Run verify = run("verify", car.toString());
    assertEquals(1, verify.code());
    assertTrue(verify.out().contains("problem: unverifiable hash: Cannot verify block " + shortCid), verify.out());
  }

  @Test
  void badUsageExitsTwo() {
    assertEquals(2, run("get-block", testCar("x-c-tree").toString(), "not-a-cid").code());
    assertEquals(2, run("split", testCar("x-c-tree").toString()).code());
    assertEquals(2, run("split", testCar("x-c-tree").toString(), "--max-size", "lots", "-o", "x").code());
    assertEquals(2, run("roots").code());
  }

  @Test
  void aMissingFileIsAProblemWithOneLine() {
    Run r = run("roots", tmp.resolve("nope.car").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("carmint: no such file: "), r.err());
  }
}

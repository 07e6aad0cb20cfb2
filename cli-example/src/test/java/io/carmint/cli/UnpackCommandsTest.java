package io.carmint.cli;

import static io.carmint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.cli.Cli.Run;
import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.UnixFsData;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code carmint unpack} and {@code carmint ls} in-process: exit codes, golden stdout, one-line stderr. Expected
 * names, sizes and CIDs come from the gateway-conformance fixture README; hostile CARs are built here.
 */
class UnpackCommandsTest {
  @TempDir
  Path tmp;

  static final String DIR_WITH_FILES = "bafybeihchr7vmgjaasntayyatmp5sv6xza57iy2h4xj7g46bpjij6yhrmy";
  static final String ASCII = "bafkreifkam6ns4aoolg3wedr4uzrs3kvq66p4pecirz6y2vlrngla62mxm";
  static final String HELLO = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";
  static final String MULTIBLOCK = "bafybeigcisqd7m5nf3qmuvjdbakl5bdnh4ocrmacaqkpuh77qjvggmt2sa";

  static Path gateway(String file) {
    return CarCommandsTest.shared("gateway-conformance/" + file);
  }

  private static void assertOneLineError(Run r, int code, String starts) {
    assertEquals(code, r.code(), r.err());
    assertEquals(1, r.err().strip().split("\n").length, r.err());
    assertTrue(r.err().startsWith("carmint: " + starts), r.err());
  }

  // ---------------------------------------------------------------------------------------------- unpack

  @Test
  void unpacksADirectory() throws IOException {
    Path out = tmp.resolve("out");
    Run r = run("unpack", gateway("fixtures/path_gateway_unixfs/dir-with-files.car").toString(),
        "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("unpacked " + DIR_WITH_FILES + " into " + out.toRealPath() + ": 1 directories, 4 files, "
        + "0 symlinks, 1,100 bytes\n", r.out());
    assertEquals("", r.err());
    assertEquals("hello world\n", Files.readString(out.resolve("hello.txt")));
    assertEquals(1026, Files.size(out.resolve("multiblock.txt")));
  }

  @Test
  void unpacksAFileRootToTheOutputPathAndSymlinksThatStayInside() throws IOException {
    Path file = tmp.resolve("hello");
    assertEquals(0, run("unpack", gateway("tooling/check/_fixtures/hello_ipfs.car").toString(), "-o",
        file.toString()).code());
    assertEquals("Hello IPFS\n", Files.readString(file));
    Path out = tmp.resolve("links");
    Run r = run("unpack", gateway("fixtures/path_gateway_unixfs/symlink.car").toString(), "-o",
        out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains(": 1 directories, 1 files, 1 symlinks, 8 bytes"), r.out());
    assertEquals("content\n", Files.readString(out.resolve("bar")));
  }

  @Test
  void aTraversalNameFailsWithOneLineAndExitCode1() throws IOException {
    Path out = tmp.resolve("out");
    String car = gateway("fixtures/path_gateway_tar/outside-root.car").toString();
    Run r = run("unpack", car, "-o", out.toString());
    assertOneLineError(r, 1, "Unsafe entry name: '../foo' contains '/'");
    assertFalse(Files.exists(tmp.resolve("foo")));
    Run verbose = run("--verbose", "unpack", car, "-o", tmp.resolve("v").toString());
    assertTrue(verbose.err().contains("at io.carmint.unixfs"), verbose.err());
  }

  @Test
  void aMissingBlockIsNamed() {
    Path out = tmp.resolve("out");
    Run r = run("unpack",
        gateway("fixtures/trustless_gateway_car/file-3k-and-3-blocks-missing-block.car").toString(), "-o",
        out.toString());
    assertOneLineError(r, 1, "Block QmSNLTo6Wv9dfroVaw7MFYjLqf9ho7PKrgsjdzYDtv8h1W is missing");
    assertFalse(Files.exists(out, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void aNonEmptyOutputNeedsMerge() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(out.resolve("mine"), "keep");
    String car = gateway("fixtures/path_gateway_unixfs/dir-with-files.car").toString();
    Run notEmpty = run("unpack", car, "-o", out.toString());
    assertOneLineError(notEmpty, 1, out.toAbsolutePath() + ": the target directory is not empty");
    assertTrue(notEmpty.err().strip().endsWith("or merge into it with --merge"), notEmpty.err());
    assertEquals(0, run("unpack", car, "-o", out.toString(), "--merge").code());
    assertEquals("keep", Files.readString(out.resolve("mine")));
    assertOneLineError(run("unpack", car, "-o", out.toString(), "--merge"), 1, "already exists: " + out.toRealPath()
        + "/");
  }

  @Test
  void limitsStopTheUnpackAndNameTheirOption() {
    String car = gateway("fixtures/path_gateway_unixfs/dir-with-files.car").toString();
    Run entries = run("unpack", car, "-o", tmp.resolve("a").toString(), "--max-entries", "3");
    assertOneLineError(entries, 1, "Unpacking refused before writing anything: the tree (" + DIR_WITH_FILES
        + ") holds at least 4 entries, counting each path to a block linked from several places, above the limit "
        + "of 3; if the input is genuine, raise --max-entries\n");
    Run bytes = run("unpack", car, "-o", tmp.resolve("b").toString(), "--max-bytes", "1KiB");
    assertOneLineError(bytes, 1, "Unpacking refused before writing anything: the tree (" + DIR_WITH_FILES
        + ") holds at least 1,100 bytes of file content");
    assertTrue(bytes.err().endsWith("above the limit of 1,024; if the input is genuine, raise --max-bytes\n"),
        bytes.err());
    assertFalse(Files.exists(tmp.resolve("a")));
    assertFalse(Files.exists(tmp.resolve("b")));
  }

  /**
   * Issue 12, defect 6: a 10 KB CAR of 48 directory levels, each linking the one below twice, wrote a million entries
   * and gigabytes before its entry limit stopped it, and left them. Now it is refused before anything is written.
   */
  @Test
  void aDagBombIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path car = bombCar(tmp, 48, 4000);
    assertTrue(Files.size(car) < 11_000, "bytes: " + Files.size(car));
    Path out = tmp.resolve("out");
    Run r = run("unpack", car.toString(), "-o", out.toString());
    assertOneLineError(r, 1, "Unpacking refused before writing anything: the sub-tree ");
    assertTrue(r.err().endsWith(", above the limit of 1,000,000; if the input is genuine, raise --max-entries\n"),
        r.err());
    assertFalse(Files.exists(out, LinkOption.NOFOLLOW_LINKS));
    // With the entries allowed, the automatic byte limit (1 GiB for a CAR this small) refuses it.
    Run bytes = run("unpack", car.toString(), "-o", out.toString(), "--max-entries", "1000000000000000");
    assertOneLineError(bytes, 1, "Unpacking refused before writing anything: ");
    assertTrue(bytes.err().contains(" bytes of file content (the automatic limit: 1,024 times the source's "
        + String.format(java.util.Locale.ROOT, "%,d", Files.size(car)) + " bytes, at least 1 GiB and at most 32 GiB)"
        + ", counting each path to a block linked from several places, above the limit of 1,073,741,824; if the "
        + "input is genuine, raise --max-bytes"), bytes.err());
    assertFalse(Files.exists(out, LinkOption.NOFOLLOW_LINKS));
  }

  /** A CAR of {@code levels} directories, each linking the one below as 'a' and 'b', over one random file. */
  static Path bombCar(Path tmp, int levels, int fileSize) throws IOException {
    byte[] data = new byte[fileSize];
    new java.util.Random(1).nextBytes(data);
    Block file = Block.create(Multicodec.RAW, HashFunction.SHA2_256, data);
    List<Block> blocks = new ArrayList<>(List.of(file));
    Block current = dagPb(List.of(PbLink.of(file.cid(), "f", fileSize)), UnixFsData.directory());
    blocks.add(current);
    for (int i = 0; i < levels; i++) {
      current = dagPb(List.of(PbLink.of(current.cid(), "a", 1), PbLink.of(current.cid(), "b", 1)),
          UnixFsData.directory());
      blocks.add(current);
    }
    Path car = Files.createTempFile(tmp, "bomb", ".car");
    try (FileChannel ch = FileChannel.open(car, StandardOpenOption.WRITE)) {
      CarWriter w = CarWriter.create(ch, List.of(current.cid()), CarWriteOptions.DEFAULTS);
      for (int i = blocks.size() - 1; i >= 0; i--) {
        w.put(blocks.get(i));
      }
      w.finish();
    }
    return car;
  }

  @Test
  void badUsageIsExitCode2() {
    String car = gateway("fixtures/path_gateway_unixfs/dir-with-files.car").toString();
    assertOneLineError(run("unpack", car), 2, "Missing required option: '--output=DIR'");
    assertEquals(2, run("unpack", car, "-o", tmp.resolve("x").toString(), "--max-bytes", "lots").code());
    assertOneLineError(run("unpack", car, "-o", tmp.resolve("x").toString(), "--max-depth", "5000"), 2,
        "maxDepth must be from 0 to 1024");
    assertOneLineError(run("unpack", CarCommandsTest.shared("js-car/go.car").toString(), "-o",
        tmp.resolve("x").toString()), 2, "The CAR has 2 roots");
    assertEquals(2, run("ls", car, "--root", "not-a-cid").code());
  }

  @Test
  void escapingSymlinksFailOrAreSkippedWithANote() throws IOException {
    Path car = hostileCar(List.of(new Entry("evil", symlink("/etc/passwd")), new Entry("ok", raw("fine"))));
    Path out = tmp.resolve("out");
    Run refused = run("unpack", car.toString(), "-o", out.toString());
    assertOneLineError(refused, 1, "Symlink 'evil' -> '/etc/passwd' refused: the target is absolute");
    assertTrue(refused.err().contains("(skip such symlinks with --skip-escaping-symlinks)"), refused.err());
    assertFalse(Files.exists(out.resolve("evil"), LinkOption.NOFOLLOW_LINKS));
    Path out2 = tmp.resolve("out2");
    Run r = run("unpack", car.toString(), "-o", out2.toString(), "--skip-escaping-symlinks");
    assertEquals(0, r.code(), r.err());
    assertEquals("carmint: skipped symlink 'evil' -> '/etc/passwd': the target is absolute\n", r.err());
    assertTrue(r.out().endsWith(": 1 directories, 1 files, 0 symlinks, 4 bytes (1 symlinks skipped)\n"), r.out());
    assertEquals("fine", Files.readString(out2.resolve("ok")));
  }

  @Test
  void standardInputIsCopiedToATemporaryFile() throws IOException {
    byte[] car = Files.readAllBytes(gateway("fixtures/path_gateway_unixfs/dir-with-files.car"));
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.runWithInput(car, "unpack", "-", "-o", out.toString()).code());
    assertEquals("hello world\n", Files.readString(out.resolve("hello.txt")));
    assertEquals(List.of("ascii-copy.txt", "ascii.txt", "hello.txt", "multiblock.txt"),
        Cli.runWithInput(car, "ls", "-").lines());
  }

  // ---------------------------------------------------------------------------------------------- ls

  @Test
  void lsListsNamesAndLongFormat() {
    String car = gateway("fixtures/path_gateway_unixfs/dir-with-files.car").toString();
    assertEquals(List.of("ascii-copy.txt", "ascii.txt", "hello.txt", "multiblock.txt"), run("ls", car).lines());
    Run r = run("ls", "-l", car);
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("-\t31\t" + ASCII + "\tascii-copy.txt", "-\t31\t" + ASCII + "\tascii.txt",
        "-\t12\t" + HELLO + "\thello.txt", "-\t1026\t" + MULTIBLOCK + "\tmultiblock.txt"), r.lines());
  }

  @Test
  void lsWalksIntoSubdirectoriesAndDescribesFiles() {
    String car = gateway("fixtures/dir_listing/fixtures.car").toString();
    assertEquals(List.of("api", "ipfs", "ipns", "ą"), run("ls", car).lines());
    assertEquals(List.of("file-źł.txt"), run("ls", car, "ą/ę").lines());
    String[] sub = run("ls", "-l", car, "ą").lines().get(0).split("\t");
    assertEquals(List.of("d", "-", "ę"), List.of(sub[0], sub[1], sub[3]));
    assertEquals(List.of("-\t34\tbafkreialihlqnf5uwo4byh4n3cmwlntwqzxxs2fg5vanqdi3d7tb2l5xkm\tfile-źł.txt"),
        run("ls", "-l", car, "/ą/ę/file-źł.txt").lines());
    assertOneLineError(run("ls", car, "ą/nope"), 1, "No entry 'ą/nope': 'ą' (");
  }

  @Test
  void lsShowsSymlinksAndHamtsAndNamesAsStored() {
    List<String> links = run("ls", "-l", gateway("fixtures/path_gateway_unixfs/symlink.car").toString()).lines();
    assertEquals(2, links.size());
    String[] bar = links.get(0).split("\t");
    assertEquals(List.of("l", "3", "bar -> foo"), List.of(bar[0], bar[1], bar[3]));
    String[] foo = links.get(1).split("\t");
    assertEquals(List.of("-", "8", "foo"), List.of(foo[0], foo[1], foo[3]));

    String hamt = gateway("fixtures/trustless_gateway_car/single-layer-hamt-with-multi-block-files.car").toString();
    List<String> names = run("ls", hamt).lines();
    Set<String> expected = new HashSet<>();
    for (int i = 1; i <= 1000; i++) {
      expected.add(i + ".txt");
    }
    assertEquals(1000, names.size());
    assertEquals(expected, new HashSet<>(names));
    assertEquals(List.of("-\t1026\t" + MULTIBLOCK + "\t470.txt"), run("ls", "-l", hamt, "470.txt").lines());

    assertEquals(List.of("../foo", "bar"),
        run("ls", gateway("fixtures/path_gateway_tar/outside-root.car").toString()).lines());
  }

  @Test
  void lsQuotesNamesThatWouldBreakTheLine() throws IOException {
    Path car = hostileCar(List.of(new Entry("a\nb", raw("x")), new Entry("plain", raw("y"))));
    assertEquals(List.of("'a\\u000Ab'", "plain"), run("ls", car.toString()).lines());
  }

  /** The directory is read through once before printing (to count it), so a repeated name prints nothing. */
  @Test
  void lsRefusesARepeatedNameBeforeListingAnything() throws IOException {
    Path car = hostileCar(List.of(new Entry("a", raw("x")), new Entry("a", raw("y"))));
    Run r = run("ls", car.toString());
    assertEquals(1, r.code());
    assertEquals(List.of(), r.lines());
    assertTrue(r.err().contains("has two entries named 'a'"), r.err());
  }

  // ---------------------------------------------------------------------------------------------- hostile CARs

  record Entry(String name, Block block) {}

  private static Block raw(String text) {
    return Block.create(Multicodec.RAW, HashFunction.SHA2_256, text.getBytes(StandardCharsets.UTF_8));
  }

  private static Block symlink(String target) {
    return dagPb(List.of(), UnixFsData.symlink(Bytes.of(target.getBytes(StandardCharsets.UTF_8))));
  }

  private static Block dagPb(List<PbLink> links, UnixFsData data) {
    return Block.create(Multicodec.DAG_PB, HashFunction.SHA2_256,
        DagPb.encodeInGivenOrder(PbNode.of(links, data.encode())));
  }

  /** A CAR whose root directory links the entries in the order given, names unchecked. */
  private Path hostileCar(List<Entry> entries) throws IOException {
    List<PbLink> links = new ArrayList<>();
    for (Entry e : entries) {
      links.add(PbLink.of(e.block().cid(), e.name(), e.block().length()));
    }
    Block root = dagPb(links, UnixFsData.directory());
    Path car = Files.createTempFile(tmp, "hostile", ".car");
    try (FileChannel ch = FileChannel.open(car, StandardOpenOption.WRITE)) {
      CarWriter w = CarWriter.create(ch, List.of(root.cid()), CarWriteOptions.DEFAULTS);
      for (Entry e : entries) {
        w.put(e.block());
      }
      w.put(root);
      w.finish();
    }
    return car;
  }
}

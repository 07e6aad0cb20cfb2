package io.carmint.cli;

import static io.carmint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.cli.Cli.Run;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verbs from ipfs-car and go-car's {@code car}: {@code hash}, {@code index}, {@code detach-index},
 * {@code filter}, {@code extract} and {@code ls -R}, run in-process. Expected outputs are the reference tools':
 * {@code testdata/cars/hash.json} ({@code ipfs-car hash}), {@code testdata/cars/cars.json} ({@code ipfs-car ls
 * --verbose}), go-car's sample CARs and its {@code cmd/car} script tests (quoted in the conformance MANIFEST).
 * The exact wording of their output and errors is the golden files' ({@code GoldenOutputTest#carVerbs}); the errors
 * checked here are those of go-car's inputs, which the golden files cannot use (they are absent without
 * {@code ../shared}).
 */
class VerbCommandsTest {
  @TempDir
  Path tmp;

  static final String HELLO_CAR_CID = "bagbaieraimzttmzohqqynttp4qdce7hgushjpilwzkdajcup2neqo2pneala";
  static final String SIMPLE_ROOT = "QmPLPpnptHc1DMhJAWNYMTqBTqqRQNy5WsY7F9pZgsBfMT";

  static Path goCar(String name) {
    Path p = CarCommandsTest.shared("go-car/v2-testdata/" + name);
    return p;
  }

  static Path goCarInput(String name) {
    return CarCommandsTest.shared("go-car/cmd-car-inputs/" + name);
  }

  /** Runs with {@code stdin} as standard input; what went to standard output as bytes is the run's bytes. */
  static Run piped(byte[] stdin, String... args) {
    return Cli.run(Map.of(), new ByteArrayInputStream(stdin), false, false, args);
  }

  private static void assertOneLineError(Run r, int code, String message) {
    assertEquals(code, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals("carmint: " + message + "\n", r.err());
  }

  /** Asserts a successful run that printed {@code out} and nothing on standard error. */
  private static void assertPrinted(String out, Run r) {
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertEquals(out, r.out());
  }

  // ------------------------------------------------------------------------------------------------ hash

  static List<String[]> hashFacts() throws IOException {
    String json = Files.readString(Path.of(System.getProperty("carmint.testdata", "../testdata"), "cars",
        "hash.json"));
    Matcher m = Pattern.compile("\\{\"file\": \"(testdata/[^\"]+)\", \"size\": \\d+, \"cid\": \"([^\"]+)\", "
        + "\"multihash\": \"([^\"]+)\"}").matcher(json);
    List<String[]> out = new ArrayList<>();
    while (m.find()) {
      out.add(new String[] {m.group(1), m.group(2), m.group(3)});
    }
    assertEquals(10, out.size());
    return out;
  }

  @Test
  void hashPrintsWhatIpfsCarHashPrints() throws IOException {
    for (String[] f : hashFacts()) {
      Path car = Path.of(System.getProperty("carmint.testdata", "../testdata")).resolve(f[0].substring(9));
      assertPrinted(f[1] + "\n", run("hash", car.toString()));
      assertPrinted(f[2] + "\n", run("hash", "-m", car.toString()));
      assertPrinted("{\"car\":\"-\",\"cid\":\"" + f[1] + "\",\"multihash\":\"" + f[2] + "\"}\n",
          piped(Files.readAllBytes(car), "hash", "--json"));
    }
  }

  @Test
  void hashOfBytesThatAreNotACarFailsUnlessNoCheck() {
    byte[] text = "not a CAR\n".getBytes(StandardCharsets.US_ASCII);
    assertOneLineError(piped(text, "hash"), 1, "not a CAR file: standard input (Truncated CAR: CAR header at "
        + "offset 0 declares 110 bytes, got 9); --no-check hashes any bytes");
    // what `ipfs-car hash` (3.1.0) printed for a file holding these 10 bytes
    assertPrinted("bagbaieralm72cehpeo4gjmwnbciogsiitlils235yvc54fd4qypbntkruwua\n", piped(text, "hash", "--no-check"));
  }

  // ----------------------------------------------------------------------------------------------- index

  @Test
  void indexWritesGoCarsWrappedV2() throws IOException {
    Path out = tmp.resolve("w.car");
    Run r = run("index", goCar("sample-v1.car").toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertArrayEquals(Files.readAllBytes(goCar("sample-wrapped-v2.car")), Files.readAllBytes(out));
  }

  @Test
  void aSymbolicLinkGivenAsOutputIsWrittenThrough() throws IOException {
    Path target = tmp.resolve("target.car");
    Files.writeString(target, "old");
    Path link = Files.createSymbolicLink(tmp.resolve("link.car"), target);
    assertEquals(0, run("index", goCar("sample-v1.car").toString(), "-o", link.toString()).code());
    assertTrue(Files.isSymbolicLink(link));
    assertArrayEquals(Files.readAllBytes(goCar("sample-wrapped-v2.car")), Files.readAllBytes(target));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(2, left.count()); // no temporary file left beside them
    }
  }

  @Test
  void indexFromStandardInputToStandardOutputReportsOnStandardError() throws IOException {
    Run p = piped(Files.readAllBytes(goCar("sample-v2-indexless.car")), "index", "-", "--json");
    assertEquals(0, p.code(), p.err());
    assertEquals("", p.out());
    // go-car's sample-wrapped-v2.car: 1,043 entries, data at 51 (header 40 + pragma 11) for 479,907 bytes
    assertEquals("{\"car\":\"-\",\"output\":null,\"indexCodec\":\"car-multihash-index-sorted\","
        + "\"indexEntries\":1043,\"bytes\":521708,\"dataSize\":479907,\"indexOffset\":479958}\n", p.err());
    assertArrayEquals(Files.readAllBytes(goCar("sample-wrapped-v2.car")), p.bytes());
  }

  @Test
  void indexOnlyWritesGoCarsDetachedIndexes() throws IOException {
    Path mh = tmp.resolve("mh.carindex");
    Run r = run("index", goCar("sample-v1.car").toString(), "--index-only", "-o", mh.toString());
    assertEquals(0, r.code(), r.err());
    assertArrayEquals(Files.readAllBytes(goCar("sample-multihash-index-sorted.carindex")), Files.readAllBytes(mh));
    Path sorted = tmp.resolve("sorted.carindex");
    assertEquals(0, run("index", goCar("sample-v1.car").toString(), "--index-only", "--codec", "car-index-sorted",
        "--store-identity-cids", "-o", sorted.toString()).code());
    assertArrayEquals(Files.readAllBytes(goCar("sample-index.carindex")), Files.readAllBytes(sorted));
  }

  @Test
  void indexRefusesBadUsageAndBadCarsWritingNothing() throws IOException {
    Path out = tmp.resolve("out.car");
    Files.writeString(out, "kept");
    assertOneLineError(run("index", goCar("sample-v1-tailing-corrupt-section.car").toString(), "-o",
        out.toString()), 1, goCar("sample-v1-tailing-corrupt-section.car") + ": Truncated CAR: section at offset "
        + "479,518 declares 387 bytes, got 374");
    assertEquals("kept", Files.readString(out));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(out), left.toList());
    }
  }

  // ---------------------------------------------------------------------------------------- detach-index

  @Test
  void detachIndexWritesTheEmbeddedIndex() throws IOException {
    Path out = tmp.resolve("i.carindex");
    Run r = run("detach-index", goCar("sample-wrapped-v2.car").toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertArrayEquals(Files.readAllBytes(goCar("sample-multihash-index-sorted.carindex")), Files.readAllBytes(out));
    Run p = piped(new byte[0], "detach-index", goCar("sample-wrapped-v2.car").toString());
    assertEquals(0, p.code(), p.err());
    assertArrayEquals(Files.readAllBytes(goCar("sample-multihash-index-sorted.carindex")), p.bytes());
  }

  @Test
  void detachIndexOfACarWithoutOne() {
    assertOneLineError(run("detach-index", goCar("sample-v2-indexless.car").toString(), "-o",
        tmp.resolve("x").toString()), 1, goCar("sample-v2-indexless.car") + ": The CARv2 has no index (its header's "
        + "index offset is 0)");
    assertFalse(Files.exists(tmp.resolve("x")));
  }

  // ---------------------------------------------------------------------------------------------- filter

  @Test
  void filterKeepsTheListedBlocksAsGoCarsFilterScript() throws IOException {
    Path list = tmp.resolve("cids.txt");
    Files.writeString(list, "QmazwWa2vNLpy6WDBMjx7neWMbmn2oi9LQzCjan4kcGjBX\nQmVKt1VVkgfYcbSZqLD9sxZAkDpbH3L7RM6mJ6LHbkj5Bm\n");
    Path out = tmp.resolve("out.car");
    Run r = run("filter", goCarInput("simple-unixfs.car").toString(), "--cid-file", list.toString(), "-o",
        out.toString(), "--json");
    assertEquals("{\"car\":\"" + goCarInput("simple-unixfs.car") + "\",\"output\":\"" + out + "\",\"version\":2,"
        + "\"roots\":[],\"blocks\":2,\"dropped\":20,\"duplicates\":0,\"identity\":0,\"bytes\":" + Files.size(out)
        + "}\n", r.out());
    assertEquals(List.of("QmVKt1VVkgfYcbSZqLD9sxZAkDpbH3L7RM6mJ6LHbkj5Bm",
        "QmazwWa2vNLpy6WDBMjx7neWMbmn2oi9LQzCjan4kcGjBX"), run("blocks", out.toString()).lines());
    Path inverse = tmp.resolve("inverse.car");
    Run i = run("filter", goCarInput("simple-unixfs.car").toString(), "--cid-file", list.toString(), "--inverse",
        "-o", inverse.toString(), "--json", "--car-version", "1");
    assertPrinted("{\"car\":\"" + goCarInput("simple-unixfs.car") + "\",\"output\":\"" + inverse
        + "\",\"version\":1,\"roots\":[\"" + SIMPLE_ROOT + "\"],\"blocks\":20,\"dropped\":2,\"duplicates\":0,"
        + "\"identity\":0,\"bytes\":" + Files.size(inverse) + "}\n", i);
    assertEquals(20, run("blocks", inverse.toString()).lines().size());
  }

  @Test
  void filterReadsTheListFromStandardInputAndReportsDuplicates() throws IOException {
    byte[] list = ("bafy2bzaced4ueelaegfs5fqu4tzsh6ywbbpfk3cxppupmxfdhbpbhzawfw5oy\n"
        + "bafy2bzaced4ueelaegfs5fqu4tzsh6ywbbpfk3cxppupmxfdhbpbhzawfw5oy\n").getBytes(StandardCharsets.US_ASCII);
    Path out = tmp.resolve("root.car");
    Run r = piped(list, "filter", goCar("sample-wrapped-v2.car").toString(), "-o", out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"blocks\":1,\"dropped\":1048,"), r.out());
    assertEquals("carmint: CID listed twice: bafy2bzaced4ueelaegfs5fqu4tzsh6ywbbpfk3cxppupmxfdhbpbhzawfw5oy\n",
        r.err());
    assertEquals(List.of("bafy2bzaced4ueelaegfs5fqu4tzsh6ywbbpfk3cxppupmxfdhbpbhzawfw5oy"),
        run("roots", out.toString()).lines());
  }

  @Test
  void filterRefusesBadUsageAndBadLists() throws IOException {
    Path out = tmp.resolve("out.car");
    Path list = tmp.resolve("list.txt");
    Files.writeString(list, "QmazwWa2vNLpy6WDBMjx7neWMbmn2oi9LQzCjan4kcGjBX\nQmVKt1VVkgfYcbSZqLD9sxZAkDpbH3L7RM6mJ6LHbkj5Bm\n");
    assertOneLineError(run("filter", goCarInput("simple-unixfs.car").toString(), "--cid-file", list.toString(),
        "--max-cids", "1", "-o", out.toString()), 1, "The CID list holds more than 1 CIDs, above the limit of 1; if "
        + "the input is genuine, raise --max-cids");
    assertFalse(Files.exists(out));
  }

  // --------------------------------------------------------------------------------------------- extract

  @Test
  void extractWritesOnePathAsGoCarsExtractScript() throws IOException {
    Path b = tmp.resolve("b");
    Run r = run("extract", goCarInput("simple-unixfs.car").toString(), "b", "-o", b.toString());
    assertPrinted("extracted b (QmXkRjGJnRRjJjnL2AiB3mTzLtPwNjkQnKCnfSf1HaUoVY) into " + b.toRealPath()
        + ": 4 directories, 3 files, 0 symlinks, 12 bytes\n", r);
    assertEquals("b4D\n", Files.readString(b.resolve("4/D.txt")));
    assertEquals("b5E\n", Files.readString(b.resolve("5/E.txt")));
    assertEquals("b6F\n", Files.readString(b.resolve("6/F.txt")));
    Path one = tmp.resolve("B.txt");
    Run f = run("extract", goCarInput("simple-unixfs.car").toString(), "/a/2/B.txt", "-o", one.toString(), "--json");
    assertPrinted("{\"car\":\"" + goCarInput("simple-unixfs.car") + "\",\"path\":\"/a/2/B.txt\",\"cid\":"
        + "\"QmYnqPpM1PfSX5MXCViy6xJTMsTt2BdGS86Cu1WTVB8ok4\",\"output\":\"" + one.toRealPath() + "\","
        + "\"directories\":0,\"files\":1,\"symlinks\":0,\"bytes\":4}\n", f);
    assertEquals("a2B\n", Files.readString(one));
  }

  @Test
  void extractStreamsAFileToStandardOutput() throws IOException {
    Run p = piped(new byte[0], "extract", goCarInput("wikipedia-cryptographic-hash-function.car").toString(),
        "wiki/Cryptographic_hash_function");
    assertPrinted("", p);
    assertTrue(new String(p.bytes(), StandardCharsets.UTF_8)
        .contains("  <title>Cryptographic hash function</title>\n"));
    Run json = piped(new byte[0], "extract", goCarInput("simple-unixfs.car").toString(), "c/8/H.txt", "-o", "-");
    assertPrinted("", json);
    assertEquals("c8H\n", new String(json.bytes(), StandardCharsets.US_ASCII));
  }

  @Test
  void extractOfAPathWithMissingBlocksFailsAndLeavesNothing() {
    Path b = tmp.resolve("b");
    assertOneLineError(run("extract", goCarInput("simple-unixfs-missing-blocks.car").toString(), "b", "-o",
        b.toString()), 1, "Block QmVKt1VVkgfYcbSZqLD9sxZAkDpbH3L7RM6mJ6LHbkj5Bm is missing (needed by '4')");
    assertFalse(Files.exists(b));
    assertOneLineError(run("extract", goCarInput("simple-unixfs.car").toString(), "a/4", "-o", b.toString()), 1,
        "No entry 'a/4': 'a' (QmSL6Qo3cnpAe5azJhj4zTF38Dv5ZWrNMnoHqw6D6R7fBn) has no entry '4'");
  }

  // ---------------------------------------------------------------------------------------------- ls -R

  @Test
  void lsRecursiveListsTheWholeTreeAsGoCarsInputManifest() {
    List<String> expected = new ArrayList<>();
    for (String top : List.of("a", "b", "c")) {
      expected.add(top);
      for (int i = 0; i < 3; i++) {
        int n = "abc".indexOf(top) * 3 + i + 1;
        expected.add(top + "/" + n);
        expected.add(top + "/" + n + "/" + (char) ('A' + n - 1) + ".txt");
      }
    }
    Run r = run("ls", "-R", goCarInput("simple-unixfs.car").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(expected, r.lines());
    assertEquals(List.of("4", "4/D.txt", "5", "5/E.txt", "6", "6/F.txt"),
        run("ls", "--recursive", goCarInput("simple-unixfs.car").toString(), "b").lines());
  }

  /** One CAR of testdata/cars and what {@code ipfs-car ls --verbose} printed for it. */
  record Listed(String id, List<String> lines) {
    @Override
    public String toString() {
      return id;
    }
  }

  static List<Listed> ipfsCarListings() throws IOException {
    String json = Files.readString(Path.of(System.getProperty("carmint.testdata", "../testdata"), "cars",
        "cars.json"));
    List<Listed> out = new ArrayList<>();
    Matcher id = Pattern.compile("\"id\": \"([^\"]+)\"").matcher(json);
    while (id.find()) {
      int at = json.indexOf("\"ipfsCarLs\": [", id.end()) + 14;
      List<String> lines = new ArrayList<>();
      while (json.charAt(at) != ']') {
        if (json.charAt(at) != '"') {
          at++; // white space and commas between the strings
          continue;
        }
        StringBuilder line = new StringBuilder();
        for (at++; json.charAt(at) != '"'; at++) {
          char c = json.charAt(at);
          if (c == '\\') {
            c = json.charAt(++at);
            c = c == 't' ? '\t' : c == 'n' ? '\n' : c;
          }
          line.append(c);
        }
        at++;
        lines.add(line.toString());
      }
      out.add(new Listed(id.group(1), lines));
    }
    assertEquals(10, out.size());
    return out;
  }

  @ParameterizedTest
  @MethodSource("ipfsCarListings")
  void lsRecursiveLongListsWhatIpfsCarLsListsInTheSameOrder(Listed listed) {
    Run r = run("ls", "-R", "-l", CarCommandsTest.testCar(listed.id()).toString());
    assertEquals(0, r.code(), r.err());
    List<String> ours = new ArrayList<>();
    for (String line : r.lines()) {
      String[] f = line.split("\t", 4); // TYPE SIZE CID PATH
      ours.add(f[2] + "\t" + f[1] + "\t./" + f[3]);
    }
    if (listed.lines().size() == 1) { // a file root: ipfs-car names it ".", ls names it by its CID
      assertEquals(List.of(listed.lines().get(0)), List.of(ours.get(0).substring(0, ours.get(0).lastIndexOf('\t'))
          + "\t."));
      return;
    }
    List<String> theirs = listed.lines().subList(1, listed.lines().size()); // the root "." is not an entry
    assertEquals(theirs, ours);
  }

  /** Issue 12, defect 6: {@code ls -R} counts the tree first, so a tree over the limit prints nothing. */
  @Test
  void lsRecursiveRefusesATreeOverTheEntryLimitBeforePrintingAnything() {
    String car = goCarInput("simple-unixfs.car").toString();
    Run all = run("ls", "-R", car);
    assertEquals(0, all.code(), all.err());
    int entries = all.lines().size();
    assertTrue(entries > 5, all.out());
    assertPrinted(all.out(), run("ls", "-R", car, "--max-entries", Integer.toString(entries)));
    assertOneLineError(run("ls", "-R", car, "--max-entries", Integer.toString(entries - 1)), 1,
        "Listing refused before printing anything: the tree holds more than " + (entries - 1) + " entries, counting "
            + "each path to a block linked from several places; if the input is genuine, raise --max-entries");
  }

  /** The 48-level DAG bomb of issue 12 (each directory linking the one below twice): refused, nothing printed. */
  @Test
  void lsRecursiveRefusesADagBombAtOnce() throws IOException {
    Path bomb = UnpackCommandsTest.bombCar(tmp, 48, 4000);
    assertOneLineError(run("ls", "-R", bomb.toString()), 1, "Listing refused before printing anything: the tree "
        + "holds more than 1,000,000 entries, counting each path to a block linked from several places; if the input "
        + "is genuine, raise --max-entries");
    assertPrinted("a\nb\n", run("ls", bomb.toString())); // one level is two entries
  }

  /** Without -R too: a directory over the limit is refused before its first entry is printed. */
  @Test
  void lsRefusesADirectoryOverTheEntryLimitBeforePrintingAnything() {
    String car = goCarInput("simple-unixfs.car").toString();
    Run all = run("ls", car);
    assertEquals(0, all.code(), all.err());
    int entries = all.lines().size();
    assertPrinted(all.out(), run("ls", car, "--max-entries", Integer.toString(entries)));
    assertOneLineError(run("ls", car, "--max-entries", Integer.toString(entries - 1)), 1,
        "Listing refused before printing anything: the directory holds more than " + (entries - 1) + " entries; if "
            + "the input is genuine, raise --max-entries");
    assertEquals(2, run("ls", car, "--max-entries", "-1").code());
  }
}

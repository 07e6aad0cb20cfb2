package io.carmint.car.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmint.block.Block;
import io.carmint.car.CarBlocks;
import io.carmint.car.CarFile;
import io.carmint.car.CarReader;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.car.CarVerifier;
import io.carmint.car.Fixtures;
import io.carmint.car.VerifyReport;
import io.carmint.car.dag.LinkDecoders;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TreewalkSplitterTest {
  /** Pieces collected in memory. */
  static final class Pieces implements TreewalkSplitter.PieceOutput {
    final List<ByteArrayOutputStream> out = new ArrayList<>();

    @Override
    public java.nio.channels.WritableByteChannel open(int index) {
      assertEquals(out.size(), index);
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      out.add(b);
      return Channels.newChannel(b);
    }

    List<byte[]> bytes() {
      return out.stream().map(ByteArrayOutputStream::toByteArray).toList();
    }
  }

  static Path car(String id) {
    return Fixtures.testdata().resolve("cars").resolve("ipfs-car-" + id + ".car");
  }

  static String sha256(byte[] b) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** carbites' splits of ipfs-car CARs (testdata/cars/split.json) whose input CAR is in testdata/cars. */
  static Stream<Arguments> carbitesSplits() throws IOException {
    JsonNode all = new ObjectMapper().readTree(Fixtures.testdata().resolve("cars/split.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode rec : all) {
      String id = rec.get("id").asText();
      if (id.startsWith("split-ipfs-car-x-c-")) {
        String carId = id.substring("split-ipfs-car-".length(), id.indexOf('@'));
        out.add(Arguments.of(id, carId, rec));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("carbitesSplits")
  void carbitesCompatibleModeGivesCarbitesPiecesByteForByte(String id, String carId, JsonNode rec)
      throws Exception {
    Pieces pieces = new Pieces();
    try (CarFile f = CarFile.open(car(carId))) {
      TreewalkSplitter.builder().maxPieceSize(rec.get("targetSize").asLong()).carbitesCompatible(true).build()
          .split(f, pieces);
    }
    JsonNode expected = rec.get("pieces");
    List<byte[]> got = pieces.bytes();
    assertEquals(expected.size(), got.size());
    for (int i = 0; i < got.size(); i++) {
      JsonNode p = expected.get(i);
      List<String> cids = new ArrayList<>();
      p.get("blocks").forEach(c -> cids.add(c.asText()));
      assertEquals(cids, CarBlocks.read(got.get(i)).stream().map(b -> b.cid().toString()).toList(), "piece " + i);
      assertEquals(p.get("size").asLong(), got.get(i).length, "piece " + i);
      assertEquals(p.get("sha256").asText(), sha256(got.get(i)), "piece " + i);
    }
  }

  @ParameterizedTest(name = "{0} at {1} bytes")
  @CsvSource({"x-c-tree,101500", "x-c-tree,150000", "x-c-1001,16384", "x-c-1001,40000",
      "x-c-deep40,6000", "x-c-deep40,7000", "x-c-unicode-wide,20000", "x-c-hello-wrap,1000"})
  void piecesAreBoundedRootedSelfContainedAndCoverTheDag(String carId, long max) throws IOException {
    Pieces pieces = new Pieces();
    Set<Cid> reachable;
    Cid root;
    SplitResult result;
    try (CarFile f = CarFile.open(car(carId))) {
      root = f.roots().get(0);
      reachable = reachable(f, root);
      result = TreewalkSplitter.builder().maxPieceSize(max).build().split(f, pieces);
    }
    Set<Cid> union = new HashSet<>();
    List<byte[]> got = pieces.bytes();
    assertEquals(result.pieces().size(), got.size());
    if (java.nio.file.Files.size(car(carId)) > max * 1.1) {
      assertTrue(got.size() > 1, "expected several pieces, got " + got.size());
    }
    for (int i = 0; i < got.size(); i++) {
      byte[] piece = got.get(i);
      assertTrue(piece.length <= max, "piece " + i + " has " + piece.length + " bytes");
      assertEquals(result.pieces().get(i).size(), piece.length);
      List<Block> blocks = CarBlocks.read(piece);
      try (CarReader r = CarReader.open(new ByteArrayInputStream(piece))) {
        assertEquals(List.of(root), r.roots());
      }
      assertEquals(root, blocks.get(0).cid());
      // Every block after the first is linked from an earlier block of the same piece, and none repeats.
      Set<Cid> linkedSoFar = new HashSet<>();
      Set<Cid> inPiece = new HashSet<>();
      for (Block b : blocks) {
        assertTrue(inPiece.add(b.cid()), "repeated " + b.cid() + " in piece " + i);
        if (!b.cid().equals(root)) {
          assertTrue(linkedSoFar.contains(b.cid()), b.cid() + " in piece " + i + " has no parent before it");
        }
        linkedSoFar.addAll(LinkDecoders.standard().links(b));
      }
      union.addAll(inPiece);
      VerifyReport report = CarVerifier.builder().partial(true).build().verify(new ByteArrayInputStream(piece));
      assertTrue(report.ok(), report.problems().toString());
    }
    assertEquals(reachable, union);
  }

  /** Independent of the splitter: every CID reachable from the root through the CAR's blocks. */
  static Set<Cid> reachable(CarFile f, Cid root) throws IOException {
    Set<Cid> seen = new HashSet<>();
    ArrayDeque<Cid> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Cid c = todo.pop();
      if (seen.add(c)) {
        todo.addAll(LinkDecoders.standard().links(f.get(c).orElseThrow()));
      }
    }
    return seen;
  }

  @Test
  void aCarWithTwoRootsCannotBeSplit() throws IOException {
    try (CarFile f = CarFile.open(Fixtures.conformance("js-car").resolve("go.car"))) {
      assertThrows(SplitException.class, () -> TreewalkSplitter.builder().build().split(f, new Pieces()));
    }
  }

  @Test
  void missingBlocksAreNamed() throws IOException {
    try (CarFile f = CarFile.open(Fixtures.goCar("simple-unixfs-missing-blocks.car"))) {
      SplitException e = assertThrows(SplitException.class,
          () -> TreewalkSplitter.builder().build().split(f, new Pieces()));
      assertTrue(e.getMessage().startsWith("Missing block for Qm"), e.getMessage());
    }
  }

  @Test
  void aBlockThatCannotFitWithItsAncestorsIsAnError() throws IOException {
    try (CarFile f = CarFile.open(car("x-c-rand1000-nowrap"))) {
      LimitExceededException e = assertThrows(LimitExceededException.class,
          () -> TreewalkSplitter.builder().maxPieceSize(500).build().split(f, new Pieces()));
      assertEquals("TreewalkSplitter.Builder.maxPieceSize", e.setting());
      assertEquals(500, e.limit());
      assertTrue(e.actual() > 500, e.getMessage());
      assertTrue(e.getMessage().endsWith("raise TreewalkSplitter.Builder.maxPieceSize"), e.getMessage());
    }
  }

  @Test
  void aFailedSplitToADirectoryLeavesTheDirectoryAsItWas(@TempDir Path dir) throws IOException {
    Path existing = Files.writeString(dir.resolve("x-0.car"), "keep");
    try (CarFile f = CarFile.open(car("x-c-rand1000-nowrap"))) {
      assertThrows(LimitExceededException.class,
          () -> TreewalkSplitter.builder().maxPieceSize(500).build().split(f, dir, "x"));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(existing), files.toList());
    }
    assertEquals("keep", Files.readString(existing));
  }

  @Test
  void aSplitToADirectoryLeavesOnlyTheFinalPieces(@TempDir Path dir) throws IOException {
    SplitResult r;
    try (CarFile f = CarFile.open(car("x-c-1001"))) {
      r = TreewalkSplitter.builder().maxPieceSize(40_000).build().split(f, dir, "tree");
    }
    assertTrue(r.pieces().size() > 1, "expected several pieces, got " + r.pieces().size());
    Set<String> expected = new HashSet<>();
    for (Piece p : r.pieces()) {
      expected.add(TreewalkSplitter.pieceName("tree", p.index()));
      assertEquals(p.size(), Files.size(dir.resolve(TreewalkSplitter.pieceName("tree", p.index()))));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(expected, files.map(x -> x.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
    }
  }

  @Test
  void aRepeatedBlockIsWrittenOnce() throws IOException {
    // x-c-tree holds same1.txt and same2.txt with identical content: ipfs-car wrote it twice, the split once.
    Pieces pieces = new Pieces();
    long sections;
    try (CarFile f = CarFile.open(car("x-c-tree"))) {
      sections = f.locations().size();
      SplitResult r = TreewalkSplitter.builder().build().split(f, pieces);
      assertEquals(1, r.pieces().size());
    }
    Set<Multihash> distinct = new HashSet<>();
    try (CarFile f = CarFile.open(car("x-c-tree"))) {
      f.locations().forEach(l -> distinct.add(l.cid().multihash()));
    }
    assertTrue(distinct.size() < sections);
    assertEquals(distinct.size(), CarBlocks.read(pieces.bytes().get(0)).size());
  }

  /** A CAR of {@code levels} dag-pb nodes, each linking the one below twice, over one raw block of 4,000 bytes. */
  static Path bomb(Path dir, int levels) throws IOException {
    byte[] data = new byte[4000];
    new java.util.Random(1).nextBytes(data);
    Block leaf = Block.create(Multicodec.RAW, HashFunction.SHA2_256, data);
    List<Block> blocks = new ArrayList<>(List.of(leaf));
    Block current = leaf;
    for (int i = 0; i < levels; i++) {
      byte[] node = DagPb.encode(PbNode.of(List.of(PbLink.of(current.cid(), "a", 1), PbLink.of(current.cid(), "b", 1)),
          new byte[] {0x08, 0x01})); // Data: UnixFS directory
      current = Block.create(Multicodec.DAG_PB, HashFunction.SHA2_256, node);
      blocks.add(current);
    }
    Path car = dir.resolve("bomb.car");
    try (CarWriter w = CarWriter.createFile(car, current.cid(), CarWriteOptions.DEFAULTS)) {
      for (int i = blocks.size() - 1; i >= 0; i--) {
        w.put(blocks.get(i));
      }
      w.finish(current.cid());
    }
    return car;
  }

  /** Pieces thrown away, counted; more than 64 MiB in all fails the test (the defect wrote 13 GB). */
  static final class Counted implements TreewalkSplitter.PieceOutput {
    int opened;
    long bytes;

    @Override
    public java.nio.channels.WritableByteChannel open(int index) {
      opened++;
      return new java.nio.channels.WritableByteChannel() {
        @Override
        public int write(java.nio.ByteBuffer src) {
          int n = src.remaining();
          src.position(src.limit());
          bytes += n;
          assertTrue(bytes < 64L << 20, "the split kept writing: " + bytes + " bytes");
          return n;
        }

        @Override
        public boolean isOpen() {
          return true;
        }

        @Override
        public void close() {
        }
      };
    }
  }

  /**
   * Issue 12, defect 5: split --carbites of a 6.9 KB DAG bomb wrote 13 GB of pieces in 2 minutes: carbites writes a
   * block every time it is linked. The expanded output is counted first and refused before any piece is opened.
   */
  @Test
  void aCarbitesSplitOfADagBombIsRefusedBeforeWriting(@TempDir Path dir) throws IOException {
    Path car = bomb(dir, 48);
    assertTrue(Files.size(car) < 11_000, "bytes: " + Files.size(car));
    Counted out = new Counted();
    try (CarFile f = CarFile.open(car)) {
      LimitExceededException e = assertThrows(LimitExceededException.class,
          () -> TreewalkSplitter.builder().carbitesCompatible(true).build().split(f, out));
      assertEquals("TreewalkSplitter.Builder.maxTotalSize", e.setting());
      assertEquals(1L << 30, e.limit(), "the automatic bound of a small CAR: 1 GiB");
      assertTrue(e.getMessage().startsWith("Split refused before writing: a carbites-compatible split writes a block "
          + "each time it is linked, and the blocks under "), e.getMessage());
      assertTrue(e.getMessage().contains("(the automatic bound: 1,024 times the CAR's " + String.format(
          java.util.Locale.ROOT, "%,d", Files.size(car)) + " bytes, at least 1 GiB)"), e.getMessage());
      // The treewalk rule writes each block once: the same CAR splits into one small piece.
      SplitResult once = TreewalkSplitter.builder().build().split(f, out);
      assertEquals(1, once.pieces().size());
    }
    assertEquals(1, out.opened, "no piece was opened for the refused split");
  }

  @Test
  void theOutputBoundStopsASplitAndItsPiecesAreRemoved(@TempDir Path dir) throws IOException {
    try (CarFile f = CarFile.open(car("x-c-1001"))) {
      long size = f.size();
      LimitExceededException e = assertThrows(LimitExceededException.class, () -> TreewalkSplitter.builder()
          .maxPieceSize(40_000).maxTotalSize(size / 2).build().split(f, dir, "tree"));
      assertEquals("TreewalkSplitter.Builder.maxTotalSize", e.setting());
      assertEquals(size / 2, e.limit());
      assertTrue(e.getMessage().startsWith("Split stopped: the pieces would hold more than "), e.getMessage());
      assertEquals(1L << 30, TreewalkSplitter.builder().build().maxTotalSize(f));
      assertEquals(5, TreewalkSplitter.builder().maxTotalSize(5).build().maxTotalSize(f));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "no piece and no staging directory left");
    }
    try (CarFile f = CarFile.open(car("x-c-1001"))) {
      Path made = dir.resolve("new/pieces");
      assertThrows(LimitExceededException.class, () -> TreewalkSplitter.builder().maxPieceSize(40_000)
          .maxTotalSize(1000).build().split(f, made, "tree"));
      assertTrue(Files.notExists(dir.resolve("new")), "the directories the split made are removed");
    }
  }
  /** Progress calls: (blockBytes, expectedBytes) each, and the thread of each. */
  static final class Calls implements TreewalkSplitter.Progress {
    final List<long[]> calls = new ArrayList<>();
    final Set<Thread> threads = new HashSet<>();

    @Override
    public void onProgress(long blockBytes, long expectedBytes) {
      calls.add(new long[] {blockBytes, expectedBytes});
      threads.add(Thread.currentThread());
    }

    /** Checks the contract's shape: a first call at 0, then never decreasing, one expected total; returns the last. */
    long[] checkedLast() {
      assertTrue(calls.size() > 1, "calls: " + calls.size());
      assertEquals(0, calls.get(0)[0], "the first call is at 0");
      for (int i = 1; i < calls.size(); i++) {
        assertTrue(calls.get(i)[0] > calls.get(i - 1)[0], "call " + i + " went back or stood still");
        assertEquals(calls.get(0)[1], calls.get(i)[1], "the expected total changed at call " + i);
      }
      assertEquals(Set.of(Thread.currentThread()), threads, "called on the splitting thread only");
      return calls.get(calls.size() - 1);
    }
  }

  /** A block's section in a CAR: varint length, CID, data. */
  static long section(Block b) {
    long len = b.cid().toBytes().length + b.length();
    return io.carmint.multiformats.Varint.encodedLength(len) + len;
  }

  @Test
  void progressCountsEachBlockWrittenOnceAndEndsAtTheExpectedTotal(@TempDir Path dir) throws IOException {
    Calls calls = new Calls();
    SplitResult r;
    try (CarFile f = CarFile.open(car("x-c-1001"))) {
      r = TreewalkSplitter.builder().maxPieceSize(40_000).progress(calls).build().split(f, dir, "tree");
    }
    assertTrue(r.pieces().size() > 1, "expected several pieces, got " + r.pieces().size());
    // From the pieces on disk: each block's section counted at its first appearance (later ones are ancestors
    // repeated at the head of a piece).
    Set<Cid> seen = new HashSet<>();
    long firstWrites = 0;
    long onDisk = 0;
    for (Piece p : r.pieces()) {
      Path piece = dir.resolve(TreewalkSplitter.pieceName("tree", p.index()));
      onDisk += Files.size(piece);
      for (Block b : CarBlocks.read(piece)) {
        if (seen.add(b.cid())) {
          firstWrites += section(b);
        }
      }
    }
    // From the input: each distinct block's section (x-c-1001 holds no block unreachable from its root).
    Set<Cid> distinct = new HashSet<>();
    long input = 0;
    for (Block b : CarBlocks.read(car("x-c-1001"))) {
      if (distinct.add(b.cid())) {
        input += section(b);
      }
    }
    long[] last = calls.checkedLast();
    assertEquals(firstWrites, last[0]);
    assertEquals(input, last[1]);
    assertTrue(onDisk > last[0], "headers and repeated ancestors are not counted");
  }

  @Test
  void progressOfACarbitesSplitCountsABlockEachTimeItIsLinked() throws IOException {
    // x-c-tree links one block from two files: a carbites-compatible split writes it twice.
    Calls calls = new Calls();
    Pieces pieces = new Pieces();
    long perPath;
    try (CarFile f = CarFile.open(car("x-c-tree"))) {
      TreewalkSplitter.builder().maxPieceSize(101_500).carbitesCompatible(true).progress(calls).build()
          .split(f, pieces);
      perPath = sectionsPerPath(f, f.roots().get(0));
    }
    long[] last = calls.checkedLast();
    assertEquals(perPath, last[0]);
    assertEquals(perPath, last[1]);
  }

  /** Independent of the splitter: the sections of every block under {@code cid}, once per path reaching it. */
  static long sectionsPerPath(CarFile f, Cid cid) throws IOException {
    Block b = f.get(cid).orElseThrow();
    long sum = section(b);
    for (Cid child : LinkDecoders.standard().links(b)) {
      sum += sectionsPerPath(f, child);
    }
    return sum;
  }

  @Test
  void aProgressThatThrowsStopsTheSplitAndItsPiecesAreRemoved(@TempDir Path dir) throws IOException {
    TreewalkSplitter.Progress failing = (done, expected) -> {
      if (done > 0) {
        throw new IllegalStateException("stop");
      }
    };
    try (CarFile f = CarFile.open(car("x-c-1001"))) {
      assertThrows(IllegalStateException.class,
          () -> TreewalkSplitter.builder().progress(failing).build().split(f, dir, "tree"));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }
}

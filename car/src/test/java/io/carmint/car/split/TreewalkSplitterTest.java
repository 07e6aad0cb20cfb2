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
import io.carmint.car.CarVerifier;
import io.carmint.car.Fixtures;
import io.carmint.car.VerifyReport;
import io.carmint.car.dag.LinkDecoders;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
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
}

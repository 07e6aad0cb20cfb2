package io.carmint.car;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmint.block.Block;
import io.carmint.block.BlockIntegrityException;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * go-car's sample files (../shared/conformance/go-car), with the expectations of go-car's and js-car's own tests as
 * recorded in its MANIFEST.md and js-car's fixtures-expectations.json. Every case runs on a normal stream and on a
 * one-byte-at-a-time stream.
 */
class GoCarFixturesTest {
  static final String ROOT_V1 = "bafy2bzaced4ueelaegfs5fqu4tzsh6ywbbpfk3cxppupmxfdhbpbhzawfw5oy";

  /** A valid file: version, roots, block count, and the CID list when js-car pins it. */
  record Valid(String file, int version, List<String> roots, int blocks) {}

  static Stream<Arguments> validFiles() {
    List<Valid> valid = List.of(
        new Valid("sample-v1.car", 1, List.of(ROOT_V1), 1049),
        new Valid("sample-v1-noidentity.car", 1, List.of(ROOT_V1), 1043),
        new Valid("sample-wrapped-v2.car", 2, List.of(ROOT_V1), 1049),
        new Valid("sample-v2-indexless.car", 2, List.of(ROOT_V1), 1049),
        new Valid("sample-rw-bs-v2.car", 2, List.of("bafkreifuosuzujyf4i6psbneqtwg2fhplc2wxptc5euspa2gn3bwhnihfu",
            "bafkreifc4hca3inognou377hfhvu2xfchn2ltzi7yu27jkaeujqqqdbjju",
            "bafkreig5lvr4l6b4fr3un4xvzeyt3scevgsqjgrhlnwxw2unwbn5ro276u"), 3),
        new Valid("sample-unixfs-v2.car", 2, List.of("bafybeiakgrehdxxgy5kca72znt6jllrj2sqkehtqeojfuxlbeuqg3vfkwq"), 3),
        new Valid("simple-unixfs.car", 1, List.of("QmPLPpnptHc1DMhJAWNYMTqBTqqRQNy5WsY7F9pZgsBfMT"), 22),
        new Valid("simple-unixfs-missing-blocks.car", 1, List.of("QmPLPpnptHc1DMhJAWNYMTqBTqqRQNy5WsY7F9pZgsBfMT"), 17),
        new Valid("wikipedia-cryptographic-hash-function.car", 1,
            List.of("bafybeiaysi4s6lnjev27ln5icwm6tueaw2vdykrtjkwiphwekaywqhcjze"), 5));
    List<Arguments> args = new ArrayList<>();
    for (Valid v : valid) {
      for (Feed f : Feed.values()) {
        args.add(Arguments.of(v, f));
      }
    }
    return args.stream();
  }

  static byte[] bytes(String name) throws IOException {
    return Files.readAllBytes(Fixtures.goCar(name));
  }

  static List<Cid> readAll(CarReader r) throws IOException {
    List<Cid> cids = new ArrayList<>();
    for (Block b = r.next(); b != null; b = r.next()) {
      cids.add(b.cid());
    }
    return cids;
  }

  /** js-car's expected CID list for a shared fixture, or null when it does not pin one. */
  static List<String> jsCarCids(String file) throws IOException {
    Path json = Fixtures.conformance("js-car").resolve("fixtures-expectations.json");
    JsonNode node = new ObjectMapper().readTree(json.toFile()).get(file);
    if (node == null || node.get("cids").isNull()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    node.get("cids").forEach(c -> out.add(c.asText()));
    return out;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("validFiles")
  void validFilesReadFullyWithHashesChecked(Valid v, Feed feed) throws IOException {
    try (CarReader r = CarReader.open(feed.stream(bytes(v.file())))) {
      assertEquals(v.version(), r.version());
      assertEquals(v.roots(), r.roots().stream().map(Cid::toString).toList());
      List<Cid> cids = readAll(r);
      assertEquals(v.blocks(), cids.size());
      List<String> expected = jsCarCids(v.file());
      if (expected != null) {
        assertEquals(expected, cids.stream().map(Cid::toString).toList());
      }
      assertNull(r.next());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validFiles")
  void carFileSeesTheSameBlocksAsTheStream(Valid v, Feed feed) throws IOException {
    if (feed == Feed.ONE_BYTE) {
      return; // CarFile reads a file; one case per file is enough
    }
    byte[] all = bytes(v.file());
    try (CarFile car = CarFile.open(Fixtures.goCar(v.file()));
        CarReader r = CarReader.open(feed.stream(all))) {
      assertEquals(v.blocks(), car.locations().size());
      List<BlockLocation> streamed = new ArrayList<>();
      for (Block b = r.next(); b != null; b = r.next()) {
        BlockLocation loc = r.lastLocation();
        streamed.add(loc);
        Block viaFile = car.get(b.cid()).orElseThrow();
        assertArrayEquals(b.toBytes(), viaFile.toBytes());
        assertArrayEquals(b.toBytes(), java.util.Arrays.copyOfRange(all, (int) loc.blockOffset(),
            (int) loc.blockOffset() + loc.blockLength()));
      }
      assertEquals(car.locations(), streamed);
    }
  }

  @Test
  void getBlockGivesTheBlockFileOfGoCarsGetBlockTest() throws IOException {
    Cid cid = Cid.parse("bafy2bzacebohz654namrgmwjjx4qmtwgxixsd7pn4tlanyrc3g3hwj75hlxrw");
    try (CarFile car = CarFile.open(Fixtures.goCar("sample-v1.car"))) {
      assertArrayEquals(Files.readAllBytes(Fixtures.goCar(cid + ".block")), car.get(cid).orElseThrow().toBytes());
      assertFalse(car.has(Cid.parse("bafy2bzacebohz654namrgmwjjx4qmtwgxixsd7pn4tlanyrc3g3hwj75xxxxw")));
    }
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void zeroLengthSectionIsTrailingDataByDefault(Feed feed) throws IOException {
    for (String name : List.of("sample-v1-with-zero-len-section.car", "sample-v1-with-zero-len-section2.car")) {
      try (CarReader r = CarReader.open(feed.stream(bytes(name)))) {
        assertEquals(1, r.version());
        TrailingDataException e = assertThrows(TrailingDataException.class, () -> readAll(r));
        assertEquals(name.endsWith("2.car") ? 20819 : 479907, e.offset());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void zeroLengthSectionAsEofGivesTheBlocksBeforeThePadding(Feed feed) throws IOException {
    CarReadOptions eof = CarReadOptions.builder().zeroLengthSectionAsEof(true).build();
    List<Cid> sample;
    try (CarReader r = CarReader.open(feed.stream(bytes("sample-v1.car")))) {
      sample = readAll(r);
    }
    try (CarReader r = CarReader.open(feed.stream(bytes("sample-v1-with-zero-len-section.car")), eof)) {
      assertEquals(sample, readAll(r));
    }
    try (CarReader r = CarReader.open(feed.stream(bytes("sample-v1-with-zero-len-section2.car")), eof)) {
      assertEquals(List.of("bafykbzaceapvx4wxbe3bfc5neit43wl22pruy2ysk7wv763iuyyxcffj3te56"),
          r.roots().stream().map(Cid::toString).toList());
      assertEquals(20, readAll(r).size());
    }
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void tailingCorruptSectionGives1048BlocksThenTruncation(Feed feed) throws IOException {
    try (CarReader r = CarReader.open(feed.stream(bytes("sample-v1-tailing-corrupt-section.car")))) {
      assertEquals(List.of(ROOT_V1), r.roots().stream().map(Cid::toString).toList());
      for (int i = 0; i < 1048; i++) {
        assertTrue(r.next() != null);
      }
      TruncatedCarException e = assertThrows(TruncatedCarException.class, r::next);
      assertEquals(479518, e.offset());
      assertEquals(387, e.declared());
      assertEquals(374, e.actual());
    }
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void corruptV2DataOffsetIsRejectedButTheVersionIsTwo(Feed feed) throws IOException {
    byte[] b = bytes("sample-v2-corrupt-data-and-index.car");
    assertEquals(2, CarReader.readVersion(feed.stream(b), CarReadOptions.DEFAULTS));
    CarHeaderException e = assertThrows(CarHeaderException.class, () -> CarReader.open(feed.stream(b)));
    assertEquals(11, e.offset());
    assertThrows(CarHeaderException.class, () -> CarFile.open(Fixtures.goCar("sample-v2-corrupt-data-and-index.car")));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void corruptPragmaIsTruncated(Feed feed) throws IOException {
    byte[] b = bytes("sample-corrupt-pragma.car");
    TruncatedCarException e = assertThrows(TruncatedCarException.class, () -> CarReader.open(feed.stream(b)));
    assertEquals(18, e.declared());
    assertEquals(15, e.actual());
    assertThrows(TruncatedCarException.class, () -> CarReader.readVersion(feed.stream(b), CarReadOptions.DEFAULTS));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void version42IsUnsupported(Feed feed) throws IOException {
    byte[] b = bytes("sample-rootless-v42.car");
    assertEquals(42, CarReader.readVersion(feed.stream(b), CarReadOptions.DEFAULTS));
    UnsupportedCarVersionException e = assertThrows(UnsupportedCarVersionException.class,
        () -> CarReader.open(feed.stream(b)));
    assertEquals(42, e.version());
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void hugeHeaderLengthIsRejectedBeforeAllocating(Feed feed) throws IOException {
    byte[] b = bytes("badheaderlength.car"); // outside assertThrows: without ../shared this skips the test
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> CarReader.open(feed.stream(b)));
    assertEquals(216_830_324_832L, e.actual());
    assertEquals(CarReadOptions.DEFAULT_MAX_HEADER_SIZE, e.limit());
    assertTrue(e.getMessage().contains("maxHeaderSize"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void hugeSectionLengthIsRejectedBeforeAllocating(Feed feed) throws IOException {
    try (CarReader r = CarReader.open(feed.stream(bytes("badsectionlength.car")))) {
      assertEquals(List.of(), r.roots());
      LimitExceededException e = assertThrows(LimitExceededException.class, r::next);
      assertEquals(CarReadOptions.DEFAULT_MAX_SECTION_SIZE, e.limit());
      assertTrue(e.getMessage().contains("maxSectionSize"), e.getMessage());
    }
  }

  @Test
  void embeddedIndexOfWrappedV2EqualsTheStandaloneIndexAndTheRebuiltOne() throws IOException {
    try (CarFile car = CarFile.open(Fixtures.goCar("sample-wrapped-v2.car"))) {
      CarV2Header h = car.v2Header().orElseThrow();
      assertEquals(new CarV2Header(0, 0, 51, 479907, 479958), h);
      byte[] standalone = bytes("sample-multihash-index-sorted.carindex");
      assertArrayEquals(standalone, car.embeddedIndex().orElseThrow().toBytes());
      assertArrayEquals(standalone, car.buildIndex().toBytes());
    }
    try (CarFile car = CarFile.open(Fixtures.goCar("sample-v1.car"))) {
      assertArrayEquals(bytes("sample-multihash-index-sorted.carindex"), car.buildIndex().toBytes());
    }
  }

  @Test
  void rwBlockstoreFileHasPaddingBeforeThePayload() throws IOException {
    try (CarFile car = CarFile.open(Fixtures.goCar("sample-rw-bs-v2.car"))) {
      CarV2Header h = car.v2Header().orElseThrow();
      assertEquals(1464, h.dataOffset());
      assertEquals(273, h.dataSize());
      assertEquals(1737, h.indexOffset());
      assertArrayEquals(car.buildIndex().toBytes(), car.embeddedIndex().orElseThrow().toBytes());
    }
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void streamingReaderReadsTheIndexAfterThePayload(Feed feed) throws IOException {
    try (CarReader r = CarReader.open(feed.stream(bytes("sample-wrapped-v2.car")))) {
      readAll(r);
      assertArrayEquals(bytes("sample-multihash-index-sorted.carindex"), r.readIndex().orElseThrow().toBytes());
    }
  }

  static Stream<Path> fuzzCorpus() throws IOException {
    Path dir = Fixtures.conformance("go-car").resolve("fuzz-corpus");
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".bin")).sorted().toList().stream();
    }
  }

  /** go-car's fuzz regressions: each ends with a declared exception or a clean read, never anything else. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fuzzCorpus")
  void fuzzRegressionsFinishCleanly(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    for (Feed feed : Feed.values()) {
      try (InputStream in = feed.stream(b); CarReader r = CarReader.open(in)) {
        readAll(r);
        r.readIndex();
      } catch (CarFormatException | TruncatedCarException | LimitExceededException | BlockIntegrityException
          | UnverifiableBlockException expected) {
        assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
      }
    }
  }
}

package io.carmint.car;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.car.index.CarIndex;
import io.carmint.car.index.IndexSorted;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CARv2 writing, checked byte for byte against CARv2 files go-car wrote. */
class CarV2WriterTest {
  @TempDir
  Path tmp;

  @Test
  void wrappingSampleV1GivesGoCarsWrappedV2() throws IOException {
    Path out = tmp.resolve("wrapped.car");
    CarV2Writer.wrap(Fixtures.goCar("sample-v1.car"), out, CarReadOptions.DEFAULTS, CarV2WriteOptions.DEFAULTS);
    assertArrayEquals(Files.readAllBytes(Fixtures.goCar("sample-wrapped-v2.car")), Files.readAllBytes(out));
  }

  @Test
  void streamingSampleV1GivesGoCarsWrappedV2() throws IOException {
    Path out = tmp.resolve("streamed.car");
    try (CarV2Writer w = CarV2Writer.createFile(out, CarWriter.placeholder(1, Multicodec.DAG_CBOR,
        HashFunction.BLAKE2B_256), CarV2WriteOptions.DEFAULTS)) {
      for (Block b : CarBlocks.read(Fixtures.goCar("sample-v1.car"))) {
        w.put(b);
      }
      w.finish(Cid.parse(GoCarFixturesTest.ROOT_V1));
    }
    assertArrayEquals(Files.readAllBytes(Fixtures.goCar("sample-wrapped-v2.car")), Files.readAllBytes(out));
  }

  @Test
  void streamingWithAPlaceholderOfAnotherLengthShiftsTheIndexOffsets() throws IOException {
    Path out = tmp.resolve("shifted.car");
    try (CarV2Writer w = CarV2Writer.createFile(out, CarWriter.placeholder(0, Multicodec.DAG_PB,
        HashFunction.SHA2_256), CarV2WriteOptions.DEFAULTS)) {
      for (Block b : CarBlocks.read(Fixtures.goCar("sample-v1.car"))) {
        w.put(b);
      }
      w.finish(Cid.parse(GoCarFixturesTest.ROOT_V1));
    }
    assertArrayEquals(Files.readAllBytes(Fixtures.goCar("sample-wrapped-v2.car")), Files.readAllBytes(out));
  }

  @Test
  void wrappingTheUnixFsPayloadGivesGoCarsUnixFsV2() throws IOException {
    byte[] v2 = Files.readAllBytes(Fixtures.goCar("sample-unixfs-v2.car"));
    Path v1 = tmp.resolve("payload.car");
    Files.write(v1, Arrays.copyOfRange(v2, 51, 51 + 284));
    Path out = tmp.resolve("unixfs-v2.car");
    CarV2Writer.wrap(v1, out, CarReadOptions.DEFAULTS, CarV2WriteOptions.DEFAULTS);
    assertArrayEquals(v2, Files.readAllBytes(out));
  }

  /** go-car's TestIndex_ReadFromCorruptIndex base layout with counts 1/1: a valid one-block CARv2. */
  @Test
  void wrappingTheOneBlockPayloadGivesGoCarsTestBytes() throws IOException {
    HexFormat hex = HexFormat.of();
    String payload = "11a265726f6f7473806776657273696f6e01"
        + "2e0155122001d448afd928065458cf670b60f5a594d735af0172c8d67f22a81680132681ca00000000000000000000";
    String expected = "0aa16776657273696f6e02"
        + "00000000000000000000000000000000330000000000000041000000000000007400000000000000" + payload
        + "8108" + "01000000" + "1200000000000000" + "01000000" + "28000000" + "2800000000000000"
        + "01d448afd928065458cf670b60f5a594d735af0172c8d67f22a81680132681ca" + "1200000000000000";
    Path v1 = tmp.resolve("one.car");
    Files.write(v1, hex.parseHex(payload));
    Path out = tmp.resolve("one-v2.car");
    CarV2Writer.wrap(v1, out, CarReadOptions.DEFAULTS, CarV2WriteOptions.DEFAULTS);
    assertEquals(expected, hex.formatHex(Files.readAllBytes(out)));
  }

  @Test
  void paddingIdentityAndIndexSortedOptionsAreHonoured() throws IOException {
    Path out = tmp.resolve("padded.car");
    CarV2WriteOptions options = CarV2WriteOptions.builder().dataPadding(100).indexPadding(7)
        .storeIdentityCids(true).indexCodec(Multicodec.CAR_INDEX_SORTED).build();
    Block raw = Block.create(Multicodec.RAW, HashFunction.SHA2_256, "fish".getBytes());
    Block inline = Block.of(Cid.v1(Multicodec.RAW, Multihash.of(0, "cat".getBytes())), "cat".getBytes());
    try (CarV2Writer w = CarV2Writer.createFile(out, raw.cid(), options)) {
      w.put(raw);
      w.put(inline);
      w.finish(raw.cid());
    }
    try (CarFile f = CarFile.open(out)) {
      CarV2Header h = f.v2Header().orElseThrow();
      assertEquals(151, h.dataOffset());
      assertEquals(h.dataOffset() + h.dataSize() + 7, h.indexOffset());
      assertTrue(h.fullyIndexed());
      byte[] all = Files.readAllBytes(out);
      for (int i = 51; i < 151; i++) {
        assertEquals(0, all[i]);
      }
      CarIndex index = f.embeddedIndex().orElseThrow();
      assertEquals(IndexSorted.class, index.getClass());
      assertEquals(2, index.size());
      for (BlockLocation loc : f.locations()) {
        assertArrayEquals(new long[] {loc.offset() - h.dataOffset()}, index.offsets(loc.cid().multihash()));
      }
      assertEquals(List.of(raw.cid()), f.roots());
    }
    assertTrue(CarVerifier.builder().build().verify(out).ok());
  }
}

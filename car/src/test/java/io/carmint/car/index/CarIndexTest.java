package io.carmint.car.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.car.CarIndexException;
import io.carmint.car.Fixtures;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CarIndexTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void goCarMultihashIndexSortedDecodesAndReencodesIdentically() throws Exception {
    byte[] bytes = Files.readAllBytes(Fixtures.goCar("sample-multihash-index-sorted.carindex"));
    CarIndex index = CarIndex.decode(bytes, 0);
    MultihashIndexSorted mh = assertInstanceOf(MultihashIndexSorted.class, index);
    assertEquals(Multicodec.CAR_MULTIHASH_INDEX_SORTED, mh.codec());
    assertEquals(1043, mh.size()); // MANIFEST: one blake2b-256 group, 1043 entries
    assertArrayEquals(bytes, mh.toBytes());
    // Rebuilt from its own entries, the encoding is the same: our sort order is go-car's.
    List<IndexRecord> records = new ArrayList<>();
    mh.forEach((code, digest, offset) -> {
      byte[] d = new byte[digest.remaining()];
      digest.get(d);
      assertEquals(0xb220, code);
      records.add(new IndexRecord(Multihash.of(code, d), offset));
    });
    java.util.Collections.shuffle(records, new java.util.Random(1));
    assertArrayEquals(bytes, MultihashIndexSorted.of(records).toBytes());
    for (IndexRecord r : records.subList(0, 20)) {
      assertArrayEquals(new long[] {r.offset()}, mh.offsets(r.multihash()));
    }
  }

  @Test
  void goCarIndexSortedDecodesAndReencodesIdentically() throws Exception {
    byte[] bytes = Files.readAllBytes(Fixtures.goCar("sample-index.carindex"));
    IndexSorted index = assertInstanceOf(IndexSorted.class, CarIndex.decode(bytes, 0));
    assertEquals(1049, index.size()); // MANIFEST: 5 width buckets, 1049 entries, identity digests included
    assertArrayEquals(bytes, index.toBytes());
    assertEquals(index, CarIndex.read(new ByteArrayInputStream(bytes), 0, bytes.length));
  }

  /** The corrupt-count cases of go-car's TestIndex_ReadFromCorruptIndex, index part only. */
  @ParameterizedTest(name = "count {0}, buckets {1}")
  @CsvSource({"ffffffff,01000000,overflowing int32", "ffffff7f,01000000,Truncated", "01000000,ffffffff,overflowing int32",
      "01000000,ffffff7f,Truncated"})
  void corruptCountsAreRejected(String count, String buckets, String message) {
    byte[] bytes = HEX.parseHex("8108" + count + "1200000000000000" + buckets
        + "280000002800000000000000" + "01d448afd928065458cf670b60f5a594d735af0172c8d67f22a81680132681ca"
        + "1200000000000000");
    CarIndexException e = assertThrows(CarIndexException.class, () -> CarIndex.decode(bytes, 116));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void validSingleEntryIndexFromGoCarTest() throws Exception {
    byte[] bytes = HEX.parseHex("8108" + "01000000" + "1200000000000000" + "01000000"
        + "280000002800000000000000" + "01d448afd928065458cf670b60f5a594d735af0172c8d67f22a81680132681ca"
        + "1200000000000000");
    CarIndex index = CarIndex.decode(bytes, 116);
    Multihash mh = Multihash.of(0x12, HEX.parseHex(
        "01d448afd928065458cf670b60f5a594d735af0172c8d67f22a81680132681ca"));
    assertArrayEquals(new long[] {0x12}, index.offsets(mh));
    assertEquals(0, index.offsets(Multihash.of(0x13, mh.digest())).length);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "unknown codec,0100000000",
      "width below 8,8008010000000700000000000000000000000000",
      "length not a multiple of width,80080100000009000000050000000000000000000000000000",
      "unsorted,800801000000090000001200000000000000" + "02" + "0000000000000000" + "01" + "0000000000000000",
      "trailing bytes,80080000000000",
      "widths not ascending,800802000000090000000000000000000000090000000000000000000000",
      "non-minimal codec varint,808000"})
  void malformedIndexesAreRejected(String name, String hex) {
    assertThrows(CarIndexException.class, () -> CarIndex.decode(HEX.parseHex(hex), 0));
  }
}

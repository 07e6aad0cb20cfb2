package io.carmint.car;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.multiformats.Multicodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Building, rebuilding and detaching CARv2 indexes, checked byte for byte against files go-car wrote:
 * {@code sample-wrapped-v2.car} is {@code car.WrapV1(sample-v1.car)}, and its index section is
 * {@code sample-multihash-index-sorted.carindex} ({@code car index create sample-v1.car}).
 */
class CarIndexerTest {
  @TempDir
  Path tmp;

  static byte[] bytes(String goCar) throws IOException {
    return Files.readAllBytes(Fixtures.goCar(goCar));
  }

  static byte[] indexed(Path car, CarV2WriteOptions options) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileChannel in = FileChannel.open(car, StandardOpenOption.READ)) {
      CarIndexer.writeIndexed(in, Channels.newChannel(out), CarReadOptions.DEFAULTS, options);
    }
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sample-v1.car", "sample-wrapped-v2.car", "sample-v2-indexless.car"})
  void aCarV1OrTheCarV2sHoldingItGiveGoCarsWrappedV2(String name) throws IOException {
    assertArrayEquals(bytes("sample-wrapped-v2.car"), indexed(Fixtures.goCar(name), CarV2WriteOptions.DEFAULTS));
  }

  @Test
  void javadocExample() throws IOException {
    Path v1Car = Fixtures.goCar("sample-v1.car");
    Path v2Car = tmp.resolve("v2.car");
    // --- Javadoc example ---
    CarIndexer.Written w;
    try (FileChannel in = FileChannel.open(v1Car, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(v2Car, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      w = CarIndexer.writeIndexed(in, out, CarReadOptions.DEFAULTS, CarV2WriteOptions.DEFAULTS); // go-car's bytes
    }
    // --- end ---
    assertArrayEquals(bytes("sample-wrapped-v2.car"), Files.readAllBytes(v2Car));
    assertEquals(new CarIndexer.Written(new CarV2Header(0, 0, 51, 479_907, 479_958),
        Multicodec.CAR_MULTIHASH_INDEX_SORTED, 1043, 521_708), w);
  }

  @Test
  void rebuildingDropsPaddingAndKeepsThePayloadByteForByte() throws IOException {
    byte[] rw = bytes("sample-rw-bs-v2.car"); // payload at 1464 after 1413 bytes of padding, 273 bytes
    byte[] out = indexed(Fixtures.goCar("sample-rw-bs-v2.car"), CarV2WriteOptions.DEFAULTS);
    ByteBuffer h = ByteBuffer.wrap(out, 11, 40).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(0, h.getLong());
    assertEquals(0, h.getLong());
    assertEquals(51, h.getLong());
    assertEquals(273, h.getLong());
    assertEquals(51 + 273, h.getLong());
    assertArrayEquals(Arrays.copyOfRange(rw, 1464, 1464 + 273), Arrays.copyOfRange(out, 51, 51 + 273));
    // the index go-car wrote there holds the same three sections at the same payload offsets
    assertArrayEquals(Arrays.copyOfRange(rw, 1737, rw.length), Arrays.copyOfRange(out, 51 + 273, out.length));
  }

  @Test
  void theStandaloneIndexIsGoCarsIndexCreate() throws IOException {
    try (FileChannel in = FileChannel.open(Fixtures.goCar("sample-v1.car"), StandardOpenOption.READ)) {
      assertArrayEquals(bytes("sample-multihash-index-sorted.carindex"),
          CarIndexer.build(in, CarReadOptions.DEFAULTS, CarV2WriteOptions.DEFAULTS).toBytes());
      // go-car's IndexSorted sample lists every section, identity CIDs included
      assertArrayEquals(bytes("sample-index.carindex"), CarIndexer.build(in, CarReadOptions.DEFAULTS,
          CarV2WriteOptions.builder().indexCodec(Multicodec.CAR_INDEX_SORTED).storeIdentityCids(true).build())
          .toBytes());
    }
  }

  @Test
  void storingIdentityCidsMarksTheCarFullyIndexed() throws IOException {
    byte[] out = indexed(Fixtures.goCar("sample-v1.car"), CarV2WriteOptions.builder().storeIdentityCids(true)
        .build());
    assertEquals((byte) 0x80, out[11]);
    try (CarFile car = CarFile.open(write(out))) {
      assertEquals(1049, car.embeddedIndex().orElseThrow().size());
    }
  }

  @Test
  void detachWritesTheEmbeddedIndex() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileChannel in = FileChannel.open(Fixtures.goCar("sample-wrapped-v2.car"), StandardOpenOption.READ)) {
      CarIndexer.Written w = CarIndexer.detach(in, Channels.newChannel(out), CarReadOptions.DEFAULTS);
      assertEquals(new CarIndexer.Written(new CarV2Header(0, 0, 51, 479_907, 479_958),
          Multicodec.CAR_MULTIHASH_INDEX_SORTED, 1043, 41_750), w);
    }
    assertArrayEquals(bytes("sample-multihash-index-sorted.carindex"), out.toByteArray());
  }

  @Test
  void detachRefusesACarV1ACarV2WithoutIndexAndAnIndexThatDoesNotMatch() throws IOException {
    Path v1 = Fixtures.goCar("sample-v1.car"); // outside the lambdas: skips, not fails, without ../shared
    Path indexless = Fixtures.goCar("sample-v2-indexless.car");
    assertThrows(UnsupportedCarVersionException.class, () -> detach(v1));
    CarIndexException none = assertThrows(CarIndexException.class, () -> detach(indexless));
    assertEquals("The CARv2 has no index (its header's index offset is 0)", none.getMessage());
    byte[] car = bytes("sample-wrapped-v2.car");
    car[car.length - 1] ^= 1; // the last entry's offset, little-endian high byte
    CarIndexException wrong = assertThrows(CarIndexException.class, () -> detach(write(car)));
    assertEquals("The CARv2 index at offset 479,958 does not match the data: it has 1043 entries, the payload has "
        + "1043 indexable sections at other offsets or with other digests", wrong.getMessage());
  }

  @Test
  void anIndexAboveTheReadersLimitIsRefusedWhileScanning() throws IOException {
    // sample-v1's 1043 blake2b-256 entries take 1043 × 40 bytes; 6 identity entries are counted too (10-14 + 8 each)
    CarReadOptions small = CarReadOptions.builder().maxIndexSize(40_000).build();
    try (FileChannel in = FileChannel.open(Fixtures.goCar("sample-v1.car"), StandardOpenOption.READ)) {
      io.carmint.multiformats.LimitExceededException e = assertThrows(
          io.carmint.multiformats.LimitExceededException.class,
          () -> CarIndexer.build(in, small, CarV2WriteOptions.DEFAULTS));
      assertEquals("CarReadOptions.maxIndexSize", e.setting());
    }
  }

  @Test
  void aTruncatedCarIsRefusedBeforeAnythingIsWritten() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FileChannel in = FileChannel.open(Fixtures.goCar("sample-v1-tailing-corrupt-section.car"),
        StandardOpenOption.READ)) {
      assertThrows(TruncatedCarException.class, () -> CarIndexer.writeIndexed(in, Channels.newChannel(out),
          CarReadOptions.DEFAULTS, CarV2WriteOptions.DEFAULTS));
    }
    assertEquals(0, out.size());
  }

  private CarIndexer.Written detach(Path car) throws IOException {
    try (FileChannel in = FileChannel.open(car, StandardOpenOption.READ)) {
      return CarIndexer.detach(in, Channels.newChannel(new ByteArrayOutputStream()), CarReadOptions.DEFAULTS);
    }
  }

  private Path write(byte[] car) throws IOException {
    Path p = Files.createTempFile(tmp, "car", ".car");
    Files.write(p, car);
    assertTrue(Files.size(p) > 0);
    return p;
  }
}

package io.carmint.car;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.block.BlockIntegrityException;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One test per class of broken input, each asserting the exact exception type and its offset. Hex inputs marked
 * "go-car" are the inline cases of go-car's own tests (recorded in ../shared/conformance/go-car/MANIFEST.md);
 * "js-car" ones are js-car's header-error cases. Every case runs on a whole and a one-byte stream.
 */
class BrokenInputTest {
  private static final HexFormat HEX = HexFormat.of();
  /** go-car: a valid single-root, single-block CARv1 ({"dodgy": true}). */
  private static final String VALID_V1 = "3aa265726f6f747381d82a58250001711220151fe9e73c6267a7060c6f6c4cca943c236f4b1967"
      + "23489608edb42a8b8fa80b6776657273696f6e012c01711220151fe9e73c6267a7060c6f6c4cca943c236f4b196723489608edb42a8b8fa80b"
      + "a165646f646779f5";
  /** {roots: [], version: 1}. */
  private static final String EMPTY_ROOTS_HEADER = "11a265726f6f7473806776657273696f6e01";

  private static void readAll(CarReader r) throws IOException {
    while (r.next() != null) {
      // drain
    }
  }

  private static <T extends Throwable> T failsReading(Class<T> type, String hex, Feed feed) {
    return assertThrows(type, () -> {
      try (CarReader r = CarReader.open(feed.stream(HEX.parseHex(hex.replace(" ", ""))))) {
        readAll(r);
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void validGoCarCarv1ReadsToAClean(Feed feed) throws IOException {
    try (CarReader r = CarReader.open(feed.stream(HEX.parseHex(VALID_V1)))) {
      Block b = r.next();
      assertEquals(Cid.parse("bafyreiavd7u6opdcm6tqmddpnrgmvfb4enxuwglhenejmchnwqvixd5ibm"), b.cid());
      assertNull(r.next());
    }
  }

  // --- truncation ---

  @ParameterizedTest
  @EnumSource(Feed.class)
  void emptyInputIsTruncated(Feed feed) {
    TruncatedCarException e = failsReading(TruncatedCarException.class, "", feed);
    assertEquals(0, e.offset());
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void goCarUnterminatedSectionVarintIsTruncated(Feed feed) {
    TruncatedCarException e = failsReading(TruncatedCarException.class, VALID_V1 + "a0", feed);
    assertEquals(HEX.parseHex(VALID_V1).length, e.offset());
    assertEquals(-1, e.declared());
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void goCarSectionCutShortIsTruncated(Feed feed) {
    TruncatedCarException e = failsReading(TruncatedCarException.class, VALID_V1 + "640000", feed);
    assertEquals(100, e.declared());
    assertEquals(2, e.actual());
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void headerCutShortIsTruncated(Feed feed) {
    TruncatedCarException e = failsReading(TruncatedCarException.class, VALID_V1.substring(0, 40), feed);
    assertEquals(0x3a, e.declared());
    assertEquals(19, e.actual());
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void carV2FileEndingBeforeItsDataSizeIsTruncated(Feed feed) throws IOException {
    byte[] v2 = Files.readAllBytes(Fixtures.goCar("sample-unixfs-v2.car"));
    byte[] cut = java.util.Arrays.copyOf(v2, 300); // payload is [51, 335)
    assertThrows(TruncatedCarException.class, () -> {
      try (CarReader r = CarReader.open(feed.stream(cut))) {
        readAll(r);
      }
    });
  }

  // --- varints ---

  @ParameterizedTest(name = "{0}")
  @CsvSource({"non-minimal section length,8000", "non-minimal long section length,a98000",
      "section length longer than 9 bytes,ffffffffffffffffff01"})
  void badSectionVarints(String name, String varint) {
    for (Feed feed : Feed.values()) {
      CarVarintException e = failsReading(CarVarintException.class, VALID_V1 + varint, feed);
      assertEquals(HEX.parseHex(VALID_V1).length, e.offset());
    }
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void nonMinimalHeaderLength(Feed feed) {
    CarVarintException e = failsReading(CarVarintException.class, "9100" + EMPTY_ROOTS_HEADER.substring(2), feed);
    assertEquals(0, e.offset());
  }

  // --- headers ---

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "go-car no version,13a165726f6f747381d82a480001000003616263",
      "go-car version as text,1da265726f6f747381d82a4800010000036162636776657273696f6e6131",
      "go-car no roots,0aa16776657273696f6e01",
      "go-car roots as a map,20a265726f6f7473a163636964d82a4800010000036162636776657273696f6e01",
      "go-car extra key,22a364626c6970f565726f6f747381d82a4800010000036162636776657273696f6e01",
      "go-car a list,03820180",
      "go-car null,01f6",
      "go-car BadCidV0 root tagged 48,3aa265726f6f747381d8305825000130302030303030303030303030303030303030303030303030"
          + "303030303030303030306776657273696f6e010130",
      "go-car roots null,11a265726f6f7473f66776657273696f6e0180",
      "zero-length header,00",
      "trailing bytes inside the header,12a265726f6f7473806776657273696f6e0100",
      "js-car roots only,07a165726f6f747380"})
  void malformedHeaders(String name, String hex) {
    for (Feed feed : Feed.values()) {
      CarHeaderException e = failsReading(CarHeaderException.class, hex, feed);
      assertEquals(0, e.offset(), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void jsCarVersion3IsUnsupported(Feed feed) {
    UnsupportedCarVersionException e = failsReading(UnsupportedCarVersionException.class, "0aa16776657273696f6e03",
        feed);
    assertEquals(3, e.version());
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void jsCarCarV2InsideCarV2IsUnsupported(Feed feed) throws IOException {
    byte[] v2 = Files.readAllBytes(Fixtures.goCar("sample-unixfs-v2.car"));
    byte[] nested = new byte[51 + v2.length];
    System.arraycopy(v2, 0, nested, 0, 51);
    System.arraycopy(v2, 0, nested, 51, v2.length);
    UnsupportedCarVersionException e = assertThrows(UnsupportedCarVersionException.class,
        () -> CarReader.open(feed.stream(nested)));
    assertEquals(2, e.version());
    assertEquals(51, e.offset());
  }

  @Test
  void goCarIdentityRootHeaderIsValid() throws IOException {
    try (CarReader r = CarReader.open(Feed.WHOLE.stream(HEX.parseHex(
        "1ca265726f6f747381d82a4800010000036162636776657273696f6e01")))) {
      assertEquals(List.of(Cid.parse("baeaaaa3bmjrq")), r.roots());
      assertNull(r.next());
    }
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void carV2WithAPragmaOfAnotherShapeIsRejected(Feed feed) {
    // {version: 2} written with a one-byte-longer map key order is not the pragma; here a pragma with roots.
    failsReading(CarHeaderException.class, "11a265726f6f7473806776657273696f6e02", feed);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"data offset inside the header,32,335", "index inside the payload,51,300"})
  void carV2HeaderOffsetsAreChecked(String name, long dataOffset, long indexOffset) throws IOException {
    byte[] v2 = Files.readAllBytes(Fixtures.goCar("sample-unixfs-v2.car"));
    ByteBuffer.wrap(v2).order(ByteOrder.LITTLE_ENDIAN).putLong(27, dataOffset).putLong(43, indexOffset);
    for (Feed feed : Feed.values()) {
      CarHeaderException e = assertThrows(CarHeaderException.class, () -> CarReader.open(feed.stream(v2)));
      assertEquals(11, e.offset());
    }
  }

  // --- sections ---

  @ParameterizedTest
  @EnumSource(Feed.class)
  void jsCarCidVersionZeroInASectionIsRejected(Feed feed) throws IOException {
    byte[] car = Files.readAllBytes(Fixtures.conformance("js-car").resolve("go.car"));
    car[101] = 0; // the CID version byte of the first section (offset 100)
    CarFormatException e = assertThrows(CarFormatException.class, () -> {
      try (CarReader r = CarReader.open(feed.stream(car))) {
        readAll(r);
      }
    });
    assertEquals(100, e.offset());
    assertTrue(e.getMessage().contains("version 0"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void goCarSectionShorterThanItsCid(Feed feed) {
    // go-car's BadSectionLength2 has a bad header too; here the section alone: 4 bytes declared, a 36-byte CID.
    CarFormatException e = failsReading(CarFormatException.class, EMPTY_ROOTS_HEADER + "04015512200000000000",
        feed);
    assertEquals(HEX.parseHex(EMPTY_ROOTS_HEADER).length, e.offset());
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void goCarBadBlockHashNamesBothCids(Feed feed) {
    String hex = EMPTY_ROOTS_HEADER + "2e0155122001d448afd928065458cf670b60f5a594d735af0172c8d67f22a81680132681ca"
        + "ffffffffffffffffffff";
    BlockIntegrityException e = failsReading(BlockIntegrityException.class, hex, feed);
    assertEquals(Cid.parse("bafkreiab2rek7wjiazkfrt3hbnqpljmu24226alszdlh6ivic2abgjubzi"), e.expected());
    assertTrue(e.getMessage().contains("bafkreiaaqoxrddiyuy6gxnks6ioqytxhq5a7tchm2mm5htigznwiljukmm"),
        e.getMessage());
    assertEquals(18, e.offset());
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void goCarBadBlockHashReadsWhenNotVerifying(Feed feed) throws IOException {
    String hex = EMPTY_ROOTS_HEADER + "2e0155122001d448afd928065458cf670b60f5a594d735af0172c8d67f22a81680132681ca"
        + "ffffffffffffffffffff";
    try (CarReader r = CarReader.open(feed.stream(HEX.parseHex(hex)),
        CarReadOptions.builder().verifyHashes(false).build())) {
      assertEquals(10, r.next().length());
      assertNull(r.next());
    }
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void goCarIdentityCidWithAnotherBody(Feed feed) {
    String hex = "2fa265726f6f747381d82a581a0001a90200147b226964656e74697479223a22626c6f636b227d6776657273696f6e01"
        + "1901a90200147b226964656e74697479223a22626c6f636b227d";
    BlockIntegrityException e = failsReading(BlockIntegrityException.class, hex, feed);
    assertEquals(Cid.parse("baguqeaaupmrgszdfnz2gs5dzei5ceytmn5rwwit5"), e.expected());
    assertTrue(e.getMessage().contains("got baguqeaaa "), e.getMessage());
  }

  // --- trailing data ---

  @ParameterizedTest
  @EnumSource(Feed.class)
  void carV2PayloadEndingInsideASectionIsTrailingData(Feed feed) throws IOException {
    byte[] v2 = Files.readAllBytes(Fixtures.goCar("sample-unixfs-v2.car"));
    ByteBuffer.wrap(v2).order(ByteOrder.LITTLE_ENDIAN).putLong(35, 284 - 10); // data size 10 bytes short
    TrailingDataException e = assertThrows(TrailingDataException.class, () -> {
      try (CarReader r = CarReader.open(feed.stream(v2))) {
        readAll(r);
      }
    });
    assertTrue(e.getMessage().contains("CARv2 data payload"), e.getMessage());
  }

  // --- limits ---

  @ParameterizedTest
  @EnumSource(Feed.class)
  void configuredLimitsApply(Feed feed) {
    byte[] car = HEX.parseHex(VALID_V1);
    LimitExceededException h = assertThrows(LimitExceededException.class,
        () -> CarReader.open(feed.stream(car), CarReadOptions.builder().maxHeaderSize(0x39).build()));
    assertEquals(0x3a, h.actual());
    assertEquals("CarReadOptions.maxHeaderSize", h.setting());
    LimitExceededException s = assertThrows(LimitExceededException.class, () -> {
      try (CarReader r = CarReader.open(feed.stream(car), CarReadOptions.builder().maxSectionSize(0x2b).build())) {
        r.next();
      }
    });
    assertEquals(0x2c, s.actual());
    assertEquals("CarReadOptions.maxSectionSize", s.setting());
    assertTrue(s.getMessage().endsWith("; if the input is genuine, raise CarReadOptions.maxSectionSize"),
        s.getMessage());
    assertEquals(59, s.offset());
  }
}

package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.testsupport.OneByteAtATimeInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors from ../shared/conformance/varint/README.md (the unsigned-varint spec and go-varint's tests). */
class VarintTest {
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      // the spec's examples
      "0, 00", "1, 01", "127, 7f", "128, 8001", "255, ff01", "300, ac02", "16384, 808001",
      // the largest value: 2^63-1 in 9 bytes
      "9223372036854775807, ffffffffffffffff7f",
      // real-world varints in the fixtures: dag-pb, dag-cbor, raw, dag-json, json, blake2b-256,
      // car-index-sorted, car-multihash-index-sorted, a dag-pb Tsize of 2^53-1
      "112, 70", "113, 71", "85, 55", "297, a902", "512, 8004", "45600, a0e402", "1024, 8008", "1025, 8108",
      "9007199254740991, ffffffffffffff0f",
  })
  void encodesAndDecodes(long value, String hex) throws Exception {
    byte[] bytes = HEX.parseHex(hex);
    assertArrayEquals(bytes, Varint.encode(value));
    assertEquals(bytes.length, Varint.encodedLength(value));
    assertEquals(value, Varint.decode(bytes));

    byte[] padded = HEX.parseHex("ee" + hex + "ee");
    assertEquals(value, Varint.read(padded, 1, padded.length));
    ByteBuffer buf = ByteBuffer.wrap(padded, 1, padded.length - 1);
    assertEquals(value, Varint.read(buf));
    assertEquals(1 + bytes.length, buf.position());

    byte[] out = new byte[12];
    assertEquals(bytes.length, Varint.write(value, out, 2));
    assertArrayEquals(bytes, java.util.Arrays.copyOfRange(out, 2, 2 + bytes.length));
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    Varint.write(value, stream);
    assertArrayEquals(bytes, stream.toByteArray());
    ByteBuffer dst = ByteBuffer.allocate(9);
    Varint.write(value, dst);
    assertEquals(bytes.length, dst.position());

    for (InputStream in : streams(padded, 1)) {
      assertEquals(value, Varint.read(in, 1));
      assertEquals(0xee, in.read());
      assertEquals(-1, in.read());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "not minimal (value 1), 8100",
      "not minimal (value 0 in two bytes), 8000",
      "not minimal (nine bytes for a small value), 818080808080808000",
      "longer than 9 bytes, ffffffffffffffffffffff00",
      "2^63 needs a 10th byte, 80808080808080808001",
  })
  void invalidEncodingsAreRejectedInMemoryAndOnStreams(String what, String hex) throws Exception {
    byte[] bytes = HEX.parseHex("00" + hex);
    InvalidVarintException e = assertThrows(InvalidVarintException.class,
        () -> Varint.read(bytes, 1, bytes.length), what);
    assertEquals(1, e.offset());
    assertTrue(e.getMessage().startsWith("Invalid varint at offset 1: "), e.getMessage());
    assertEquals("Invalid varint at offset 1: " + e.problem(), e.getMessage(), "problem() is the message without "
        + "the offset");
    assertThrows(InvalidVarintException.class, () -> Varint.decode(HEX.parseHex(hex)), what);
    ByteBuffer buf = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
    assertThrows(InvalidVarintException.class, () -> Varint.read(buf));
    assertEquals(1, buf.position(), "position unchanged on failure");
    for (InputStream in : streams(bytes, 1)) {
      VarintFormatException se = assertThrows(VarintFormatException.class, () -> Varint.read(in, 100), what);
      assertEquals(100, se.offset());
      assertTrue(se.getMessage().startsWith("Invalid varint at offset 100: "), se.getMessage());
    }
  }

  @Test
  void truncatedVarint() throws Exception {
    byte[] bytes = HEX.parseHex("8181");
    InvalidVarintException e = assertThrows(InvalidVarintException.class, () -> Varint.decode(bytes));
    assertTrue(e.getMessage().contains("truncated after 2 byte(s)"), e.getMessage());
    for (InputStream in : streams(bytes, 0)) {
      assertThrows(EOFException.class, () -> Varint.readOrEof(in, 0));
    }
  }

  @Test
  void emptyInput() throws Exception {
    assertThrows(InvalidVarintException.class, () -> Varint.decode(new byte[0]));
    for (InputStream in : streams(new byte[0], 0)) {
      assertEquals(-1, Varint.readOrEof(in, 0));
    }
    for (InputStream in : streams(new byte[0], 0)) {
      assertThrows(EOFException.class, () -> Varint.read(in, 7));
    }
  }

  @Test
  void trailingBytesAfterAVarintAreRejectedByDecode() {
    InvalidVarintException e = assertThrows(InvalidVarintException.class, () -> Varint.decode(HEX.parseHex("0100")));
    assertEquals(1, e.offset());
  }

  @Test
  void negativeValuesCannotBeEncoded() {
    assertThrows(IllegalArgumentException.class, () -> Varint.encode(-1));
    assertThrows(IllegalArgumentException.class, () -> Varint.encodedLength(Long.MIN_VALUE));
  }

  @Test
  void encodedLengthBoundaries() {
    for (int bytes = 1; bytes <= 9; bytes++) {
      long max = bytes == 9 ? Long.MAX_VALUE : (1L << (7 * bytes)) - 1;
      assertEquals(bytes, Varint.encodedLength(max));
      if (bytes < 9) {
        assertEquals(bytes + 1, Varint.encodedLength(max + 1));
      }
    }
  }

  @Test
  void rangeOutsideTheArrayIsAProgrammingError() {
    assertThrows(IndexOutOfBoundsException.class, () -> Varint.read(new byte[2], 1, 3));
  }

  /** The same bytes from a plain stream and from a one-byte-at-a-time stream, after skipping {@code skip}. */
  private static InputStream[] streams(byte[] bytes, int skip) throws Exception {
    InputStream plain = new ByteArrayInputStream(bytes);
    InputStream throttled = new OneByteAtATimeInputStream(new ByteArrayInputStream(bytes));
    assertEquals(skip, plain.skip(skip));
    for (int i = 0; i < skip; i++) {
      throttled.read();
    }
    return new InputStream[] {plain, throttled};
  }
}

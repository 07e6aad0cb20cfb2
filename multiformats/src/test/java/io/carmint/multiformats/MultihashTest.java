package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultihashTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void unknownFunctionRoundTrips() {
    // murmur3-x64-64 (0x22) is not computed here but parses, prints and re-encodes.
    byte[] bytes = HEX.parseHex("2208" + "0011223344556677");
    Multihash mh = Multihash.decode(bytes);
    assertEquals(0x22, mh.code());
    assertArrayEquals(bytes, mh.toBytes());
    assertEquals("0x22:0011223344556677", mh.toString());
    assertTrue(mh.function().isEmpty());
  }

  @Test
  void valueSemantics() {
    Multihash a = Multihash.of(0x12, new byte[32]);
    Multihash b = Multihash.decode(a.toBytes());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Multihash.of(0x12, new byte[31]));
    byte[] digest = new byte[] {1, 2, 3};
    Multihash c = Multihash.of(0x55555, digest);
    digest[0] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, c.digest());
    c.digest()[0] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, c.digest());
    assertEquals(c.byteLength(), c.toBytes().length);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "empty, ''",
      "truncated code varint, 80",
      "code only, 12",
      "declares 32 bytes has 31, 1220" + "00000000000000000000000000000000000000000000000000000000000000",
      "declares 2 has 3 (trailing), 1202000000",
      "non-minimal length varint, 128000",
      "sha2-256 digest longer than 32 bytes, 1221"
          + "000000000000000000000000000000000000000000000000000000000000000000",
      "length above the 8 KiB limit, 00818001",
  })
  void invalidBytesAreRejected(String what, String hex) {
    assertThrows(InvalidMultihashException.class, () -> Multihash.decode(HEX.parseHex(hex)), what);
  }

  @Test
  void ofRejectsDigestsLongerThanTheFunctions() {
    assertThrows(InvalidMultihashException.class, () -> Multihash.of(0x12, new byte[33]));
    assertThrows(InvalidMultihashException.class, () -> Multihash.of(0xb220, new byte[33]));
    assertEquals(64, Multihash.of(0x1e, new byte[64]).digestLength()); // blake3 extends
    assertEquals(200, Multihash.of(0x00, new byte[200]).digestLength()); // identity
    assertThrows(IllegalArgumentException.class, () -> Multihash.of(-1, new byte[1]));
  }

  @Test
  void readAdvancesPastOneMultihash() {
    ByteBuffer buf = ByteBuffer.wrap(HEX.parseHex("ff" + "1102abcd" + "0000" + "ee"));
    buf.position(1);
    assertEquals("sha1:abcd", Multihash.read(buf).toString());
    assertEquals(5, buf.position());
    assertEquals("identity:", Multihash.read(buf).toString());
    assertEquals(7, buf.position());
  }
}

package io.carmint.unixfs.hamt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bucket rule, against hand-computed bit groups and prefixes (package doc: most significant bits first). */
class HamtBucketsTest {
  private static final long HASH = 0x0123_4567_89AB_CDEFL;

  @Test
  void fanout256TakesOneByteOfTheHashPerLevel() {
    HamtBuckets b = HamtBuckets.of(256);
    assertEquals(8, b.bitsPerLevel());
    assertEquals(8, b.maxDepth());
    assertEquals(2, b.prefixLength());
    assertEquals(0x01, b.bucket(HASH, 0));
    assertEquals(0x23, b.bucket(HASH, 1));
    assertEquals(0xEF, b.bucket(HASH, 7));
    assertEquals("0A", b.prefix(10));
    assertEquals("FF", b.prefix(255));
    assertThrows(IndexOutOfBoundsException.class, () -> b.bucket(HASH, 8));
    assertThrows(IndexOutOfBoundsException.class, () -> b.prefix(256));
  }

  @Test
  void otherFanoutsTakeOtherBitGroups() {
    HamtBuckets f16 = HamtBuckets.of(16);
    assertEquals(16, f16.maxDepth());
    assertEquals(1, f16.prefixLength());
    assertEquals(0x0, f16.bucket(HASH, 0));
    assertEquals(0x1, f16.bucket(HASH, 1));
    assertEquals(0xF, f16.bucket(HASH, 15));
    assertEquals("A", f16.prefix(10));

    HamtBuckets f1024 = HamtBuckets.of(1024); // 10 bits per level: 0000 0001 00|10 0011 0100 | …
    assertEquals(6, f1024.maxDepth());
    assertEquals(3, f1024.prefixLength());
    assertEquals(0b0000000100, f1024.bucket(HASH, 0));
    assertEquals(0b1000110100, f1024.bucket(HASH, 1));
    assertEquals("004", f1024.prefix(4));
    assertEquals("3FF", f1024.prefix(1023));

    HamtBuckets f8 = HamtBuckets.of(8); // 3 bits per level: 21 levels use 63 of the 64 bits
    assertEquals(21, f8.maxDepth());
    assertEquals(0b000, f8.bucket(HASH, 0));
    assertEquals(0b111, f8.bucket(HASH, 20)); // bits 60..62 of 0x…CDEF: 1110 1111 → 111
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 100, 2048})
  void fanoutsThatAreNotPowersOfTwoUpTo1024AreRefused(int fanout) {
    assertThrows(IllegalArgumentException.class, () -> HamtBuckets.of(fanout));
  }
}

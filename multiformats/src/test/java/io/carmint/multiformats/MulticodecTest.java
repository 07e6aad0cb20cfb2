package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MulticodecTest {
  /** multiformats/multicodec table.csv codes (reference/specs-and-implementations.md §1.6). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"identity, 0", "cbor, 81", "raw, 85", "dag-pb, 112", "dag-cbor, 113", "libp2p-key, 114",
      "dag-json, 297", "json, 512", "car, 514", "car-index-sorted, 1024", "car-multihash-index-sorted, 1025"})
  void wellKnownCodes(String name, long code) {
    Multicodec c = Multicodec.forName(name);
    assertEquals(code, c.code());
    assertSame(c, Multicodec.of(code));
    assertEquals(name, c.toString());
    assertTrue(c.isKnown());
  }

  @Test
  void unknownCodesRoundTrip() {
    Multicodec c = Multicodec.of(0x300001);
    assertFalse(c.isKnown());
    assertEquals("0x300001", c.name());
    assertEquals(c, Multicodec.forName("0x300001"));
    assertEquals(c.hashCode(), Multicodec.of(0x300001).hashCode());
    assertSame(Multicodec.DAG_PB, Multicodec.forName("0x70"));
    assertSame(Multicodec.DAG_PB, Multicodec.forName("DAG-PB"));
  }

  @Test
  void badNamesAndCodes() {
    assertThrows(IllegalArgumentException.class, () -> Multicodec.of(-1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Multicodec.forName("dagpb"));
    assertTrue(e.getMessage().contains("dag-pb"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Multicodec.forName("0xzz"));
  }
}

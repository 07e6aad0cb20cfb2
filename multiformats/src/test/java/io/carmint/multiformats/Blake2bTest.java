package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Blake2bTest {
  /** RFC 7693 appendix A gives BLAKE2b-512("abc"); BLAKE2b-256("") is the published empty-string value. */
  @Test
  void knownDigests() {
    assertEquals("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc95"
        + "18d38aa8dbf1925ab92386edd4009923",
        HexFormat.of().formatHex(HashFunction.BLAKE2B_512.digest("abc".getBytes(StandardCharsets.US_ASCII)).digest()));
    assertEquals("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8",
        HexFormat.of().formatHex(HashFunction.BLAKE2B_256.digest(new byte[0]).digest()));
    assertEquals(HashFunction.BLAKE2B_256, HashFunction.forCode(0xb220).orElseThrow());
    assertEquals(HashFunction.BLAKE2B_256, HashFunction.forName("blake2b-256"));
  }
}

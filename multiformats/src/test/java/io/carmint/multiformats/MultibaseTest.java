package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultibaseTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** RFC 4648 §10 test vectors, in the padded multibase variants; the unpadded ones are the same without '='. */
  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({
      "'', '', '', '', ''",
      "f, Zg==, MY======, CO======, 66",
      "fo, Zm8=, MZXQ====, CPNG====, 666F",
      "foo, Zm9v, MZXW6===, CPNMU===, 666F6F",
      "foob, Zm9vYg==, MZXW6YQ=, CPNMUOG=, 666F6F62",
      "fooba, Zm9vYmE=, MZXW6YTB, CPNMUOJ1, 666F6F6261",
      "foobar, Zm9vYmFy, MZXW6YTBOI======, CPNMUOJ1E8======, 666F6F626172",
  })
  void rfc4648Vectors(String input, String base64, String base32, String base32hex, String base16) {
    byte[] data = ascii(input);
    check(Multibase.BASE64_PAD, data, "M" + base64);
    check(Multibase.BASE64, data, "m" + base64.replace("=", ""));
    check(Multibase.BASE32_PAD_UPPER, data, "C" + base32);
    check(Multibase.BASE32_UPPER, data, "B" + base32.replace("=", ""));
    check(Multibase.BASE32, data, "b" + base32.replace("=", "").toLowerCase());
    check(Multibase.BASE32_HEX_PAD_UPPER, data, "T" + base32hex);
    check(Multibase.BASE32_HEX, data, "v" + base32hex.replace("=", "").toLowerCase());
    check(Multibase.BASE16_UPPER, data, "F" + base16);
    check(Multibase.BASE16, data, "f" + base16.toLowerCase());
  }

  /** RFC 9285 §4.3 examples. */
  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', value = {"AB|BB8", "Hello!!|%69 VD92EX0", "base-45|UJCLQE7W581", "ietf!|QED8WEX0"})
  void base45Rfc9285Examples(String input, String encoded) {
    check(Multibase.BASE45, ascii(input), "R" + encoded);
  }

  private static void check(Multibase base, byte[] data, String text) {
    assertEquals(text, base.encode(data));
    assertArrayEquals(data, base.decode(text));
    assertArrayEquals(data, Multibase.decodeAny(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "base64pad without padding | MZg",
      "base64pad with extra padding | MZg===",
      "base64pad, a whole group of padding | MZm9v====",
      "base64pad, padding in the middle | MZ=g=",
      "base64pad, non-zero trailing bits | MZh==",
      "base64 with padding | mZg==",
      "base64, non-zero trailing bits | mZh",
      "base64, a single character | mZ",
      "base64 with a base64url character | m-_8",
      "base64url with a base64 character | u+/8",
      "base32pad without padding | cmy",
      "base32pad, seven characters | cmy=====",
      "base32pad, only padding | c========",
      "base32, impossible length 1 | bm",
      "base32, impossible length 3 | bmzx",
      "base32, non-zero trailing bits | bmz",
      "base32 with padding | bmy======",
      "base32 with a digit outside the alphabet | bm1",
      "base32z in upper case | hYBND",
      "base16 odd length | f666",
      "base16 non-hex | f6g",
      "base2, seven bits | 00110011",
      "base8, two digits | 712",
      "base10 with a letter | 912a",
      "base36 with punctuation | kab-c",
      "base58btc with 0 | z10",
      "base58btc with l | z1l",
      "base58flickr with O | ZO1",
      "base45 lower case | Rbb8",
      "base45, length 3k+1 | RBB8B",
      "base45 triple above 65535 | RGGW",
      "base45 pair above 255 | R::",
      "non-ASCII in base32 | bmé",
      "base256emoji with ASCII | \uD83D\uDE80a",
      "base256emoji with a lone surrogate | \uD83D\uDE80\uD83D",
      "unknown prefix | xabc",
      "empty | ''",
  })
  void invalidTextIsRejected(String what, String text) {
    assertThrows(MultibaseException.class, () -> Multibase.decodeAny(text), what);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000abc", "1abc", "QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n", "/ipfs/Qm"})
  void reservedPrefixesNameNoEncoding(String text) {
    MultibaseException e = assertThrows(MultibaseException.class, () -> Multibase.decodeAny(text));
    assertTrue(e.getMessage().startsWith("Reserved multibase prefix"), e.getMessage());
    assertTrue(Multibase.forPrefix(text.codePointAt(0)).isEmpty());
  }

  @Test
  void decodeWithTheWrongBaseSaysSo() {
    MultibaseException e = assertThrows(MultibaseException.class, () -> Multibase.BASE32.decode("zabc"));
    assertTrue(e.getMessage().contains("base32"), e.getMessage());
  }

  @Test
  void characterIndexIsInTheMessage() {
    MultibaseException e = assertThrows(MultibaseException.class, () -> Multibase.decodeAny("z11l1"));
    assertEquals("Invalid base58btc character 'l' at index 2", e.getMessage());
  }

  @Test
  void registryIsConsistent() {
    Set<Integer> prefixes = new HashSet<>();
    for (Multibase b : Multibase.all()) {
      assertSame(b, Multibase.forName(b.name()));
      int cp = b.prefix().codePointAt(0);
      assertEquals(b.prefix().length(), Character.charCount(cp), b.name());
      assertTrue(prefixes.add(cp), b.name());
      assertSame(b, Multibase.forPrefix(cp).orElseThrow());
      assertEquals(b.name(), b.toString());
    }
    assertEquals(24, Multibase.all().size());
    assertThrows(MultibaseException.class, () -> Multibase.forName("base32Upper"));
    assertThrows(MultibaseException.class, () -> Multibase.forName("proquint"));
  }

  @Test
  void base256EmojiUsesOneCodePointPerByte() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    String text = Multibase.BASE256_EMOJI.encode(all);
    assertEquals(257, text.codePointCount(0, text.length()));
    assertEquals(256, text.codePoints().skip(1).distinct().count());
    assertArrayEquals(all, Multibase.decodeAny(text));
    // spec table: byte 0 = U+1F680, 23 = U+2764, 255 = U+1F942
    assertEquals(0x1F680, text.codePoints().skip(1).findFirst().getAsInt());
    assertEquals(0x2764, text.codePoints().skip(1 + 23).findFirst().getAsInt());
    assertEquals(0x1F942, text.codePoints().skip(1 + 255).findFirst().getAsInt());
  }
}

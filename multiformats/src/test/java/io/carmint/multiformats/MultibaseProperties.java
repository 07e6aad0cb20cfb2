package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.carmint.testsupport.Generators;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MultibaseProperties {
  @Provide
  Arbitrary<Multibase> bases() {
    return Generators.bases();
  }

  @Provide
  Arbitrary<byte[]> data() {
    return Generators.bytes(64);
  }

  @Property
  void decodeOfEncodeIsIdentity(@ForAll("bases") Multibase base, @ForAll("data") byte[] data) {
    String text = base.encode(data);
    assertSame(base, Multibase.forText(text));
    assertArrayEquals(data, base.decode(text));
    assertArrayEquals(data, Multibase.decodeAny(text));
    assertEquals(text.substring(base.prefix().length()), base.encodeBare(data));
  }

  /** Strings made of characters every base uses, plus padding, emoji and a surrogate: mostly invalid text. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<Character> chars = Arbitraries.oneOf(
        Arbitraries.chars().range('0', '9'), Arbitraries.chars().range('a', 'z'), Arbitraries.chars().range('A', 'Z'),
        Arbitraries.of('=', '-', '_', '+', '/', ' ', '$', '%', '*', '.', ':', '\u0000', '\u00e9', '\ud83d',
            '\ude80', '\uda3e'));
    Arbitrary<String> body = chars.list().ofMaxSize(40).map(l -> {
      StringBuilder sb = new StringBuilder();
      l.forEach(sb::append);
      return sb.toString();
    });
    Arbitrary<String> prefixed = Arbitraries.of(Multibase.all()).flatMap(b -> body.map(s -> b.prefix() + s));
    return Arbitraries.oneOf(prefixed, body, Arbitraries.strings().ofMaxLength(40));
  }

  /** Decoding arbitrary text throws only MultibaseException; whatever decodes re-encodes to the same text. */
  @Property(tries = 3000)
  void arbitraryTextDecodesCanonicallyOrThrowsMultibaseException(@ForAll("texts") String text) {
    byte[] data;
    Multibase base;
    try {
      base = Multibase.forText(text);
      data = Multibase.decodeAny(text);
    } catch (MultibaseException expected) {
      return;
    }
    String again = base.encode(data);
    assertEquals(caseInsensitive(base) ? text.toLowerCase(Locale.ROOT) : text,
        caseInsensitive(base) ? again.toLowerCase(Locale.ROOT) : again);
  }

  /** @return whether the base decodes upper and lower case alike (base16, base32 variants, base36) */
  static boolean caseInsensitive(Multibase base) {
    String name = base.name();
    return name.startsWith("base16") || name.startsWith("base32h") || name.equals("base32")
        || name.startsWith("base32u") || name.startsWith("base32p") || name.startsWith("base36");
  }

  @Property
  void everyBaseDecodesBareTextOrThrowsMultibaseException(@ForAll("bases") Multibase base,
      @ForAll("texts") String text) {
    try {
      base.decodeBare(text);
    } catch (MultibaseException expected) {
      // the declared failure
    }
  }
}

package io.carmint.nft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** {@link JsonRewriter} on generated documents and on arbitrary bytes. */
class JsonRewriterProperties {
  private static final String SEED = "{\"name\":\"Token #1\",\"image\":\"ipfs://NewUriToReplace/1.png\","
      + "\"attributes\":[{\"trait_type\":\"Eyes\",\"value\":-1.5e+3}],\"ok\":true,\"none\":null}";

  /** Any JSON token document is copied byte for byte when nothing is rewritten. */
  @Property(tries = 300)
  void copiesEveryDocument(@ForAll("documents") String json) throws IOException {
    byte[] in = json.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonRewriter.rewrite(new ByteArrayInputStream(in), out, "p.json", (k, v, l, c) -> null);
    assertArrayEquals(in, out.toByteArray());
  }

  /** Arbitrary bytes, and the seed document with bytes changed: accepted, or refused with the declared type. */
  @Property(tries = 2000)
  void onlyTheDeclaredException(@ForAll @Size(max = 64) byte[] noise, @ForAll("positions") int at) {
    byte[] seed = SEED.getBytes(StandardCharsets.UTF_8);
    byte[] mutated = seed.clone();
    for (int i = 0; i < noise.length && at + i < mutated.length; i++) {
      mutated[at + i] = noise[i];
    }
    for (byte[] input : new byte[][] {noise, mutated}) {
      try {
        JsonRewriter.rewrite(new ByteArrayInputStream(input), new ByteArrayOutputStream(), "p.json",
            (k, v, l, c) -> "x");
      } catch (InvalidMetadataException expected) {
        assertEquals("p.json", expected.file());
      } catch (IOException e) {
        throw new AssertionError("undeclared " + e, e);
      }
    }
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, SEED.length() - 1);
  }

  @Provide
  Arbitrary<String> documents() {
    return object(3).map(o -> ws(o.hashCode()) + o + ws(o.length()));
  }

  private static Arbitrary<String> value(int depth) {
    Arbitrary<String> scalars = Arbitraries.oneOf(strings(), numbers(), Arbitraries.of("true", "false", "null"));
    if (depth == 0) {
      return scalars;
    }
    return Arbitraries.oneOf(scalars, scalars, object(depth - 1), array(depth - 1));
  }

  private static Arbitrary<String> object(int depth) {
    Arbitrary<String> member = Combinators.combine(Arbitraries.oneOf(strings(), Arbitraries.of("\"image\"",
        "\"image_url\"", "\"animation_url\"")), value(depth), Arbitraries.integers().between(0, 9))
        .as((k, v, w) -> ws(w) + k + ws(w + 1) + ":" + ws(w + 2) + v + ws(w + 3));
    return member.list().ofMaxSize(4).map(m -> "{" + String.join(",", m) + "}");
  }

  private static Arbitrary<String> array(int depth) {
    return value(depth).list().ofMaxSize(4).map(m -> "[ " + String.join(" ,\n", m) + "\t]");
  }

  private static Arbitrary<String> strings() {
    Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u2fff')
        .excludeChars('"', '\\').ofMaxLength(12);
    Arbitrary<String> escapes = Arbitraries.of("\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\ud83d\\ude00", "😀");
    return Combinators.combine(plain, escapes, plain).as((a, e, b) -> "\"" + a + e + b + "\"");
  }

  private static Arbitrary<String> numbers() {
    return Arbitraries.of("0", "-0", "1", "-12", "3.25", "1e5", "1E+2", "-0.5e-7", "123456789012345678901234567890");
  }

  /** Whitespace of every kind JSON allows, chosen by {@code seed}. */
  private static String ws(int seed) {
    String[] kinds = {"", " ", "\n  ", "\r\n", "\t", "  \n\t "};
    return kinds[Math.floorMod(seed, kinds.length)];
  }
}

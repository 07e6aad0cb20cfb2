package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.testsupport.Generators;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class CidProperties {
  @Provide
  Arbitrary<Cid> cids() {
    return Generators.cids();
  }

  @Provide
  Arbitrary<Multibase> bases() {
    return Generators.bases();
  }

  @Property
  void parseOfToStringIsIdentity(@ForAll("cids") Cid cid) {
    String text = cid.toString();
    assertEquals(cid, Cid.parse(text));
    assertEquals(cid.version() == 0 ? "Qm" : "b", text.substring(0, cid.version() == 0 ? 2 : 1));
  }

  @Property
  void parseInEveryBaseGivesTheSameCid(@ForAll("cids") Cid cid, @ForAll("bases") Multibase base) {
    Cid v1 = cid.toV1();
    Cid parsed = Cid.parse(v1.toString(base));
    assertEquals(v1, parsed);
    assertEquals(v1.toString(), parsed.toString());
  }

  @Property
  void decodeOfToBytesIsIdentity(@ForAll("cids") Cid cid) {
    byte[] bytes = cid.toBytes();
    Cid back = Cid.decode(bytes);
    assertEquals(cid, back);
    assertEquals(cid.version(), back.version());
    assertEquals(cid.codecCode(), back.codecCode());
    assertEquals(cid.multihash(), back.multihash());
    assertEquals(bytes.length, cid.byteLength());
    if (cid.version() == 0) {
      assertEquals(cid, cid.toV1().toV0());
    }
  }

  @Property
  void equalsHashCodeAndCompareToAgree(@ForAll("cids") Cid a, @ForAll("cids") Cid b) {
    Cid a2 = Cid.decode(a.toBytes());
    assertTrue(a.equals(a2) && a2.equals(a) && a.hashCode() == a2.hashCode() && a.compareTo(a2) == 0);
    assertEquals(a.equals(b), b.equals(a));
    assertEquals(a.equals(b), a.compareTo(b) == 0);
    assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)));
    assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(Arrays.compareUnsigned(a.toBytes(), b.toBytes())));
    if (a.equals(b)) {
      assertEquals(a.hashCode(), b.hashCode());
    }
  }

  @Property
  void compareToIsTransitive(@ForAll("cids") Cid a, @ForAll("cids") Cid b, @ForAll("cids") Cid c) {
    Cid[] sorted = {a, b, c};
    Arrays.sort(sorted);
    assertTrue(sorted[0].compareTo(sorted[1]) <= 0 && sorted[1].compareTo(sorted[2]) <= 0);
    assertTrue(sorted[0].compareTo(sorted[2]) <= 0);
  }

  @Property
  void arbitraryBytesThrowOnlyInvalidCid(@ForAll @Size(max = 48) byte[] bytes) {
    try {
      assertArrayEquals(bytes, Cid.decode(bytes).toBytes());
    } catch (InvalidCidException expected) {
      // the declared failure
    }
  }

  @Provide
  Arbitrary<byte[]> damagedCids() {
    return Generators.cids().flatMap(c -> Generators.mutations(c.toBytes()));
  }

  @Property
  void damagedCidBytesDecodeCanonicallyOrThrowInvalidCid(@ForAll("damagedCids") byte[] bytes) {
    try {
      assertArrayEquals(bytes, Cid.decode(bytes).toBytes());
    } catch (InvalidCidException expected) {
      // the declared failure
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> damaged = Generators.cids().flatMap(c -> Arbitraries.integers().between(0, 60)
        .flatMap(i -> Arbitraries.chars().ascii().map(ch -> {
          String s = c.toString();
          int at = Math.min(i, s.length() - 1);
          return s.substring(0, at) + ch + s.substring(at + 1);
        })));
    return Arbitraries.oneOf(damaged, Arbitraries.strings().ofMaxLength(60),
        Arbitraries.strings().withCharRange('1', 'z').ofMaxLength(60).map(s -> "Qm" + s));
  }

  @Property
  void arbitraryTextThrowsOnlyInvalidCid(@ForAll("texts") String text) {
    try {
      Cid cid = Cid.parse(text);
      assertEquals(cid, Cid.parse(cid.toString()));
    } catch (InvalidCidException expected) {
      // the declared failure
    }
  }
}

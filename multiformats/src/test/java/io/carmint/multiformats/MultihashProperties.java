package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.testsupport.Generators;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class MultihashProperties {
  @Provide
  Arbitrary<Multihash> multihashes() {
    return Generators.multihashes();
  }

  @Provide
  Arbitrary<HashFunction> functions() {
    return Arbitraries.of(List.copyOf(HashFunction.all())).filter(f -> f != HashFunction.IDENTITY);
  }

  @Property
  void decodeOfToBytesIsIdentity(@ForAll("multihashes") Multihash mh) {
    Multihash back = Multihash.decode(mh.toBytes());
    assertEquals(mh, back);
    assertEquals(mh.hashCode(), back.hashCode());
    assertEquals(mh.code(), back.code());
    assertArrayEquals(mh.digest(), back.digest());
    assertEquals(mh, Multihash.of(mh.code(), mh.digest()));
  }

  @Property
  void arbitraryBytesThrowOnlyInvalidMultihash(@ForAll @Size(max = 40) byte[] bytes) {
    try {
      Multihash mh = Multihash.decode(bytes);
      assertArrayEquals(bytes, mh.toBytes());
    } catch (InvalidMultihashException expected) {
      // the declared failure
    }
  }

  @Property(tries = 300)
  void incrementalHashingEqualsOneShot(@ForAll("functions") HashFunction f, @ForAll @Size(max = 3000) byte[] data,
      @ForAll @IntRange(min = 1, max = 700) int chunk) {
    Hasher h = f.newHasher();
    for (int off = 0; off < data.length; off += chunk) {
      h.update(data, off, Math.min(chunk, data.length - off));
    }
    assertEquals(f.digest(data), h.digest());
  }
}

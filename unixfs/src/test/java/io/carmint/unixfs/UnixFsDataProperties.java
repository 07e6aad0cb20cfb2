package io.carmint.unixfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.dagpb.Bytes;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class UnixFsDataProperties {
  @Provide
  Arbitrary<UnixFsData> messages() {
    Arbitrary<OptionalLong> sizes = Arbitraries.longs().between(0, Long.MAX_VALUE).optional()
        .map(o -> o.map(OptionalLong::of).orElse(OptionalLong.empty()));
    Arbitrary<Optional<UnixFsTime>> times = Combinators.combine(Arbitraries.longs(),
            Arbitraries.integers().between(0, UnixFsTime.MAX_NANOS).optional())
        .as((s, n) -> new UnixFsTime(s, n.map(OptionalInt::of).orElse(OptionalInt.empty()))).optional();
    Arbitrary<OptionalInt> modes = Arbitraries.integers().optional()
        .map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
    return Combinators.combine(Arbitraries.of(UnixFsType.class),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(Bytes::of).optional(),
        sizes, Arbitraries.longs().between(0, Long.MAX_VALUE).list().ofMaxSize(6), sizes, sizes, modes, times)
        .as(UnixFsData::new);
  }

  @Property(tries = 500)
  void roundTrip(@ForAll("messages") UnixFsData d) throws UnixFsFormatException {
    byte[] bytes = d.encode();
    UnixFsData back = UnixFsData.decode(bytes);
    assertEquals(d, back);
    assertEquals(d.hashCode(), back.hashCode());
    assertEquals(d, d.toBuilder().build());
  }

  @Property
  void arbitraryBytesDecodeCanonicallyOrThrowOnlyUnixFsFormatException(@ForAll @Size(max = 80) byte[] bytes) {
    UnixFsData d;
    try {
      d = UnixFsData.decode(bytes);
    } catch (UnixFsFormatException e) {
      return;
    }
    assertArrayEquals(bytes, d.encode());
  }
}

package io.carmint.testsupport;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multibase;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators shared by the property classes of this module. */
public final class Generators {
  private Generators() {}

  /** @return byte arrays of 0 to {@code maxSize} bytes, small ones and zero-led ones often */
  public static Arbitrary<byte[]> bytes(int maxSize) {
    Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
    Arbitrary<byte[]> zeroLed = Combinators.combine(Arbitraries.integers().between(1, 4), any).as((zeros, rest) -> {
      byte[] out = new byte[zeros + rest.length];
      System.arraycopy(rest, 0, out, zeros, rest.length);
      return out;
    });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, any), net.jqwik.api.Tuple.of(1, zeroLed), net.jqwik.api.Tuple.of(1,
            Arbitraries.just(new byte[0])));
  }

  /** @return every supported multibase */
  public static Arbitrary<Multibase> bases() {
    return Arbitraries.of(Multibase.all());
  }

  /** @return non-negative codes: well-known ones, small ones, and up to 2^63-1 */
  public static Arbitrary<Long> codes() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.of(0x00L, 0x12L, 0x55L, 0x70L, 0x71L, 0x0129L, 0xb220L, 0x1eL)),
        net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, 0x4000)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE)));
  }

  /** @return multihashes with any code and a digest length valid for it (known functions: truncated or full) */
  public static Arbitrary<Multihash> multihashes() {
    return Combinators.combine(codes(), Arbitraries.bytes().array(byte[].class).ofMaxSize(80)).as((code, digest) -> {
      int max = HashFunction.forCode(code).filter(f -> f != HashFunction.IDENTITY && !f.isExtendable())
          .map(HashFunction::digestLength).orElse(digest.length);
      return Multihash.of(code, Arrays.copyOf(digest, Math.min(max, digest.length)));
    });
  }

  /** @return CIDv0s (random sha2-256 digests) and CIDv1s (any codec, any multihash) */
  public static Arbitrary<Cid> cids() {
    Arbitrary<Cid> v0 = Arbitraries.bytes().array(byte[].class).ofSize(32)
        .map(d -> Cid.v0(Multihash.of(0x12, d)));
    Arbitrary<Cid> v1 = Combinators.combine(codes(), multihashes()).as((codec, mh) -> Cid.v1(codec, mh));
    Arbitrary<Cid> common = Arbitraries.bytes().array(byte[].class).ofSize(32)
        .flatMap(d -> Arbitraries.of(Multicodec.RAW, Multicodec.DAG_PB, Multicodec.DAG_CBOR)
            .map(c -> Cid.v1(c, Multihash.of(0x12, d))));
    return Arbitraries.oneOf(v0, v1, common);
  }

  /**
   * @return {@code bytes} damaged in one of a few ways: a byte changed, inserted or removed, or the end cut off;
   *     the input itself now and then
   */
  public static Arbitrary<byte[]> mutations(byte[] bytes) {
    if (bytes.length == 0) {
      return Arbitraries.bytes().array(byte[].class).ofMaxSize(4);
    }
    Arbitrary<Integer> index = Arbitraries.integers().between(0, bytes.length - 1);
    Arbitrary<byte[]> flip = Combinators.combine(index, Arbitraries.bytes()).as((i, b) -> {
      byte[] out = bytes.clone();
      out[i] = b;
      return out;
    });
    Arbitrary<byte[]> insert = Combinators.combine(index, Arbitraries.bytes()).as((i, b) -> {
      byte[] out = new byte[bytes.length + 1];
      System.arraycopy(bytes, 0, out, 0, i);
      out[i] = b;
      System.arraycopy(bytes, i, out, i + 1, bytes.length - i);
      return out;
    });
    Arbitrary<byte[]> delete = index.map(i -> {
      byte[] out = new byte[bytes.length - 1];
      System.arraycopy(bytes, 0, out, 0, i);
      System.arraycopy(bytes, i + 1, out, i, bytes.length - i - 1);
      return out;
    });
    Arbitrary<byte[]> truncate = index.map(i -> Arrays.copyOf(bytes, i));
    return Arbitraries.oneOf(flip, insert, delete, truncate, Arbitraries.just(bytes.clone()));
  }
}

package io.carmint.car;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multihash;
import io.carmint.multiformats.UnsupportedHashException;
import io.carmint.multiformats.Hasher;
import java.nio.ByteBuffer;
import java.util.Locale;

/** Constants and helpers shared by the CAR readers and writers. Stateless. */
final class Car {
  /** The CARv2 pragma: varint 10 then DAG-CBOR {@code {"version": 2}}. */
  static final byte[] PRAGMA = {0x0a, (byte) 0xa1, 0x67, 0x76, 0x65, 0x72, 0x73, 0x69, 0x6f, 0x6e, 0x02};
  /** Bytes of the CARv2 pragma. */
  static final int PRAGMA_SIZE = 11;
  /** Bytes of the fixed CARv2 header after the pragma. */
  static final int V2_HEADER_SIZE = 40;
  /** First possible data offset of a CARv2: pragma + header. */
  static final int V2_MIN_DATA_OFFSET = PRAGMA_SIZE + V2_HEADER_SIZE;

  private Car() {}

  /** @return {@code n} with thousands separators, e.g. {@code 1,234} */
  static String fmt(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * Checks that {@code data[off..off+len)} hashes to {@code cid}.
   *
   * @param offset section offset for messages, or -1
   * @throws BlockIntegrityException if it does not
   * @throws UnverifiableBlockException if the CID's hash function cannot be computed
   */
  static void verify(Cid cid, byte[] data, int off, int len, long offset)
      throws BlockIntegrityException, UnverifiableBlockException {
    verify(cid, ByteBuffer.wrap(data, off, len), offset);
  }

  /**
   * Checks that the buffer's remaining bytes (position not moved) hash to {@code cid}. Truncated digests are
   * compared at the CID's length, as the multihash spec allows; an identity CID must hold exactly the bytes.
   *
   * @param offset section offset for messages, or -1
   * @throws BlockIntegrityException if they do not
   * @throws UnverifiableBlockException if the CID's hash function cannot be computed
   */
  static void verify(Cid cid, ByteBuffer data, long offset)
      throws BlockIntegrityException, UnverifiableBlockException {
    Multihash expected = cid.multihash();
    HashFunction f;
    try {
      f = HashFunction.forCode(expected.code()).orElseThrow(() -> new UnsupportedHashException(
          "unknown multihash function 0x" + Long.toHexString(expected.code())));
    } catch (UnsupportedHashException e) {
      throw new UnverifiableBlockException(offset, cid, e);
    }
    Multihash actual;
    try {
      if (f == HashFunction.IDENTITY) {
        if (data.remaining() > Multihash.MAX_DIGEST_LENGTH) {
          throw new BlockIntegrityException(offset, cid, Multihash.of(expected.code(), new byte[0]));
        }
        actual = f.digest(data);
      } else {
        Hasher h;
        try {
          h = f.newHasher(expected.digestLength());
        } catch (IllegalArgumentException badLength) {
          h = f.newHasher();
        }
        actual = h.update(data.duplicate()).digest();
      }
    } catch (UnsupportedHashException e) {
      throw new UnverifiableBlockException(offset, cid, e);
    }
    if (!actual.equals(expected)) {
      throw new BlockIntegrityException(offset, cid, actual);
    }
  }
}

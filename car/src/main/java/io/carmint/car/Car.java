package io.carmint.car;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multihash;
import io.carmint.multiformats.UnsupportedHashException;
import java.util.Arrays;
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
    Multihash expected = cid.multihash();
    Multihash actual;
    try {
      HashFunction f = HashFunction.forCode(expected.code()).orElseThrow(() -> new UnsupportedHashException(
          "unknown multihash function 0x" + Long.toHexString(expected.code())));
      actual = f.digest(data, off, len);
    } catch (UnsupportedHashException e) {
      throw new UnverifiableBlockException(offset, cid, e);
    } catch (IllegalArgumentException e) {
      // identity "hash" of a block longer than a multihash may hold
      throw new BlockIntegrityException(offset, cid, Multihash.of(expected.code(), new byte[0]));
    }
    byte[] digest = actual.digest();
    int declared = expected.digestLength();
    boolean identity = expected.code() == HashFunction.IDENTITY.code();
    if (declared > digest.length || (identity && declared != digest.length)
        || !expected.digestEquals(digest, 0, declared)) {
      // Report the actual digest truncated (or as-is) the way the CID declares it.
      byte[] shown = declared <= digest.length && !identity
          ? Arrays.copyOf(digest, declared) : digest;
      throw new BlockIntegrityException(offset, cid, Multihash.of(expected.code(), shown));
    }
  }
}

package io.carmint.car;

import io.carmint.block.Block;
import io.carmint.block.BlockIntegrityException;
import io.carmint.block.DigestTooShortException;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.UnsupportedHashException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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

  /**
   * Reads the bytes of a CARv2's index: from {@code at} to the end of the file.
   *
   * @param size the file's size
   * @throws TruncatedCarException if the file ends before {@code at}, or shrinks while being read
   * @throws LimitExceededException if the index is longer than {@code options}' {@code maxIndexSize}
   * @throws IOException if reading fails
   */
  static byte[] readIndexBytes(FileChannel channel, long at, long size, CarReadOptions options) throws IOException {
    long len = size - at;
    if (len < 0) {
      throw new TruncatedCarException(at, "CARv2 index", -1, 0);
    }
    if (len > options.maxIndexSize()) {
      throw new LimitExceededException("CARv2 index at offset " + fmt(at) + " has " + fmt(len) + " bytes",
          "CarReadOptions.maxIndexSize", options.maxIndexSize(), len, at);
    }
    byte[] bytes = new byte[(int) len];
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) {
      if (channel.read(buf, at + buf.position()) < 0) {
        throw new TruncatedCarException(at, "CARv2 index", len, buf.position());
      }
    }
    return bytes;
  }

  /** @return the first 51 bytes of a CARv2 with header {@code h}: the pragma, then the header */
  static byte[] v2Prefix(CarV2Header h) {
    byte[] out = new byte[V2_MIN_DATA_OFFSET];
    System.arraycopy(PRAGMA, 0, out, 0, PRAGMA_SIZE);
    System.arraycopy(h.toBytes(), 0, out, PRAGMA_SIZE, V2_HEADER_SIZE);
    return out;
  }

  /** @return {@code n} with thousands separators, e.g. {@code 1,234} */
  static String fmt(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * Checks that a block's bytes hash to its CID ({@link Block#verify(long, String)}), reporting a hash function that
   * cannot be computed as the CAR readers do.
   *
   * @param offset section offset for messages, or -1
   * @throws BlockIntegrityException if they do not
   * @throws DigestTooShortException if the CID's digest is too short to verify
   * @throws UnverifiableBlockException if the CID's hash function cannot be computed
   */
  static void verify(Block block, long offset)
      throws BlockIntegrityException, DigestTooShortException, UnverifiableBlockException {
    try {
      block.verify(offset, null);
    } catch (UnsupportedHashException e) {
      throw new UnverifiableBlockException(offset, block.cid(), e);
    }
  }
}

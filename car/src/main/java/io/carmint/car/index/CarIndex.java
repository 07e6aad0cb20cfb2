package io.carmint.car.index;

import io.carmint.car.CarIndexException;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A CARv2 index: sorted digests and the payload offsets of their sections, in one of the two formats go-car
 * writes. Both are immutable and thread-safe.
 *
 * <p>An index read from a file is <b>untrusted</b>: decoding checks its structure (counts, widths, lengths, sort
 * order) but not that its offsets are right; {@link io.carmint.car.CarFile} and {@link io.carmint.car.CarVerifier}
 * check it against the data or ignore it.
 */
public sealed interface CarIndex permits IndexSorted, MultihashIndexSorted {
  /** @return the index codec: {@code car-index-sorted} (0x0400) or {@code car-multihash-index-sorted} (0x0401) */
  Multicodec codec();

  /** @return the number of entries */
  long size();

  /**
   * @param multihash the block's multihash
   * @return the payload offsets of the sections indexed under {@code multihash}'s digest (and, for a
   *     {@link MultihashIndexSorted}, its hash function), in index order; empty if none
   */
  long[] offsets(Multihash multihash);

  /**
   * Calls {@code visitor} with every entry, in index order (by hash code, then digest width, then digest).
   *
   * @param visitor receives each entry
   */
  void forEach(EntryVisitor visitor);

  /** Receives index entries. */
  @FunctionalInterface
  interface EntryVisitor {
    /**
     * @param hashCode the entry's multihash function code, or -1 for an {@link IndexSorted}, which stores digests only
     * @param digest the digest (a read-only view, valid only during the call)
     * @param offset the section offset from the start of the CARv1 payload
     */
    void entry(long hashCode, ByteBuffer digest, long offset);
  }

  /** @return the encoded index, starting with its codec varint */
  byte[] toBytes();

  /**
   * Writes {@link #toBytes()} to {@code out}.
   *
   * @param out the stream to write to
   * @throws IOException if the stream fails
   */
  default void writeTo(OutputStream out) throws IOException {
    out.write(toBytes());
  }

  /**
   * Decodes an index (codec varint and body) that fills {@code bytes} exactly.
   *
   * @param baseOffset the file offset of {@code bytes[0]}, for messages
   * @param bytes the encoded index, nothing before or after it
   * @return the index
   * @throws CarIndexException if the codec is not an index codec, a count or length overflows or disagrees with the
   *     bytes present, a width is below 8, entries are not sorted, or bytes are left over
   */
  static CarIndex decode(byte[] bytes, long baseOffset) throws CarIndexException {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    IndexCodec.Cursor c = new IndexCodec.Cursor(b, baseOffset);
    long codec = c.varint("index codec");
    CarIndex index;
    if (codec == Multicodec.CAR_INDEX_SORTED.code()) {
      index = IndexSorted.decodeBody(c);
    } else if (codec == Multicodec.CAR_MULTIHASH_INDEX_SORTED.code()) {
      index = MultihashIndexSorted.decodeBody(c);
    } else {
      throw new CarIndexException(baseOffset, "Unknown CARv2 index codec 0x" + Long.toHexString(codec)
          + " at offset " + baseOffset + " (expected car-index-sorted 0x400 or car-multihash-index-sorted 0x401)", true);
    }
    if (b.hasRemaining()) {
      throw new CarIndexException(baseOffset + b.position(), b.remaining() + " byte(s) after the end of the index at "
          + "offset " + (baseOffset + b.position()));
    }
    return index;
  }

  /**
   * Reads an index from a stream to its end.
   *
   * @param baseOffset the stream offset of the first byte, for messages
   * @param maxSize largest index accepted, in bytes
   * @param in the stream, positioned at the index
   * @return the index
   * @throws LimitExceededException if the stream holds more than {@code maxSize} bytes
   * @throws CarIndexException if the bytes are not a valid index ({@link #decode})
   * @throws IOException if the stream fails
   */
  static CarIndex read(java.io.InputStream in, long baseOffset, long maxSize) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
    if (bytes.length > maxSize) {
      throw new LimitExceededException("CARv2 index at offset " + baseOffset + " has more than " + maxSize + " bytes",
          "CarReadOptions.maxIndexSize", maxSize, bytes.length, baseOffset);
    }
    return decode(bytes, baseOffset);
  }
}

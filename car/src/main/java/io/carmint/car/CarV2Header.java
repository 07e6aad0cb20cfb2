package io.carmint.car;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fixed 40-byte CARv2 header that follows the 11-byte pragma: characteristics, then where the CARv1 data
 * payload and the index are. All offsets are from the start of the file (the first pragma byte).
 *
 * <pre>
 * | pragma 11 B | characteristics 16 B | dataOffset u64 LE | dataSize u64 LE | indexOffset u64 LE | padding | payload | padding | index |
 * </pre>
 *
 * @param characteristicsHigh first characteristics word (little-endian u64); bit 7 (byte 0, mask {@code 0x80}) is
 *     "fully indexed", as go-car stores it
 * @param characteristicsLow second characteristics word, reserved
 * @param dataOffset offset of the CARv1 payload, at least 51
 * @param dataSize length of the CARv1 payload, at least 1
 * @param indexOffset offset of the index, or 0 when there is none
 * @see <a href="https://ipld.io/specs/transport/car/carv2/">CARv2 specification</a>
 */
public record CarV2Header(
    long characteristicsHigh, long characteristicsLow, long dataOffset, long dataSize, long indexOffset) {
  /** Bytes of the header (after the pragma): 40. */
  public static final int SIZE = Car.V2_HEADER_SIZE;
  /** Bytes before the earliest possible payload: pragma (11) + header (40) = 51. */
  public static final int MIN_DATA_OFFSET = Car.V2_MIN_DATA_OFFSET;
  private static final long FULLY_INDEXED = 1L << 7;

  /**
   * Checks the offsets as go-car does, and more strictly against unsigned overflow.
   *
   * @param characteristicsHigh first characteristics word (little-endian u64); bit 7 (byte 0, mask {@code 0x80}) is
   *     "fully indexed", as go-car stores it
   * @param characteristicsLow second characteristics word, reserved
   * @param dataOffset offset of the CARv1 payload, at least 51
   * @param dataSize length of the CARv1 payload, at least 1
   * @param indexOffset offset of the index, or 0 when there is none
   * @throws IllegalArgumentException if {@code dataOffset < 51}, {@code dataSize < 1}, an offset is negative (at or
   *     above 2<sup>63</sup> unsigned), the payload end overflows, or a non-zero index offset is inside the payload
   */
  public CarV2Header {
    if (dataOffset < MIN_DATA_OFFSET) {
      throw new IllegalArgumentException("CARv2 data offset " + Long.toUnsignedString(dataOffset)
          + " is inside the header (must be at least " + MIN_DATA_OFFSET + ")");
    }
    if (dataSize < 1) {
      throw new IllegalArgumentException("CARv2 data size " + Long.toUnsignedString(dataSize)
          + " is invalid (must be at least 1)");
    }
    if (dataOffset + dataSize < dataOffset) {
      throw new IllegalArgumentException("CARv2 data offset " + dataOffset + " + size " + dataSize + " overflows");
    }
    if (indexOffset < 0 || (indexOffset != 0 && indexOffset < dataOffset + dataSize)) {
      throw new IllegalArgumentException("CARv2 index offset " + Long.toUnsignedString(indexOffset)
          + " overlaps the data payload, which ends at " + (dataOffset + dataSize));
    }
  }

  /**
   * @param dataSize the payload's length
   * @param dataPadding bytes between the header and the payload
   * @param hasIndex whether an index follows the payload
   * @param indexPadding bytes between the payload and the index
   * @param fullyIndexed whether every block, identity CIDs included, is indexed
   * @return a header for a payload of {@code dataSize} bytes written {@code dataPadding} bytes after the header,
   *     with the index {@code indexPadding} bytes after the payload ({@code hasIndex}) or no index
   */
  public static CarV2Header of(long dataSize, long dataPadding, boolean hasIndex, long indexPadding,
      boolean fullyIndexed) {
    long dataOffset = MIN_DATA_OFFSET + dataPadding;
    return new CarV2Header(fullyIndexed ? FULLY_INDEXED : 0, 0, dataOffset, dataSize,
        hasIndex ? dataOffset + dataSize + indexPadding : 0);
  }

  /**
   * Decodes the 40 header bytes.
   *
   * @param offset where the 40 bytes start in the file (11), for messages
   * @throws CarHeaderException if the offsets are invalid (see the constructor)
   */
  static CarV2Header decode(byte[] bytes, long offset) throws CarHeaderException {
    ByteBuffer b = ByteBuffer.wrap(bytes, 0, SIZE).order(ByteOrder.LITTLE_ENDIAN);
    try {
      return new CarV2Header(b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong());
    } catch (IllegalArgumentException e) {
      throw new CarHeaderException(offset, "Invalid CARv2 header at offset " + Car.fmt(offset) + ": "
          + e.getMessage());
    }
  }

  /** @return the 40 header bytes */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(characteristicsHigh).putLong(characteristicsLow).putLong(dataOffset).putLong(dataSize)
        .putLong(indexOffset);
    return b.array();
  }

  /** @return whether the "fully indexed" characteristic is set: the index also lists identity CIDs */
  public boolean fullyIndexed() {
    return (characteristicsHigh & FULLY_INDEXED) != 0;
  }

  /** @return whether an index follows the payload ({@code indexOffset != 0}) */
  public boolean hasIndex() {
    return indexOffset != 0;
  }
}

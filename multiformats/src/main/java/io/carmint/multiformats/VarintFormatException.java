package io.carmint.multiformats;

/**
 * Thrown when a stream does not hold a valid unsigned varint where one was expected: non-minimal,
 * longer than {@value Varint#MAX_LENGTH} bytes, or above {@link Long#MAX_VALUE}. A stream that ends
 * inside a varint gives {@link java.io.EOFException} instead.
 */
public final class VarintFormatException extends DataException {
  private static final long serialVersionUID = 1L;

  /**
   * @param offset byte offset of the first byte of the varint in its stream, or -1 when unknown
   * @param message what is wrong, without the offset (it is added)
   */
  public VarintFormatException(long offset, String message) {
    super(offset, (offset >= 0 ? "Invalid varint at offset " + offset + ": " : "Invalid varint: ") + message);
  }
}

package io.carmint.multiformats;

/**
 * Thrown when bytes in memory do not hold a valid unsigned varint: truncated, non-minimal, longer than
 * {@value Varint#MAX_LENGTH} bytes, or above {@link Long#MAX_VALUE}.
 *
 * <p>The message names the byte offset at which the varint starts and what was wrong with it.
 */
public final class InvalidVarintException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final long offset;

  /**
   * @param offset byte offset of the first byte of the varint in its input
   * @param message what is wrong, without the offset (it is added)
   */
  public InvalidVarintException(long offset, String message) {
    super("Invalid varint at offset " + offset + ": " + message);
    this.offset = offset;
  }

  /** @return byte offset of the first byte of the varint in its input */
  public long offset() {
    return offset;
  }
}

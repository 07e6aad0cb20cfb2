package io.carmint.multiformats;

/**
 * Thrown when bytes in memory do not hold a valid unsigned varint: truncated, non-minimal, longer than
 * {@value Varint#MAX_LENGTH} bytes, or above {@link Long#MAX_VALUE}.
 *
 * <p>The message names the byte offset at which the varint starts and what was wrong with it.
 */
public final class InvalidVarintException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  /** What {@link #offset()} returns. */
  private final long offset;
  /** What {@link #problem()} returns. */
  private final String problem;

  /**
   * @param offset byte offset of the first byte of the varint in its input
   * @param problem what is wrong, without the offset (it is added to the message)
   */
  public InvalidVarintException(long offset, String problem) {
    super("Invalid varint at offset " + offset + ": " + problem);
    this.offset = offset;
    this.problem = problem;
  }

  /** @return byte offset of the first byte of the varint in its input */
  public long offset() {
    return offset;
  }

  /**
   * @return what is wrong, without the offset, e.g. {@code not minimal (ends in a zero group after 1 byte(s))}: for
   *     callers that report the varint at an offset of their own (a field in a block, an index in a file)
   */
  public String problem() {
    return problem;
  }
}

package io.carmint.dagpb;

import java.io.IOException;

/**
 * Thrown when bytes are not a valid dag-pb block under the spec's strictness rules: the message says what is
 * wrong, at which byte offset of the block, and what was expected.
 */
public final class DagPbFormatException extends IOException {
  private static final long serialVersionUID = 1L;
  private final long offset;

  /**
   * @param offset byte offset in the block where the problem was found
   * @param message what is wrong, without the offset (it is added)
   */
  public DagPbFormatException(long offset, String message) {
    super("Invalid dag-pb at offset " + offset + ": " + message);
    this.offset = offset;
  }

  /**
   * @param offset byte offset in the block where the problem was found
   * @param message what is wrong, without the offset (it is added)
   * @param cause the underlying failure (an invalid CID, say)
   */
  public DagPbFormatException(long offset, String message, Throwable cause) {
    super("Invalid dag-pb at offset " + offset + ": " + message, cause);
    this.offset = offset;
  }

  /** @return byte offset in the block where the problem was found */
  public long offset() {
    return offset;
  }
}

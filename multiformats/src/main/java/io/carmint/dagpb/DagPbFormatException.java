package io.carmint.dagpb;

import io.carmint.multiformats.DataException;

/**
 * Thrown when bytes are not a valid dag-pb block under the spec's strictness rules: the message says what is
 * wrong, at which byte offset of the block, and what was expected.
 */
public final class DagPbFormatException extends DataException {
  private static final long serialVersionUID = 1L;

  /**
   * @param offset byte offset in the block where the problem was found
   * @param message what is wrong, without the offset (it is added)
   */
  public DagPbFormatException(long offset, String message) {
    super(offset, "Invalid dag-pb at offset " + offset + ": " + message);
  }

  /**
   * @param offset byte offset in the block where the problem was found
   * @param message what is wrong, without the offset (it is added)
   * @param cause the underlying failure (an invalid CID, say)
   */
  public DagPbFormatException(long offset, String message, Throwable cause) {
    super(offset, "Invalid dag-pb at offset " + offset + ": " + message, cause);
  }
}

package io.carmint.unixfs;

import io.carmint.multiformats.DataException;

/**
 * Thrown when bytes are not a valid UnixFS Data message, or a UnixFS node is inconsistent (declared sizes that do
 * not match, a type the reader cannot handle where it is found): the message says what, where, and what was
 * expected.
 */
public class UnixFsFormatException extends DataException {
  private static final long serialVersionUID = 1L;

  /**
   * @param offset byte offset within the UnixFS message, or -1 when the problem is not at one offset
   * @param message what is wrong, without the offset (it is added when known)
   */
  public UnixFsFormatException(long offset, String message) {
    super(offset, offset >= 0 ? "Invalid UnixFS data at offset " + offset + ": " + message : message);
  }

  /** @param message what is wrong and where */
  public UnixFsFormatException(String message) {
    this(-1, message);
  }

  /**
   * @param message what is wrong and where
   * @param cause the underlying failure
   */
  public UnixFsFormatException(String message, Throwable cause) {
    super(-1, message, cause);
  }
}

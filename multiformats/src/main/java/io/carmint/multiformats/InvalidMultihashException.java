package io.carmint.multiformats;

/**
 * Thrown when bytes do not hold a valid multihash: bad varints, a declared digest length that does not match the
 * bytes present or the function's fixed length, or trailing bytes.
 */
public final class InvalidMultihashException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong, with the offset where known */
  public InvalidMultihashException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong
   * @param cause the underlying failure
   */
  public InvalidMultihashException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.carmint.multiformats;

/**
 * Thrown when a hash must be computed with a multihash function carmint cannot compute (an unknown code, or a
 * function whose provider, Bouncy Castle, is not on the class path). Parsing and printing such multihashes works.
 */
public final class UnsupportedHashException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message which function and why */
  public UnsupportedHashException(String message) {
    super(message);
  }

  /**
   * @param message which function and why
   * @param cause the underlying failure
   */
  public UnsupportedHashException(String message, Throwable cause) {
    super(message, cause);
  }
}

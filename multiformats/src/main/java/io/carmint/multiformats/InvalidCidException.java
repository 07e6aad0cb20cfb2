package io.carmint.multiformats;

/**
 * Thrown when text or bytes are not a valid CID; the message says what is wrong (bad multibase, unsupported
 * version, bad varint, a CIDv0 that is not a 32-byte sha2-256, trailing bytes…) and where.
 */
public final class InvalidCidException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong and where */
  public InvalidCidException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong and where
   * @param cause the underlying failure
   */
  public InvalidCidException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.carmint.multiformats;

/**
 * Thrown when text is not valid in the multibase encoding it claims (or names no known encoding): unknown
 * prefix, a character outside the alphabet, wrong padding, an impossible length, or non-zero trailing bits.
 * The message gives the character index where it applies.
 */
public final class MultibaseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong and where */
  public MultibaseException(String message) {
    super(message);
  }
}

package io.carmint.car;

/**
 * A CARv2 index (or a standalone {@code .carindex}) is malformed, or does not agree with the data it claims to
 * index: an unknown codec, counts that overflow, a width below 8, entries out of order, bytes left over.
 */
public final class CarIndexException extends CarFormatException {
  private static final long serialVersionUID = 1L;
  /** What {@link #isUnknownCodec()} returns. */
  private final boolean unknownCodec;

  /**
   * @param offset byte offset of the bad index structure, or -1 if unknown
   * @param message what is wrong, including the offset
   */
  public CarIndexException(long offset, String message) {
    this(offset, message, false);
  }

  /**
   * @param offset byte offset of the bad index structure, or -1 if unknown
   * @param message what is wrong, including the offset
   * @param unknownCodec whether the index starts with a codec that is not an index codec (an index of another or
   *     older format, which a reader may ignore)
   */
  public CarIndexException(long offset, String message, boolean unknownCodec) {
    super(offset, message);
    this.unknownCodec = unknownCodec;
  }

  /** @return whether the index's codec is not a known index codec (rather than the index being malformed) */
  public boolean isUnknownCodec() {
    return unknownCodec;
  }
}

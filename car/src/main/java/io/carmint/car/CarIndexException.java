package io.carmint.car;

/**
 * A CARv2 index (or a standalone {@code .carindex}) is malformed, or does not agree with the data it claims to
 * index: an unknown codec, counts that overflow, a width below 8, an entry pointing at a section that holds another
 * block, a block that is not indexed.
 */
public final class CarIndexException extends CarFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * @param offset byte offset of the bad index structure, or -1 if unknown
   * @param message what is wrong, including the offset
   */
  public CarIndexException(long offset, String message) {
    super(offset, message);
  }
}

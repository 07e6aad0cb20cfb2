package io.carmint.car;

/**
 * Bytes after the last whole section that are not a section: a zero-length section (null padding, as some writers
 * leave at the end of a pre-allocated file), or, in a CARv2, a payload whose last bytes do not make a whole section
 * before the declared data size ends.
 *
 * <p>Remedy: if the file is known to be null-padded, read it with
 * {@link CarReadOptions.Builder#zeroLengthSectionAsEof(boolean) zeroLengthSectionAsEof(true)}, which ends the CAR at
 * the first zero-length section (go-car's {@code ZeroLengthSectionAsEOF}).
 */
public final class TrailingDataException extends CarFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * @param offset byte offset where the trailing bytes start
   * @param message what was found, including the offset
   */
  public TrailingDataException(long offset, String message) {
    super(offset, message);
  }
}

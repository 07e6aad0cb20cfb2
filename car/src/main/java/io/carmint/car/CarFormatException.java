package io.carmint.car;

import io.carmint.multiformats.DataException;

/**
 * The bytes of a CAR are corrupt: a malformed header, a bad CID in a section, a section shorter than its CID, a
 * CARv2 header whose offsets make no sense. The remedy is a different (uncorrupted) file. Subclasses name the
 * more specific classes of damage: {@link CarHeaderException}, {@link UnsupportedCarVersionException},
 * {@link CarVarintException}, {@link TrailingDataException}, {@link CarIndexException}.
 *
 * <p>The message says what is wrong and where; {@link #offset()} is the byte offset (from the start of the file or
 * stream) of the structure that is wrong.
 */
public class CarFormatException extends DataException {
  private static final long serialVersionUID = 1L;

  /**
   * @param offset byte offset of the bad structure from the start of the file or stream, or -1 if unknown
   * @param message what is wrong, including the offset
   */
  public CarFormatException(long offset, String message) {
    super(offset, message);
  }

  /**
   * @param offset byte offset of the bad structure, or -1 if unknown
   * @param message what is wrong, including the offset
   * @param cause the underlying failure
   */
  public CarFormatException(long offset, String message, Throwable cause) {
    super(offset, message, cause);
  }
}

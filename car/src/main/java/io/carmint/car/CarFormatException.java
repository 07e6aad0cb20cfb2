package io.carmint.car;

import java.io.IOException;

/**
 * The bytes of a CAR are corrupt: a malformed header, a bad CID in a section, a section shorter than its CID, a
 * CARv2 header whose offsets make no sense. The remedy is a different (uncorrupted) file. Subclasses name the
 * more specific classes of damage: {@link CarHeaderException}, {@link UnsupportedCarVersionException},
 * {@link CarVarintException}, {@link TrailingDataException}, {@link CarIndexException}.
 *
 * <p>The message says what is wrong and where; {@link #offset()} is the byte offset (from the start of the file or
 * stream) of the structure that is wrong.
 */
public class CarFormatException extends IOException {
  private static final long serialVersionUID = 1L;
  private final long offset;

  /**
   * @param offset byte offset of the bad structure from the start of the file or stream, or -1 if unknown
   * @param message what is wrong, including the offset
   */
  public CarFormatException(long offset, String message) {
    super(message);
    this.offset = offset;
  }

  /**
   * @param offset byte offset of the bad structure, or -1 if unknown
   * @param message what is wrong, including the offset
   * @param cause the underlying failure
   */
  public CarFormatException(long offset, String message, Throwable cause) {
    super(message, cause);
    this.offset = offset;
  }

  /** @return byte offset of the bad structure from the start of the file or stream, or -1 if unknown */
  public long offset() {
    return offset;
  }
}

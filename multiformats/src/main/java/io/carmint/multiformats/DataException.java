package io.carmint.multiformats;

import java.io.IOException;

/**
 * Bytes read from a stream, file or block that carmint refuses: corrupt or malformed data (the {@code
 * ...FormatException}s of each format), a length or count above a configured limit ({@link
 * LimitExceededException}), or a block whose bytes do not hash to its CID
 * ({@link io.carmint.block.BlockIntegrityException}). The base of carmint's checked data errors, so that one
 * {@code catch (DataException e)} separates bad input from I/O failure while {@code catch (IOException e)} still
 * covers both; each subclass is one remedy.
 *
 * <p>Data that ends early is reported as an {@link java.io.EOFException} instead (for CAR files,
 * {@code io.carmint.car.TruncatedCarException}, which carries an offset of its own), so that code handling a cut-off
 * stream keeps working.
 *
 * <p>Bad input held in memory (a CID string, a varint in an array) is reported with unchecked
 * {@link IllegalArgumentException} subclasses instead, such as {@link InvalidCidException}.
 */
public abstract class DataException extends IOException {
  private static final long serialVersionUID = 1L;
  /** What {@link #offset()} returns. */
  private final long offset;

  /**
   * @param offset byte offset of the bad or oversized structure (from the start of the stream, file or block the
   *     subclass names), or -1 when it is not at one offset
   * @param message what is wrong, where, expected vs actual, and the remedy
   */
  protected DataException(long offset, String message) {
    super(message);
    this.offset = offset < 0 ? -1 : offset;
  }

  /**
   * @param offset byte offset of the bad or oversized structure, or -1 when it is not at one offset
   * @param message what is wrong, where, expected vs actual, and the remedy
   * @param cause the underlying failure
   */
  protected DataException(long offset, String message, Throwable cause) {
    super(message, cause);
    this.offset = offset < 0 ? -1 : offset;
  }

  /**
   * @return byte offset of the bad or oversized structure, from the start of the input the subclass names (a CAR
   *     file or stream, a block, an encoded value), or -1 when it is not at one offset
   */
  public final long offset() {
    return offset;
  }
}

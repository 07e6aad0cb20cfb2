package io.carmint.car;

import java.io.EOFException;

/**
 * The CAR ends early: inside its header, a section length varint, a section, or before the data size a CARv2
 * header declares. The file was cut off (an interrupted download or copy); nothing that was read before the cut is
 * wrong.
 */
public final class TruncatedCarException extends EOFException {
  private static final long serialVersionUID = 1L;
  /** What {@link #offset()} returns. */
  private final long offset;
  /** What {@link #declared()} returns. */
  private final long declared;
  /** What {@link #actual()} returns. */
  private final long actual;

  /**
   * @param offset byte offset of the structure that was cut off
   * @param what what was being read, e.g. "section"
   * @param declared how many bytes it declares, or -1 if unknown (cut inside its length)
   * @param actual how many of them were present
   */
  public TruncatedCarException(long offset, String what, long declared, long actual) {
    super("Truncated CAR: " + what + " at offset " + Car.fmt(offset)
        + (declared >= 0 ? " declares " + Car.fmt(declared) + " bytes, got " + Car.fmt(actual)
            : " is cut off after " + Car.fmt(actual) + " byte(s)"));
    this.offset = offset;
    this.declared = declared;
    this.actual = actual;
  }

  /** @return byte offset of the structure that was cut off */
  public long offset() {
    return offset;
  }

  /** @return how many bytes the structure declares, or -1 if the cut was inside its length */
  public long declared() {
    return declared;
  }

  /** @return how many bytes of it were present */
  public long actual() {
    return actual;
  }
}

package io.carmint.car;

/**
 * A length varint in a CAR (header length, section length, CARv2 index codec) is not a valid multiformats unsigned
 * varint: not minimally encoded, longer than 9 bytes, or above 2<sup>63</sup>-1. Go-car and js-car reject these
 * too; the file was not written by a conforming writer.
 */
public final class CarVarintException extends CarFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * @param offset byte offset of the first byte of the varint
   * @param what which length it was meant to be, e.g. "section length"
   * @param problem what is wrong with it, e.g. "not minimal"
   */
  public CarVarintException(long offset, String what, String problem) {
    super(offset, "Invalid " + what + " varint at offset " + Car.fmt(offset) + ": " + problem);
  }
}

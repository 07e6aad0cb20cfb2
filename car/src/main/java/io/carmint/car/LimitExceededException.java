package io.carmint.car;

import java.io.IOException;

/**
 * A length read from the input is above a configured limit, so it was rejected before anything was allocated.
 * The input may be valid but unusually large, or hostile. The message names the limit and how to raise it (for
 * example {@code CarReadOptions.builder().maxSectionSize(…)}).
 */
public final class LimitExceededException extends IOException {
  private static final long serialVersionUID = 1L;
  private final long offset;
  private final long declared;
  private final long limit;

  /**
   * @param offset byte offset of the length that is too large, or -1 if unknown
   * @param what what the length is of, e.g. "section"
   * @param declared the length read
   * @param limit the configured limit
   * @param howToRaise how to raise the limit, e.g. "CarReadOptions.builder().maxSectionSize(…)"
   */
  public LimitExceededException(long offset, String what, long declared, long limit, String howToRaise) {
    super(what + (offset >= 0 ? " at offset " + Car.fmt(offset) : "") + " declares " + Car.fmt(declared)
        + " bytes, above the limit of " + Car.fmt(limit) + "; if the file is trusted, raise it with " + howToRaise);
    this.offset = offset;
    this.declared = declared;
    this.limit = limit;
  }

  /** @return byte offset of the length that is too large, or -1 if unknown */
  public long offset() {
    return offset;
  }

  /** @return the length read from the input */
  public long declared() {
    return declared;
  }

  /** @return the configured limit */
  public long limit() {
    return limit;
  }
}

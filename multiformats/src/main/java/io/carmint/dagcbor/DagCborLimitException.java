package io.carmint.dagcbor;

import java.io.IOException;

/**
 * Thrown when DAG-CBOR input is nested deeper, or declares a longer string or collection, than the configured
 * {@link DagCborDecodeOptions} allow. Raised before anything of that size is allocated. The input may be valid
 * but unusually large, or hostile; the message names the limit and how to raise it.
 */
public final class DagCborLimitException extends IOException {
  private static final long serialVersionUID = 1L;
  private final long offset;
  private final long actual;
  private final long limit;

  /**
   * @param offset byte offset of the item that goes over the limit
   * @param what what was measured, e.g. "nesting depth"
   * @param actual the value found
   * @param limit the configured limit
   * @param howToRaise how to raise the limit, e.g. {@code DagCborDecodeOptions.builder().maxDepth(…)}
   */
  public DagCborLimitException(long offset, String what, long actual, long limit, String howToRaise) {
    super("DAG-CBOR " + what + " at offset " + offset + " is " + actual + ", above the limit of " + limit
        + "; if the data is trusted, raise it with " + howToRaise);
    this.offset = offset;
    this.actual = actual;
    this.limit = limit;
  }

  /** @return byte offset of the item that goes over the limit */
  public long offset() {
    return offset;
  }

  /** @return the depth or length found in the input */
  public long actual() {
    return actual;
  }

  /** @return the configured limit */
  public long limit() {
    return limit;
  }
}

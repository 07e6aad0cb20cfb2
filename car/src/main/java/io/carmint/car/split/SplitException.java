package io.carmint.car.split;

import java.io.IOException;

/**
 * A CAR cannot be split by the treewalk rule: it has no single root, a block reachable from the root is missing,
 * or a block's codec cannot be walked. (A block that does not fit in a piece with its ancestors is a
 * {@link io.carmint.multiformats.LimitExceededException}: a larger piece size splits it.)
 */
public final class SplitException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param message what prevents the split and, where there is one, the remedy */
  public SplitException(String message) {
    super(message);
  }

  /**
   * @param message what prevents the split
   * @param cause the underlying failure
   */
  public SplitException(String message, Throwable cause) {
    super(message, cause);
  }
}

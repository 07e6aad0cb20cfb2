package io.carmint.unixfs;

import io.carmint.multiformats.Cid;
import java.util.Objects;

/**
 * A node that has been written, as a parent links to it.
 *
 * @param cid its CID
 * @param dagSize cumulative size of its DAG: its block plus all descendant blocks (a link's Tsize)
 */
public record WrittenNode(Cid cid, long dagSize) {
  /**
   * @param cid its CID
   * @param dagSize cumulative size of its DAG: its block plus all descendant blocks (a link's Tsize)
   * @throws IllegalArgumentException if {@code dagSize} is negative
   */
  public WrittenNode {
    Objects.requireNonNull(cid, "cid");
    if (dagSize < 0) {
      throw new IllegalArgumentException("dagSize must be non-negative, got " + dagSize);
    }
  }
}

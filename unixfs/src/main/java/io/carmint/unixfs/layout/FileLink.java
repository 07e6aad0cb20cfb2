package io.carmint.unixfs.layout;

import io.carmint.multiformats.Cid;
import java.util.Objects;

/**
 * A written node of a file DAG, as its parent links to it.
 *
 * @param cid the node's CID
 * @param fileSize bytes of file content under the node (the parent's {@code blocksizes} entry)
 * @param dagSize cumulative size of the node's DAG: its block plus all descendant blocks (the link's Tsize)
 */
public record FileLink(Cid cid, long fileSize, long dagSize) {
  /**
   * @param cid the node's CID
   * @param fileSize bytes of file content under the node (the parent's {@code blocksizes} entry)
   * @param dagSize cumulative size of the node's DAG: its block plus all descendant blocks (the link's Tsize)
   * @throws IllegalArgumentException if a size is negative
   */
  public FileLink {
    Objects.requireNonNull(cid, "cid");
    if (fileSize < 0 || dagSize < 0) {
      throw new IllegalArgumentException("sizes must be non-negative: fileSize " + fileSize + ", dagSize " + dagSize);
    }
  }
}

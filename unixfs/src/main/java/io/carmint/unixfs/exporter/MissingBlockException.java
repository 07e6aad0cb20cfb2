package io.carmint.unixfs.exporter;

import io.carmint.multiformats.Cid;
import java.io.IOException;

/** Thrown when a block the DAG links to is not in the block source: the DAG is incomplete. */
public final class MissingBlockException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Cid cid;

  /**
   * @param cid the missing block
   * @param where which entry or node needed it
   */
  public MissingBlockException(Cid cid, String where) {
    super("Block " + cid + " is missing (needed by " + where + ")");
    this.cid = cid;
  }

  /** @return the missing block's CID */
  public Cid cid() {
    return cid;
  }
}

package io.carmint.unixfs.exporter;

import io.carmint.multiformats.Cid;
import java.io.IOException;

/** Thrown when a block's bytes do not hash to its CID, or the source returned a block for another CID. */
public final class CorruptBlockException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Cid cid;

  /**
   * @param cid the CID asked for
   * @param message what is wrong
   */
  public CorruptBlockException(Cid cid, String message) {
    super(message);
    this.cid = cid;
  }

  /** @return the CID asked for */
  public Cid cid() {
    return cid;
  }
}

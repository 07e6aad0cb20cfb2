package io.carmint.unixfs.exporter;

import io.carmint.multiformats.Cid;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One entry of a directory, as its link records it.
 *
 * @param name the entry name (for a HAMT, without the bucket prefix); not checked for path safety here
 * @param cid the entry's CID
 * @param tsize the cumulative DAG size the link declares, if any (not verified)
 */
public record DirectoryEntry(String name, Cid cid, OptionalLong tsize) {
  /**
   * @param name the entry name (for a HAMT, without the bucket prefix); not checked for path safety here
   * @param cid the entry's CID
   * @param tsize the cumulative DAG size the link declares, if any (not verified)
   * @throws NullPointerException if a component is null
   */
  public DirectoryEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(tsize, "tsize");
  }
}

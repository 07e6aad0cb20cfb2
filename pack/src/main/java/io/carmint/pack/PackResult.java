package io.carmint.pack;

import io.carmint.multiformats.Cid;
import io.carmint.unixfs.importer.ImportResult;
import java.util.Objects;

/**
 * What {@link CarPacker} produced.
 *
 * @param root the root CID, the single root in the CAR's header
 * @param carBytes bytes of the CAR written
 * @param blocks sections written
 * @param duplicates blocks the importer produced again and the writer skipped (written once)
 * @param imported the importer's own counts (content bytes, DAG size, blocks produced)
 */
public record PackResult(Cid root, long carBytes, long blocks, long duplicates, ImportResult imported) {
  /**
   * Checks the parts are present.
   *
   * @param root the root CID, the single root in the CAR's header
   * @param carBytes bytes of the CAR written
   * @param blocks sections written
   * @param duplicates blocks the importer produced again and the writer skipped (written once)
   * @param imported the importer's own counts (content bytes, DAG size, blocks produced)
   */
  public PackResult {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(imported, "imported");
  }
}

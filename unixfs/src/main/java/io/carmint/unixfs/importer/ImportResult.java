package io.carmint.unixfs.importer;

import io.carmint.multiformats.Cid;
import java.util.Objects;

/**
 * What an import made.
 *
 * @param root the root CID (the last block written)
 * @param dagSize cumulative size of the DAG in bytes: the root block plus every block under it, counting a block
 *     once per link to it (the Tsize a parent would record)
 * @param contentBytes file bytes read
 * @param blocks blocks written to the sink, repeats included
 * @param blockBytes bytes of those blocks
 */
public record ImportResult(Cid root, long dagSize, long contentBytes, long blocks, long blockBytes) {
  /**
   * @param root the root CID (the last block written)
   * @param dagSize cumulative size of the DAG in bytes: the root block plus every block under it, counting a block once
   *     per link to it (the Tsize a parent would record)
   * @param contentBytes file bytes read
   * @param blocks blocks written to the sink, repeats included
   * @param blockBytes bytes of those blocks
   * @throws NullPointerException if {@code root} is null
   */
  public ImportResult {
    Objects.requireNonNull(root, "root");
  }
}

package io.carmint.block;

import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.util.Optional;

/**
 * Random access to blocks by CID: a CAR file, a blockstore, a map. Readers such as the UnixFS exporter and the
 * DAG walker get blocks through it.
 *
 * <p>Implementations say whether they are thread-safe; a reader that is thread-safe "if its source is" inherits it.
 */
@FunctionalInterface
public interface BlockSource {
  /**
   * @return the block with this CID, or empty if the source does not hold it
   * @throws IOException if the source fails or holds corrupt data for that CID
   */
  Optional<Block> get(Cid cid) throws IOException;

  /**
   * @return whether the source holds the block; by default {@code get(cid).isPresent()}
   * @throws IOException if the source fails
   */
  default boolean has(Cid cid) throws IOException {
    return get(cid).isPresent();
  }
}

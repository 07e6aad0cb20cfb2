package io.carmint.block;

import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Random access to blocks by CID: a CAR file, a blockstore, a map. Readers such as the UnixFS exporter and the
 * DAG walker get blocks through it.
 *
 * <p>Implementations say whether they are thread-safe; a reader that is thread-safe "if its source is" inherits it.
 */
@FunctionalInterface
public interface BlockSource {
  /**
   * @param cid the block's CID
   * @return the block with this CID, or empty if the source does not hold it
   * @throws IOException if the source fails or holds corrupt data for that CID
   */
  Optional<Block> get(Cid cid) throws IOException;

  /**
   * @param cid the block's CID
   * @return whether the source holds the block; by default {@code get(cid).isPresent()}
   * @throws IOException if the source fails
   */
  default boolean has(Cid cid) throws IOException {
    return get(cid).isPresent();
  }

  /**
   * @param cid the block's CID
   * @return the length of the block's bytes, without reading them if the source can tell (a CAR file knows it from
   *     its index); empty if the source does not hold it. By default {@code get(cid)}'s length. A source that
   *     verifies blocks may answer for a block it would then refuse to return.
   * @throws IOException if the source fails
   */
  default OptionalLong length(Cid cid) throws IOException {
    Optional<Block> b = get(cid);
    return b.isPresent() ? OptionalLong.of(b.get().length()) : OptionalLong.empty();
  }

  /**
   * @return how many bytes the source holds in all, if it knows (a CAR file: its size); empty by default. Readers
   *     that expand a DAG (unpacking it, splitting it with repeated blocks) bound their output by it: content far
   *     larger than the blocks it comes from is a DAG that links the same blocks many times.
   */
  default OptionalLong totalBytes() {
    return OptionalLong.empty();
  }
}

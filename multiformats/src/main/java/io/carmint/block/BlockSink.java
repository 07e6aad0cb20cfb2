package io.carmint.block;

import java.io.IOException;

/**
 * Where a producer of blocks (the importer, a CAR reader) puts them as it makes them, in its own order. A CAR
 * writer, a blockstore or a counter are sinks.
 *
 * <p>Implementations say whether they are thread-safe; producers call {@link #put} from one thread at a time
 * unless they document otherwise.
 */
@FunctionalInterface
public interface BlockSink {
  /**
   * Accepts one block. The sink may keep the block; blocks are immutable.
   *
   * @throws IOException if the block cannot be stored
   */
  void put(Block block) throws IOException;

  /** A sink that drops every block: for computing a CID only. */
  static BlockSink discard() {
    return block -> { };
  }
}

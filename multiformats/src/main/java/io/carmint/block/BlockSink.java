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
   * @param block the block
   * @throws IOException if the block cannot be stored
   */
  void put(Block block) throws IOException;

  /**
   * Whether this sink may still use a block's bytes after {@link #put} has returned (it keeps the block, or
   * queues it for later). A sink that answers {@code false} has written or copied all it needs of the bytes by the
   * time {@code put} returns (it may keep the CID), so a producer may reuse the memory behind the block for the
   * next one: the importer then reads every chunk into one of a few recycled buffers instead of a new array.
   *
   * @return {@code true} (the safe default) unless the sink is done with the bytes when {@code put} returns
   */
  default boolean retainsBlocks() {
    return true;
  }

  /**
   * {@return a sink that drops every block: for computing a CID only} It {@linkplain #retainsBlocks() retains}
   * nothing.
   */
  static BlockSink discard() {
    return DiscardSink.INSTANCE;
  }
}


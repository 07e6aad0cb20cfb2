package io.carmint.unixfs.exporter;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.block.BlockSource;
import io.carmint.multiformats.Cid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Test helper: an in-memory block store that is both the importer's sink and the exporter's source. */
public final class MemoryBlocks implements BlockSink, BlockSource {
  public final Map<Cid, Block> blocks = new LinkedHashMap<>();

  @Override
  public void put(Block block) {
    blocks.put(block.cid(), block);
  }

  @Override
  public Optional<Block> get(Cid cid) {
    return Optional.ofNullable(blocks.get(cid));
  }
}

package io.carmint.client.gateway;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.car.CarReader;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * A CAR answer in depth-first order with duplicates ({@code order=dfs; dups=y}), read as the walk asks: every block
 * must be exactly the one the walk needs next. The reader hashes each block against its CID; this class checks the
 * CID is the expected one, and after the walk that nothing follows. Memory: one block.
 */
final class CarStreamFeed extends BlockFeed {
  private final CarReader reader;
  private final Duration readTimeout;

  CarStreamFeed(URI gateway, Job job, Limits limits, FetchListener listener, BlockSink copy, CarReader reader,
      Duration readTimeout) {
    super(gateway, job, limits, listener, copy);
    this.reader = reader;
    this.readTimeout = readTimeout;
  }

  @Override
  RetrievalMode mode() {
    return RetrievalMode.CAR;
  }

  @Override
  Block receive(Cid cid) throws IOException {
    Block b = next(cid);
    if (b == null) {
      return null;
    }
    if (!b.cid().equals(cid)) {
      throw new GatewayException(gateway, cid, GatewayException.Reason.UNEXPECTED_BLOCK, "sent block " + b.cid()
          + " where the DAG needs block " + cid + " next (after " + fmt(blocks()) + " verified blocks; a block "
          + "left out, added or repeated, or another DAG)", null);
    }
    return b;
  }

  @Override
  void finish() throws IOException {
    Block extra = next(null);
    if (extra != null) {
      throw new GatewayException(gateway, extra.cid(), GatewayException.Reason.EXTRA_BLOCK, "sent block "
          + extra.cid() + " after the last block the DAG needs (" + fmt(blocks()) + " verified blocks)", null);
    }
  }

  private Block next(Cid awaited) throws IOException {
    try {
      return reader.next();
    } catch (IOException e) {
      throw Failures.reading(gateway, job, readTimeout, awaited, e);
    }
  }
}

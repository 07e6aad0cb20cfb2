package io.carmint.client.gateway;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.block.BlockSource;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.LimitExceededException;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The blocks of one gateway's answer, handed to the UnixFS walk one request at a time: the walk asks for the block
 * it needs next, the feed answers with a verified block of that CID or with nothing (then the walk fails with a
 * missing block). Subclasses get the block (the next one of a streamed CAR, or one HTTP request); this class
 * counts blocks and bytes against the limits, tells the listener, copies each block to the output CAR, and answers
 * identity CIDs from the CID itself (gateways must not send them).
 *
 * <p>One block can be asked for twice in a row on purpose: {@link #repeatLast} arms a replay of the last block, for
 * a walk that describes a node before reading it. Not thread-safe: the walk's thread alone calls it.
 */
abstract class BlockFeed implements BlockSource {
  final URI gateway;
  final Job job;
  private final Limits limits;
  private final FetchListener listener;
  private final BlockSink copy;
  private Block last;
  private boolean repeat;
  private long blocks;
  private long bytes;

  /** The counting limits of one fetch. */
  record Limits(long maxBlocks, long maxBytes) {
  }

  BlockFeed(URI gateway, Job job, Limits limits, FetchListener listener, BlockSink copy) {
    this.gateway = gateway;
    this.job = job;
    this.limits = limits;
    this.listener = listener;
    this.copy = copy;
  }

  /**
   * Gets the block {@code cid} from the gateway.
   *
   * @return the block, verified against {@code cid}; null if the answer holds no more blocks
   * @throws GatewayException if the gateway's answer is wrong or fails
   * @throws java.io.InterruptedIOException if the job was cancelled
   */
  abstract Block receive(Cid cid) throws IOException;

  /**
   * Checks, after the walk, that the gateway sent nothing more.
   *
   * @throws GatewayException if it did
   */
  abstract void finish() throws IOException;

  /** @return the retrieval mode */
  abstract RetrievalMode mode();

  /** Releases what the feed holds beyond the walk (calls in flight, blocks fetched ahead); called once it ended. */
  void close() {
  }

  @Override
  public final Optional<Block> get(Cid cid) throws IOException {
    job.check();
    if (repeat) {
      repeat = false;
      if (last != null && last.cid().equals(cid)) {
        return Optional.of(last);
      }
    }
    if (cid.multihash().code() == HashFunction.IDENTITY.code()) {
      return Optional.of(Block.wrap(cid, cid.multihash().digest()));
    }
    Block b = receive(cid);
    if (b == null) {
      return Optional.empty();
    }
    blocks++;
    bytes += b.length();
    if (blocks > limits.maxBlocks()) {
      throw new LimitExceededException("The fetch reached its " + fmt(blocks) + "th block at " + cid,
          "TrustlessGatewayClient.Builder.maxBlocks", limits.maxBlocks(), blocks, -1);
    }
    if (bytes > limits.maxBytes()) {
      throw new LimitExceededException("The fetch reached " + fmt(bytes) + " bytes of blocks at " + cid,
          "TrustlessGatewayClient.Builder.maxBytes", limits.maxBytes(), bytes, -1);
    }
    if (copy != null) {
      copy.put(b);
    }
    listener.onBlock(cid, b.length(), blocks, bytes);
    last = b;
    return Optional.of(b);
  }

  /** The next {@link #get} of the last block's CID answers with that block again, without receiving it. */
  void repeatLast() {
    repeat = true;
  }

  /** @return blocks received so far */
  long blocks() {
    return blocks;
  }

  /** @return bytes of blocks received so far */
  long bytes() {
    return bytes;
  }

  static String fmt(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}

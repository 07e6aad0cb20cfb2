package io.carmint.testkit;

import io.carmint.block.Block;
import io.carmint.block.BlockSource;
import io.carmint.car.dag.LinkDecoder;
import io.carmint.car.dag.LinkDecoders;
import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.DagPbFormatException;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.UnixFsFormatException;
import io.carmint.unixfs.UnixFsType;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hands the blocks of a path's terminal entity to a sink, depth first in link order ({@code order=dfs}), as a
 * {@code dag-scope} asks:
 *
 * <ul>
 *   <li>{@code block}: the terminal block.
 *   <li>{@code entity}: a UnixFS file's blocks (all, or with {@code entity-bytes} only those holding bytes of the
 *       range, with the nodes above them); a HAMT directory's shards, not its entries; anything else its block.
 *   <li>{@code all}: every block reachable through raw, dag-pb and dag-cbor links.
 * </ul>
 *
 * <p>With {@code dups=n} a block already sent is not sent again, and the sub-DAG under it is not walked again (it was
 * sent whole the first time); the CIDs sent are kept for that, so memory grows with the DAG's distinct blocks (about
 * 100 bytes each: 1 GiB of 1 MiB chunks is about 1,100 CIDs). With {@code dups=y} every block is sent each time the
 * walk meets it and nothing is kept but the path from the root. Blocks with identity CIDs are never sent (their
 * bytes are in the CID). A block that is missing stops the walk with a {@link MissingBlock}.
 *
 * <p>Memory besides the CIDs sent: the links of one block per level of the DAG, at most {@value #MAX_DEPTH} levels.
 * Not thread-safe; one walk per instance.
 */
final class DagWalk {
  /** Deepest DAG walked: 4,096 levels (UnixFS files of 1,000 GiB are 3 levels deep; a chain is an attack). */
  static final int MAX_DEPTH = 4096;
  private static final LinkDecoder LINKS = LinkDecoders.standard();

  /** Receives the blocks in the order of the stream. */
  interface Sink {
    void put(Block block) throws IOException;
  }

  /** A block the walk needs is not stored: the stream ends there. */
  static final class MissingBlock extends IOException {
    private static final long serialVersionUID = 1L;

    MissingBlock(Cid cid) {
      super("Block " + cid + " is not held by this gateway: the DAG is incomplete");
    }
  }

  private final BlockSource blocks;
  private final Sink sink;
  private final boolean dups;
  private final Set<Cid> sent = new HashSet<>();

  DagWalk(BlockSource blocks, Sink sink, boolean dups) {
    this.blocks = blocks;
    this.sink = sink;
    this.dups = dups;
  }

  /**
   * Sends the terminal block and what {@code scope} adds to it.
   *
   * @param range for a file in {@code entity} scope, the first and last byte offsets to cover; null for all
   */
  void walk(Block terminal, CarRequest.Scope scope, long[] range) throws IOException {
    if (scope == CarRequest.Scope.BLOCK) {
      emit(terminal);
      return;
    }
    if (scope == CarRequest.Scope.ALL) {
      all(terminal);
      return;
    }
    Optional<UnixFsData> unixfs = unixfs(terminal);
    if (unixfs.isEmpty()) {
      emit(terminal);
      return;
    }
    UnixFsType type = unixfs.get().type();
    if (type == UnixFsType.FILE || type == UnixFsType.RAW) {
      file(terminal, range);
    } else if (type == UnixFsType.HAMT_SHARD) {
      shards(terminal, unixfs.get());
    } else {
      emit(terminal);
    }
  }

  /** @return whether a first sighting (always with {@code dups=y}) */
  private boolean emit(Block block) throws IOException {
    if (!dups && !sent.add(block.cid())) {
      return false;
    }
    if (!block.cid().multihash().isIdentity()) {
      sink.put(block);
    }
    return true;
  }

  private Block load(Cid cid) throws IOException {
    return blocks.get(cid).orElseThrow(() -> new MissingBlock(cid));
  }

  private static void checkDepth(ArrayDeque<?> stack, Cid at) throws IOException {
    if (stack.size() >= MAX_DEPTH) {
      throw new IOException("The DAG under " + at + " is deeper than " + MAX_DEPTH + " levels; the walk stops");
    }
  }

  /** {@code dag-scope=all}: every reachable block, depth first. */
  private void all(Block root) throws IOException {
    ArrayDeque<Iterator<Cid>> stack = new ArrayDeque<>();
    if (emit(root)) {
      stack.push(links(root));
    }
    while (!stack.isEmpty()) {
      Iterator<Cid> it = stack.peek();
      if (!it.hasNext()) {
        stack.pop();
        continue;
      }
      Cid next = it.next();
      if (!dups && sent.contains(next)) {
        continue;
      }
      Block b = load(next);
      if (emit(b)) {
        checkDepth(stack, next);
        stack.push(links(b));
      }
    }
  }

  private static Iterator<Cid> links(Block b) throws IOException {
    long codec = b.cid().codecCode();
    return LINKS.supports(codec) ? LINKS.links(b).iterator() : List.<Cid>of().iterator();
  }

  /** A file node being walked: its links, their sizes, the next link, the offset of that link's first byte. */
  private static final class FileFrame {
    final List<PbLink> links;
    final List<Long> sizes;
    int next;
    long offset;

    FileFrame(List<PbLink> links, List<Long> sizes, long offset) {
      this.links = links;
      this.sizes = sizes;
      this.offset = offset;
    }
  }

  /** A UnixFS file's blocks, or with a range only the leaves holding its bytes and the nodes above them. */
  private void file(Block root, long[] range) throws IOException {
    ArrayDeque<FileFrame> stack = new ArrayDeque<>();
    enterFile(root, 0, range, stack);
    while (!stack.isEmpty()) {
      FileFrame f = stack.peek();
      if (f.next >= f.links.size()) {
        stack.pop();
        continue;
      }
      int i = f.next++;
      long start = f.offset;
      long size = i < f.sizes.size() ? f.sizes.get(i) : -1;
      f.offset += Math.max(0, size);
      boolean needed = range == null || (size > 0 && start <= range[1] && start + size - 1 >= range[0]);
      if (!needed) {
        continue;
      }
      Cid child = f.links.get(i).hash();
      if (range == null && !dups && sent.contains(child)) {
        continue;  // sent whole before: a repeated chunk or sub-tree
      }
      checkDepth(stack, child);
      enterFile(load(child), start, range, stack);
    }
  }

  private void enterFile(Block b, long offset, long[] range, ArrayDeque<FileFrame> stack) throws IOException {
    emit(b);
    Optional<PbNode> pb = dagPb(b);
    if (pb.isEmpty() || pb.get().links().isEmpty()) {
      return;
    }
    Optional<UnixFsData> data = unixfs(pb.get());
    if (data.isEmpty()) {
      return;
    }
    long inline = data.get().data().map(Bytes::length).orElse(0);
    stack.push(new FileFrame(pb.get().links(), data.get().blocksizes(), offset + inline));
  }

  /** A HAMT directory's shard blocks (links named by a bucket prefix alone), not its entries. */
  private void shards(Block root, UnixFsData rootData) throws IOException {
    int prefix = Long.toHexString(Math.max(1, rootData.fanout().orElse(256) - 1)).length();
    ArrayDeque<Iterator<PbLink>> stack = new ArrayDeque<>();
    emit(root);
    stack.push(dagPb(root).map(PbNode::links).orElse(List.of()).iterator());
    while (!stack.isEmpty()) {
      Iterator<PbLink> it = stack.peek();
      if (!it.hasNext()) {
        stack.pop();
        continue;
      }
      PbLink l = it.next();
      if (l.name().map(String::length).orElse(-1) != prefix) {
        continue;  // an entry: it belongs to the child entity, not to the directory
      }
      if (!dups && sent.contains(l.hash())) {
        continue;
      }
      Block shard = load(l.hash());
      emit(shard);
      checkDepth(stack, l.hash());
      stack.push(dagPb(shard).map(PbNode::links).orElse(List.of()).iterator());
    }
  }

  private static Optional<PbNode> dagPb(Block b) {
    if (b.cid().codecCode() != Multicodec.DAG_PB.code()) {
      return Optional.empty();
    }
    try {
      return Optional.of(DagPb.decode(b));
    } catch (DagPbFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<UnixFsData> unixfs(PbNode node) {
    if (node.data().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UnixFsData.decode(node.data().get()));
    } catch (UnixFsFormatException e) {
      return Optional.empty();
    }
  }

  /** @return the UnixFS data of a dag-pb block, or empty for other codecs and blocks that are not UnixFS */
  static Optional<UnixFsData> unixfs(Block b) {
    return dagPb(b).flatMap(DagWalk::unixfs);
  }

  /** @return a UnixFS file's size (a raw block's length), or -1 if the block is not a file */
  static long fileSize(Block b) {
    if (b.cid().codecCode() == Multicodec.RAW.code()) {
      return b.length();
    }
    Optional<UnixFsData> d = unixfs(b);
    if (d.isEmpty() || (d.get().type() != UnixFsType.FILE && d.get().type() != UnixFsType.RAW)) {
      return -1;
    }
    if (d.get().filesize().isPresent()) {
      return d.get().filesize().getAsLong();
    }
    long total = d.get().data().map(Bytes::length).orElse(0);
    for (long s : d.get().blocksizes()) {
      total += s;
    }
    return total;
  }
}

package io.carmint.unixfs.importer;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Varint;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.WrittenNode;
import io.carmint.unixfs.chunk.ChunkReader;
import io.carmint.unixfs.chunk.FixedSizeChunker;
import io.carmint.unixfs.hamt.HamtShard;
import io.carmint.unixfs.importer.Tree.DirNode;
import io.carmint.unixfs.importer.Tree.FileNode;
import io.carmint.unixfs.importer.Tree.Node;
import io.carmint.unixfs.importer.Tree.SymlinkNode;
import io.carmint.unixfs.layout.FileBuilder;
import io.carmint.unixfs.layout.FileLink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One import: walks the tree on the calling thread, reading chunks and handing leaf hashing to a pool, and
 * consumes the results strictly in order (layouts, directories, block sink), also on the calling thread. At most
 * {@code maxPendingLeaves} chunks are in flight, so memory is bounded by chunk size × that, whatever the input
 * size; the output is identical to hashing sequentially. When the sink does not retain blocks (a CAR writer, the
 * discarding sink), the chunk buffers are recycled once the sink has taken a leaf, so a whole import allocates
 * about {@code maxPendingLeaves + 2} of them.
 */
final class ImportRun {
  /** Bytes reserved before a dag-pb leaf's data for its framing: {@code 0a L 08 02 12 N} needs at most 14. */
  private static final int LEAF_HEADER_RESERVE = 16;
  /** Bytes reserved after a dag-pb leaf's data for its filesize field: {@code 18 N}, at most 11. */
  private static final int LEAF_TRAILER_RESERVE = 11;
  /**
   * Chunks shorter than this (64 KiB) are hashed on the calling thread: handing a chunk to a pool thread and waking
   * it costs about as much as hashing some 16 KiB, so a folder of small files is faster without the hand-off.
   */
  static final int INLINE_HASH_MAX = 64 * 1024;
  private static final byte[] DIRECTORY_DATA = UnixFsData.directory().encode();

  private final ImportProfile profile;
  private final BlockSink sink;
  private final ExecutorService executor; // null: hash on the calling thread
  private final int maxPendingLeaves;
  private final HashFunction hash;
  private final int chunkSize;
  private final ArrayDeque<Event> queue = new ArrayDeque<>();
  private int pendingLeaves;
  /** Bytes around a chunk's data in its buffer, for the dag-pb framing of a leaf (0 with raw leaves). */
  private final int head;
  private final int tail;
  /** Whether a leaf's buffer may be reused once the sink has taken the leaf (the sink does not retain blocks). */
  private final boolean recycle;
  /** Chunk buffers ({@code head + chunkSize + tail} bytes) ready for reuse; touched by the calling thread only. */
  private final ArrayDeque<byte[]> freeBuffers = new ArrayDeque<>();
  /** The same as direct buffers, for files read through a channel; touched by the calling thread only. */
  private final ArrayDeque<ByteBuffer> freeDirectBuffers = new ArrayDeque<>();

  private FileBuilder file;
  private FileLink lastShortLeaf;

  long blocks;
  long blockBytes;
  long contentBytes;

  ImportRun(ImportProfile profile, BlockSink sink, ExecutorService executor, int maxPendingLeaves) {
    this.profile = profile;
    this.sink = sink;
    this.executor = executor;
    this.maxPendingLeaves = maxPendingLeaves;
    this.hash = profile.hashFunction();
    this.chunkSize = profile.chunker().maxChunkSize();
    this.head = profile.rawLeaves() ? 0 : LEAF_HEADER_RESERVE;
    this.tail = profile.rawLeaves() ? 0 : LEAF_TRAILER_RESERVE;
    this.recycle = !sink.retainsBlocks();
  }

  // ------------------------------------------------------------------------------------------------ events

  private abstract static class Event {}

  private static final class FileStart extends Event {}

  private static final class Leaf extends Event {
    final Future<Block> block;
    final int contentLength;
    final boolean lastShort;
    final Chunk reusable; // the chunk whose buffer is recycled once the sink has the block, or null

    Leaf(Future<Block> block, int contentLength, boolean lastShort, Chunk reusable) {
      this.block = block;
      this.contentLength = contentLength;
      this.lastShort = lastShort;
      this.reusable = reusable;
    }
  }

  private static final class FileEnd extends Event {
    final FileNode node;
    final FileChannel channel; // the file's channel, open until its chunks are consumed, or null

    FileEnd(FileNode node, FileChannel channel) {
      this.node = node;
      this.channel = channel;
    }
  }

  private static final class SymlinkEvent extends Event {
    final SymlinkNode node;

    SymlinkEvent(SymlinkNode node) {
      this.node = node;
    }
  }

  private static final class DirEnd extends Event {
    final DirNode node;

    DirEnd(DirNode node) {
      this.node = node;
    }
  }

  // ------------------------------------------------------------------------------------------------ driver

  /** Imports {@code root} and, if the profile says so, wraps it under {@code wrapName}. */
  WrittenNode run(Node root, String wrapName) throws IOException {
    boolean ok = false;
    try {
      produce(root);
      drain(true);
      WrittenNode result = root.result;
      if (profile.wrap()) {
        if (wrapName == null || wrapName.isEmpty()) {
          throw new IllegalArgumentException("Cannot wrap the input in a directory: it has no name");
        }
        Tree.checkName(wrapName, wrapName);
        DirNode wrapper = new DirNode("");
        wrapper.children.put(wrapName, root);
        result = writeDirectory(wrapper);
      }
      ok = true;
      return result;
    } finally {
      if (!ok) {
        for (Event e : queue) {
          if (e instanceof Leaf l) {
            l.block.cancel(false);
          } else if (e instanceof FileEnd fe && fe.channel != null) {
            closeQuietly(fe.channel); // a chunk still being read fails, and nobody waits for it
          }
        }
        queue.clear();
      }
    }
  }

  private void produce(Node node) throws IOException {
    if (node instanceof FileNode f) {
      produceFile(f);
    } else if (node instanceof SymlinkNode s) {
      enqueue(new SymlinkEvent(s));
    } else {
      DirNode d = (DirNode) node;
      for (Node child : d.children.values()) {
        produce(child);
      }
      enqueue(new DirEnd(d));
    }
  }

  private void produceFile(FileNode f) throws IOException {
    enqueue(new FileStart());
    if (recycle && f.path != null && f.sizeHint >= INLINE_HASH_MAX && profile.chunker() instanceof FixedSizeChunker) {
      produceFileFromChannel(f);
      return;
    }
    long before = contentBytes;
    try (InputStream in = Tree.open(f)) {
      ChunkReader reader = profile.chunker().open(in);
      Chunk cur = read(reader);
      if (cur == null) {
        submit(new Chunk(new byte[head + tail], null, head, 0, false), true);
      } else {
        while (cur != null) {
          Chunk next = read(reader);
          submit(cur, next == null && cur.length < chunkSize);
          cur = next;
        }
      }
    }
    long read = contentBytes - before;
    if (f.path != null && f.sizeHint >= 0 && read != f.sizeHint) { // as strict as the channel path
      throw new FileChangedException(f.path, f.sizeHint, read < f.sizeHint ? "it ended at byte " + read
          : "it has more bytes now (" + read + ")");
    }
    enqueue(new FileEnd(f, null));
  }

  /**
   * Reads a file on disk through a channel into recycled direct buffers: the kernel copies straight into them, the
   * CAR writer writes straight from them, and hashing reads them in small pieces; a heap array would cost one more
   * copy each way (the JDK stages heap buffers in direct ones for I/O). Chunks are cut as {@link FixedSizeChunker}
   * cuts them, at the offsets the file's size gives, and each is read (a positional read) and hashed by the same
   * pool task: the calling thread is left to write blocks, which on a 2-core machine is then the only work that
   * does not overlap with hashing. The file must keep the size it had when the tree was read; a file that shrinks
   * or grows meanwhile fails the import ({@link FileChangedException}). Only for files of 64 KiB or more: a small
   * file's chunk is hashed on the calling thread, where hashing from a direct buffer costs a temporary array per
   * digest.
   */
  private void produceFileFromChannel(FileNode f) throws IOException {
    FileChannel ch = FileChannel.open(f.path, StandardOpenOption.READ);
    boolean queued = false;
    try {
      long size = f.sizeHint;
      for (long pos = 0; pos < size; pos += chunkSize) {
        int len = (int) Math.min(chunkSize, size - pos);
        boolean last = pos + len == size;
        ByteBuffer buf = freeDirectBuffers.poll();
        if (buf == null) {
          buf = ByteBuffer.allocateDirect(head + chunkSize + tail);
        }
        Chunk c = new Chunk(null, buf, head, len, true);
        long at = pos;
        Callable<Block> task = () -> {
          readChunk(ch, f, c, at, last);
          return leaf(c);
        };
        contentBytes = Math.addExact(contentBytes, len);
        Future<Block> block = executor == null ? done(task) : executor.submit(task);
        enqueue(new Leaf(block, len, last && len < chunkSize, c));
      }
      enqueue(new FileEnd(f, ch)); // the channel is closed when this is consumed, after the file's last chunk
      queued = true;
    } finally {
      if (!queued) {
        closeQuietly(ch);
      }
    }
  }

  /** Reads {@code c.length} bytes at {@code pos} into the chunk's buffer; after the last chunk, checks the end. */
  private static void readChunk(FileChannel ch, FileNode f, Chunk c, long pos, boolean last) throws IOException {
    ByteBuffer dst = c.direct.duplicate().clear().position(c.offset).limit(c.offset + c.length);
    long at = pos;
    while (dst.hasRemaining()) {
      int n = ch.read(dst, at);
      if (n < 0) {
        throw new FileChangedException(f.path, f.sizeHint, "it ended at byte " + at);
      }
      at += n;
    }
    if (last && ch.read(ByteBuffer.allocate(1), at) > 0) {
      throw new FileChangedException(f.path, f.sizeHint, "it has more bytes now");
    }
  }

  /** Runs {@code task} now, as a completed (or failed) future. */
  private static Future<Block> done(Callable<Block> task) {
    try {
      return CompletableFuture.completedFuture(task.call());
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // only read from; nothing to lose
    }
  }

  /**
   * A chunk's data at {@code buf[offset..offset+length)}, or at those indexes of {@code direct} when buf is null;
   * {@code pooled}: the buffer is a recyclable chunk buffer.
   */
  private record Chunk(byte[] buf, ByteBuffer direct, int offset, int length, boolean pooled) {}

  /**
   * Reads one chunk into a chunk buffer (with room for dag-pb framing when needed): a recycled one when the sink
   * does not retain blocks. Otherwise the block keeps the buffer, so a short chunk is copied into an array of its
   * size and the big buffer goes back to the pool (a directory of small files then needs one big buffer in all).
   */
  private Chunk read(ChunkReader reader) throws IOException {
    byte[] buf = freeBuffers.poll();
    if (buf == null) {
      buf = new byte[head + chunkSize + tail];
    }
    int n = reader.read(buf, head);
    if (n < 0) {
      freeBuffers.push(buf);
      return null;
    }
    contentBytes = Math.addExact(contentBytes, n);
    if (!recycle && n < chunkSize / 2) {
      byte[] exact = new byte[head + n + tail];
      System.arraycopy(buf, head, exact, head, n);
      freeBuffers.push(buf);
      return new Chunk(exact, null, head, n, false);
    }
    return new Chunk(buf, null, head, n, recycle);
  }

  private void submit(Chunk c, boolean lastShort) throws IOException {
    Future<Block> f;
    if (executor == null || c.length < INLINE_HASH_MAX) {
      f = CompletableFuture.completedFuture(leaf(c));
    } else {
      f = executor.submit(() -> leaf(c));
    }
    enqueue(new Leaf(f, c.length, lastShort, c.pooled ? c : null));
  }

  private void enqueue(Event e) throws IOException {
    queue.add(e);
    if (e instanceof Leaf) {
      pendingLeaves++;
    }
    drain(false);
  }

  /** Consumes events in order: all of them, or while the head is ready or too many chunks are in flight. */
  private void drain(boolean all) throws IOException {
    while (!queue.isEmpty()) {
      Event head = queue.peek();
      if (head instanceof Leaf l && !all && !l.block.isDone() && pendingLeaves <= maxPendingLeaves) {
        return;
      }
      queue.poll();
      consume(head);
    }
  }

  // ------------------------------------------------------------------------------------------------ consumer

  private void consume(Event e) throws IOException {
    if (e instanceof FileStart) {
      file = profile.layout().newFile(this::writeBranch);
      lastShortLeaf = null;
    } else if (e instanceof Leaf l) {
      pendingLeaves--;
      Block b = await(l.block);
      emit(b);
      if (l.reusable != null) { // the sink is done with the bytes (it does not retain blocks)
        if (l.reusable.direct != null) {
          freeDirectBuffers.push(l.reusable.direct);
        } else {
          freeBuffers.push(l.reusable.buf);
        }
      }
      FileLink link = new FileLink(b.cid(), l.contentLength, b.length());
      if (l.lastShort) {
        lastShortLeaf = link;
      } else {
        file.add(link);
      }
    } else if (e instanceof FileEnd fe) {
      if (fe.channel != null) {
        fe.channel.close();
      }
      FileLink root = file.finish(lastShortLeaf);
      file = null;
      lastShortLeaf = null;
      fe.node.result = new WrittenNode(root.cid(), root.dagSize());
    } else if (e instanceof SymlinkEvent s) {
      Bytes target = Bytes.wrap(s.node.target.getBytes(StandardCharsets.UTF_8));
      byte[] block = DagPb.encode(PbNode.of(List.of(), UnixFsData.symlink(target).encode()));
      s.node.result = new WrittenNode(writeDagPb(block), block.length);
    } else if (e instanceof DirEnd d) {
      d.node.nonEmpty = !d.node.children.isEmpty();
      d.node.result = writeDirectory(d.node);
      d.node.children = Map.of(); // the links are in the written block now
    }
  }

  private static Block await(Future<Block> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("Interrupted while hashing a chunk");
      io.initCause(ex);
      throw io;
    } catch (CancellationException ex) {
      throw new InterruptedIOException("Chunk hashing was cancelled");
    } catch (ExecutionException ex) {
      Throwable c = ex.getCause();
      if (c instanceof IOException io) {
        throw io; // a chunk read on the pool
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new AssertionError("reading and hashing a chunk throw no other checked exception", c);
    }
  }

  // ------------------------------------------------------------------------------------------------ blocks

  /** Makes a leaf block from a chunk: runs on a pool thread. */
  private Block leaf(Chunk c) {
    if (c.direct != null) {
      return directLeaf(c);
    }
    if (profile.rawLeaves()) {
      Cid cid = Cid.v1(Multicodec.RAW, hash.digest(c.buf, c.offset, c.length));
      return Block.wrap(cid, c.buf, c.offset, c.length);
    }
    int n = c.length;
    byte[] buf = c.buf;
    int start;
    int total;
    if (n == 0) {
      // {Data: {Type: File, filesize: 0}}: no Data field for the empty file
      byte[] empty = {0x0a, 0x04, 0x08, 0x02, 0x18, 0x00};
      start = c.offset - empty.length;
      System.arraycopy(empty, 0, buf, start, empty.length);
      total = empty.length;
    } else {
      byte[] frame = new byte[LEAF_HEADER_RESERVE];
      int h = leafHeader(n, frame);
      start = c.offset - h;
      System.arraycopy(frame, 0, buf, start, h);
      int t = leafTrailer(n, frame);
      System.arraycopy(frame, 0, buf, c.offset + n, t);
      total = h + n + t;
    }
    return Block.wrap(dagPbCid(buf, start, total), buf, start, total);
  }

  /** As {@link #leaf} for a chunk in a direct buffer (never empty: an empty file's leaf is a heap chunk). */
  private Block directLeaf(Chunk c) {
    ByteBuffer buf = c.direct;
    int n = c.length;
    if (profile.rawLeaves()) {
      ByteBuffer data = buf.slice(c.offset, n);
      return Block.wrap(Cid.v1(Multicodec.RAW, hash.digest(data)), data);
    }
    byte[] frame = new byte[LEAF_HEADER_RESERVE];
    int h = leafHeader(n, frame);
    int start = c.offset - h;
    buf.put(start, frame, 0, h);
    int t = leafTrailer(n, frame);
    buf.put(c.offset + n, frame, 0, t);
    ByteBuffer block = buf.slice(start, h + n + t);
    return Block.wrap(dagPbCid(block), block);
  }

  /**
   * Writes into {@code frame} the dag-pb framing that goes before a leaf's {@code n} data bytes,
   * {@code 0a L 08 02 12 N} (PBNode.Data holding UnixFS {Type: File, Data: ...}); returns its length.
   */
  private static int leafHeader(int n, byte[] frame) {
    int vn = Varint.encodedLength(n);
    int inner = 2 + 1 + vn + n + 1 + vn;
    int h = 0;
    frame[h++] = 0x0a;
    h += Varint.write(inner, frame, h);
    frame[h++] = 0x08;
    frame[h++] = 0x02;
    frame[h++] = 0x12;
    h += Varint.write(n, frame, h);
    return h;
  }

  /** Writes into {@code frame} the framing after a leaf's data, {@code 18 N} (filesize); returns its length. */
  private static int leafTrailer(int n, byte[] frame) {
    frame[0] = 0x18;
    return 1 + Varint.write(n, frame, 1);
  }

  private Cid dagPbCid(byte[] block, int off, int len) {
    return profile.cidVersion() == 0
        ? Cid.v0(HashFunction.SHA2_256.digest(block, off, len))
        : Cid.v1(Multicodec.DAG_PB, hash.digest(block, off, len));
  }

  private Cid dagPbCid(ByteBuffer block) {
    return profile.cidVersion() == 0
        ? Cid.v0(HashFunction.SHA2_256.digest(block))
        : Cid.v1(Multicodec.DAG_PB, hash.digest(block));
  }

  private Cid writeDagPb(byte[] block) throws IOException {
    Cid cid = dagPbCid(block, 0, block.length);
    emit(Block.wrap(cid, block));
    return cid;
  }

  private void emit(Block b) throws IOException {
    blocks++;
    blockBytes = Math.addExact(blockBytes, b.length());
    sink.put(b);
  }

  /** A UnixFS File node over {@code children}: the layouts' branch writer. */
  private FileLink writeBranch(List<FileLink> children) throws IOException {
    List<PbLink> links = new ArrayList<>(children.size());
    List<Long> sizes = new ArrayList<>(children.size());
    long fileSize = 0;
    long dagSize = 0;
    for (FileLink c : children) {
      links.add(PbLink.of(c.cid(), "", c.dagSize()));
      sizes.add(c.fileSize());
      fileSize = Math.addExact(fileSize, c.fileSize());
      dagSize = Math.addExact(dagSize, c.dagSize());
    }
    byte[] block = DagPb.encode(PbNode.of(links, UnixFsData.fileNode(sizes).encode()));
    return new FileLink(writeDagPb(block), fileSize, Math.addExact(block.length, dagSize));
  }

  /** Writes a directory whose children are all written: flat, or a HAMT when the profile's rule says so. */
  private WrittenNode writeDirectory(DirNode dir) throws IOException {
    List<Map.Entry<String, Node>> entries = new ArrayList<>(dir.children.entrySet());
    if (shards(entries)) {
      HamtShard shard = new HamtShard(profile.hamtFanout());
      for (Map.Entry<String, Node> e : entries) {
        shard.put(e.getKey(), e.getValue().result);
      }
      return shard.write(this::writeDagPb);
    }
    entries.sort((a, b) -> PbLink.compareNames(a.getKey(), b.getKey()));
    List<PbLink> links = new ArrayList<>(entries.size());
    long dagSize = 0;
    for (Map.Entry<String, Node> e : entries) {
      WrittenNode r = e.getValue().result;
      links.add(PbLink.of(r.cid(), e.getKey(), r.dagSize()));
      dagSize = Math.addExact(dagSize, r.dagSize());
    }
    byte[] block = DagPb.encode(PbNode.of(links, DIRECTORY_DATA));
    return new WrittenNode(writeDagPb(block), Math.addExact(block.length, dagSize));
  }

  private boolean shards(List<Map.Entry<String, Node>> entries) {
    ShardingRule rule = profile.sharding();
    long t = rule.threshold();
    switch (rule.kind()) {
      case NEVER:
        return false;
      case ENTRIES_GREATER_THAN:
        return entries.size() > t;
      case ENTRIES_AT_LEAST:
        return entries.size() >= t;
      default:
        break;
    }
    long size = rule.kind() == ShardingRule.Kind.BLOCK_BYTES_GREATER_THAN
        ? 1 + Varint.encodedLength(DIRECTORY_DATA.length) + DIRECTORY_DATA.length : 0;
    for (Map.Entry<String, Node> e : entries) {
      Node n = e.getValue();
      if (n instanceof DirNode d && d.nonEmpty) {
        continue; // ipfs-unixfs-importer has not flushed sub-directories when it estimates: they count 0
      }
      WrittenNode r = n.result;
      if (rule.kind() == ShardingRule.Kind.LINKS_BYTES_GREATER_THAN) {
        size += PbLink.utf8Length(e.getKey()) + r.cid().byteLength();
      } else {
        size += DagPb.linkEncodedLength(PbLink.of(r.cid(), e.getKey(), r.dagSize()));
      }
    }
    return size > t;
  }
}

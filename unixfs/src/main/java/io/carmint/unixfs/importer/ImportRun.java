package io.carmint.unixfs.importer;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.unixfs.WrittenNode;
import io.carmint.unixfs.chunk.ChunkReader;
import io.carmint.unixfs.chunk.FixedSizeChunker;
import io.carmint.unixfs.importer.ImportEvent.DirEnd;
import io.carmint.unixfs.importer.ImportEvent.FileEnd;
import io.carmint.unixfs.importer.ImportEvent.FileStart;
import io.carmint.unixfs.importer.ImportEvent.Leaf;
import io.carmint.unixfs.importer.ImportEvent.Symlink;
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
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One import: walks the tree on the calling thread, reading chunks and handing leaf hashing to a pool, and
 * consumes the resulting {@link ImportEvent}s strictly in order (layouts, directories, block sink), also on the
 * calling thread. At most {@code maxPendingLeaves} chunks are in flight, so memory is bounded by chunk size × that,
 * whatever the input size; the output is identical to hashing sequentially. The parts: {@link ChunkBuffers} (the
 * chunk buffers, recycled when the sink does not retain blocks), {@link LeafEncoder} (leaf blocks, on the pool),
 * {@link NodeWriter} (the sink, branch and symlink nodes), {@link DirectoryWriter} (flat or HAMT directories). Not
 * thread-safe: one run per import, driven by the calling thread.
 */
final class ImportRun {
  /**
   * Chunks shorter than this (64 KiB) are hashed on the calling thread: handing a chunk to a pool thread and waking
   * it costs about as much as hashing some 16 KiB, so a folder of small files is faster without the hand-off.
   */
  static final int INLINE_HASH_MAX = 64 * 1024;

  private final ImportProfile profile;
  private final ExecutorService executor; // null: hash on the calling thread
  private final int maxPendingLeaves;
  private final int chunkSize;
  private final ChunkBuffers buffers;
  private final LeafEncoder leaves;
  private final NodeWriter nodes;
  private final DirectoryWriter directories;
  private final ArrayDeque<ImportEvent> queue = new ArrayDeque<>();
  private int pendingLeaves;

  private FileBuilder file;
  private FileLink lastShortLeaf;
  private long contentBytes;

  ImportRun(ImportProfile profile, BlockSink sink, ExecutorService executor, int maxPendingLeaves) {
    this.profile = profile;
    this.executor = executor;
    this.maxPendingLeaves = maxPendingLeaves;
    this.chunkSize = profile.chunker().maxChunkSize();
    boolean raw = profile.rawLeaves();
    BlockCids cids = new BlockCids(profile);
    this.buffers = new ChunkBuffers(chunkSize, LeafEncoder.headRoom(raw, chunkSize),
        LeafEncoder.tailRoom(raw, chunkSize), !sink.retainsBlocks());
    this.leaves = new LeafEncoder(raw, cids);
    this.nodes = new NodeWriter(sink, cids);
    this.directories = new DirectoryWriter(profile.sharding(), profile.hamtFanout(), nodes);
  }

  // ------------------------------------------------------------------------------------------------ driver

  /** Imports {@code root} and, if the profile says so, wraps it under {@code wrapName}. */
  ImportResult run(Node root, String wrapName) throws IOException {
    boolean ok = false;
    try {
      produce(root);
      drain(true);
      WrittenNode result = root.result();
      if (profile.wrap()) {
        if (wrapName == null || wrapName.isEmpty()) {
          throw new IllegalArgumentException("Cannot wrap the input in a directory: it has no name");
        }
        EntryPaths.checkName(wrapName, wrapName);
        result = directories.write(DirNode.wrapping(wrapName, root));
      }
      ok = true;
      return new ImportResult(result.cid(), result.dagSize(), contentBytes, nodes.blocks(), nodes.blockBytes());
    } finally {
      if (!ok) {
        for (ImportEvent e : queue) {
          if (e instanceof Leaf l) {
            l.block().cancel(false);
          } else if (e instanceof FileEnd fe && fe.channel() != null) {
            closeQuietly(fe.channel()); // a chunk still being read fails, and nobody waits for it
          }
        }
        queue.clear();
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ producer

  private void produce(Node node) throws IOException {
    if (node instanceof FileNode f) {
      produceFile(f);
    } else if (node instanceof SymlinkNode s) {
      enqueue(new Symlink(s));
    } else {
      DirNode d = (DirNode) node;
      for (Node child : d.children().values()) {
        produce(child);
      }
      enqueue(new DirEnd(d));
    }
  }

  private void produceFile(FileNode f) throws IOException {
    enqueue(new FileStart());
    if (buffers.recycles() && f.path != null && f.sizeHint >= INLINE_HASH_MAX
        && profile.chunker() instanceof FixedSizeChunker) {
      produceFileFromChannel(f);
      return;
    }
    long before = contentBytes;
    try (InputStream in = f.open()) {
      ChunkReader reader = profile.chunker().open(in);
      Chunk cur = read(reader);
      if (cur == null) {
        submit(buffers.empty(), true);
      } else {
        while (cur != null) {
          Chunk next = read(reader);
          submit(cur, next == null && cur.length() < chunkSize);
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

  private Chunk read(ChunkReader reader) throws IOException {
    Chunk c = buffers.read(reader);
    if (c != null) {
      contentBytes = Math.addExact(contentBytes, c.length());
    }
    return c;
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
        Chunk c = buffers.direct(len);
        long at = pos;
        Callable<Block> task = () -> {
          readChunk(ch, f, c, at, last);
          return leaves.leaf(c);
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
    ByteBuffer dst = c.direct().duplicate().clear().position(c.offset()).limit(c.offset() + c.length());
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

  private void submit(Chunk c, boolean lastShort) throws IOException {
    Future<Block> f;
    if (executor == null || c.length() < INLINE_HASH_MAX) {
      f = CompletableFuture.completedFuture(leaves.leaf(c));
    } else {
      f = executor.submit(() -> leaves.leaf(c));
    }
    enqueue(new Leaf(f, c.length(), lastShort, c));
  }

  private void enqueue(ImportEvent e) throws IOException {
    queue.add(e);
    if (e instanceof Leaf) {
      pendingLeaves++;
    }
    drain(false);
  }

  // ------------------------------------------------------------------------------------------------ consumer

  /** Consumes events in order: all of them, or while the head is ready or too many chunks are in flight. */
  private void drain(boolean all) throws IOException {
    while (!queue.isEmpty()) {
      ImportEvent head = queue.peek();
      if (head instanceof Leaf l && !all && !l.block().isDone() && pendingLeaves <= maxPendingLeaves) {
        return;
      }
      queue.poll();
      consume(head);
    }
  }

  private void consume(ImportEvent e) throws IOException {
    if (e instanceof FileStart) {
      file = profile.layout().newFile(nodes::writeBranch);
      lastShortLeaf = null;
    } else if (e instanceof Leaf l) {
      pendingLeaves--;
      Block b = await(l.block());
      nodes.emit(b);
      buffers.release(l.chunk()); // the sink is done with the bytes if it does not retain blocks
      FileLink link = new FileLink(b.cid(), l.contentLength(), b.length());
      if (l.lastShort()) {
        lastShortLeaf = link;
      } else {
        file.add(link);
      }
    } else if (e instanceof FileEnd fe) {
      if (fe.channel() != null) {
        fe.channel().close();
      }
      FileLink root = file.finish(lastShortLeaf);
      file = null;
      lastShortLeaf = null;
      fe.node().written(new WrittenNode(root.cid(), root.dagSize()));
    } else if (e instanceof Symlink s) {
      s.node().written(nodes.writeSymlink(s.node().target));
    } else if (e instanceof DirEnd d) {
      d.node().written(directories.write(d.node()));
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
}

package io.carmint.unixfs.importer;

import io.carmint.unixfs.chunk.ChunkReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The import's chunk buffers, each {@code head + chunkSize + tail} bytes: the room before and after a chunk a
 * dag-pb leaf's framing needs (none with raw leaves). Heap arrays hold chunks read from a stream, direct buffers
 * chunks read from a file's channel. When the sink does not retain blocks, a leaf's buffer comes back once the sink
 * has taken the leaf ({@link #release}), so a whole import allocates about as many buffers as it has chunks in
 * flight. Otherwise the blocks keep their buffers, so a short chunk is copied into an array of its own size and the
 * big buffer is reused at once (a folder of small files then needs one big buffer in all). Not thread-safe: the
 * calling thread only.
 */
final class ChunkBuffers {
  private final int chunkSize;
  private final int head;
  private final int tail;
  private final boolean recycle;
  private final ArrayDeque<byte[]> freeHeap = new ArrayDeque<>();
  private final ArrayDeque<ByteBuffer> freeDirect = new ArrayDeque<>();

  /**
   * @param recycle whether a leaf's buffer may be reused once the sink has taken the leaf (the sink does not
   *     retain blocks)
   */
  ChunkBuffers(int chunkSize, int head, int tail, boolean recycle) {
    this.chunkSize = chunkSize;
    this.head = head;
    this.tail = tail;
    this.recycle = recycle;
  }

  /** @return whether leaf buffers are reused (the sink does not retain blocks) */
  boolean recycles() {
    return recycle;
  }

  /** @return the next chunk of {@code reader} in a chunk buffer, or null at the end of its stream */
  Chunk read(ChunkReader reader) throws IOException {
    byte[] buf = freeHeap.poll();
    if (buf == null) {
      buf = new byte[head + chunkSize + tail];
    }
    int n = reader.read(buf, head);
    if (n < 0) {
      freeHeap.push(buf);
      return null;
    }
    if (!recycle && n < chunkSize / 2) {
      byte[] exact = new byte[head + n + tail];
      System.arraycopy(buf, head, exact, head, n);
      freeHeap.push(buf);
      return new Chunk(exact, null, head, n, false);
    }
    return new Chunk(buf, null, head, n, recycle);
  }

  /** @return the chunk of an empty file: no bytes, with room for the framing */
  Chunk empty() {
    return new Chunk(new byte[head + tail], null, head, 0, false);
  }

  /** @return a chunk of {@code length} bytes in a direct buffer, to be read into; only when buffers are recycled */
  Chunk direct(int length) {
    ByteBuffer buf = freeDirect.poll();
    if (buf == null) {
      buf = ByteBuffer.allocateDirect(head + chunkSize + tail);
    }
    return new Chunk(null, buf, head, length, true);
  }

  /** Takes back the buffer of a chunk whose leaf the sink has taken, if it is a pooled one. */
  void release(Chunk c) {
    if (!c.pooled()) {
      return;
    }
    if (c.direct() != null) {
      freeDirect.push(c.direct());
    } else {
      freeHeap.push(c.buf());
    }
  }
}

package io.carmint.unixfs.chunk;

import java.io.IOException;

/** The chunks of one stream, read one at a time into caller-supplied buffers. Not thread-safe. */
public interface ChunkReader {
  /**
   * Reads the next chunk into {@code dst} starting at {@code offset}; {@code dst} must have room for
   * {@link Chunker#maxChunkSize()} bytes there. Reads as much as needed to fill the chunk (never stops at a
   * short read of the underlying stream).
   *
   * @param dst the array to read into
   * @param offset where the chunk starts in {@code dst}
   * @return the chunk's length, 1 to {@code maxChunkSize()}, or -1 when the stream is exhausted. Only the last
   *     chunk of a stream can be shorter than a full chunk for a fixed-size chunker.
   * @throws IOException if reading the stream fails
   */
  int read(byte[] dst, int offset) throws IOException;
}

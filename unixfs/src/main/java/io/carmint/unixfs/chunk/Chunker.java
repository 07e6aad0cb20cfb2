package io.carmint.unixfs.chunk;

import java.io.InputStream;

/**
 * Splits byte streams into chunks, the file data of UnixFS leaves. Implementations are immutable and thread-safe;
 * each {@link #open} starts an independent, not thread-safe {@link ChunkReader}.
 */
public interface Chunker {
  /** @return the largest chunk this chunker produces, in bytes */
  int maxChunkSize();

  /**
   * @param in the file's bytes
   * @return a reader of the chunks of {@code in}; it reads {@code in} but does not close it
   */
  ChunkReader open(InputStream in);

  /** @return the chunker's spec string, as {@link Chunkers#parse} reads it (e.g. {@code size-262144}) */
  @Override
  String toString();
}

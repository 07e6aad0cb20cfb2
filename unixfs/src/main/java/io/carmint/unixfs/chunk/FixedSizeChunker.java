package io.carmint.unixfs.chunk;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a stream into chunks of exactly {@code size} bytes; the last one may be shorter. An empty stream has no
 * chunks (the importer then writes the empty leaf, as Kubo and the JS importers do). Boxo's {@code size-N}
 * splitter.
 *
 * @param size chunk size in bytes, 1 to {@link Chunkers#MAX_CHUNK_SIZE}
 */
public record FixedSizeChunker(int size) implements Chunker {
  /**
   * @param size chunk size in bytes, 1 to {@link Chunkers#MAX_CHUNK_SIZE}
   * @throws IllegalArgumentException if {@code size} is outside [1, {@value Chunkers#MAX_CHUNK_SIZE}]
   */
  public FixedSizeChunker {
    if (size < 1 || size > Chunkers.MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException("Chunk size must be between 1 and " + Chunkers.MAX_CHUNK_SIZE
          + " bytes, got " + size);
    }
  }

  @Override
  public int maxChunkSize() {
    return size;
  }

  @Override
  public ChunkReader open(InputStream in) {
    return new ChunkReader() {
      private boolean ended;

      @Override
      public int read(byte[] dst, int offset) throws IOException {
        // Loop over read(): a stream may return fewer bytes than asked at any time, and some streams'
        // readNBytes do not loop (ByteArrayInputStream's delegates to one read call). Once the stream has
        // ended, it is not asked again (for a small file that saves a read call).
        int n = 0;
        while (n < size && !ended) {
          int r = in.read(dst, offset + n, size - n);
          if (r < 0) {
            ended = true;
            break;
          }
          n += r;
        }
        return n == 0 ? -1 : n;
      }
    };
  }

  /** @return {@code size-N} */
  @Override
  public String toString() {
    return "size-" + size;
  }
}

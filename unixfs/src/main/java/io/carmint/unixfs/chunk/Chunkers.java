package io.carmint.unixfs.chunk;

import java.util.Locale;

/** Parses chunker specs as Kubo's {@code --chunker} option spells them. */
public final class Chunkers {
  /**
   * Largest chunk: 2 MiB − 256 = 2,096,896 bytes, Kubo's limit, so that a leaf block with its dag-pb and UnixFS
   * framing stays under the 2 MiB that Bitswap moves.
   */
  public static final int MAX_CHUNK_SIZE = 2 * 1024 * 1024 - 256;

  /** Kubo's default chunk size: 262,144 bytes (256 KiB). */
  public static final int DEFAULT_CHUNK_SIZE = 262_144;

  private Chunkers() {}

  /**
   * Reads a chunker spec: {@code size-N} (N bytes per chunk), or {@code default} / empty for
   * {@code size-262144}.
   *
   * @param spec the spec, as Kubo's {@code --chunker} takes it
   * @return the chunker
   * @throws IllegalArgumentException if the spec is malformed, N is out of range, or the chunker is one carmint
   *     does not implement ({@code rabin}, {@code buzhash}); the message says which
   */
  public static Chunker parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty() || s.equals("default")) {
      return new FixedSizeChunker(DEFAULT_CHUNK_SIZE);
    }
    if (s.startsWith("size-")) {
      long n;
      try {
        n = Long.parseLong(s.substring(5));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Bad chunker '" + spec + "': expected size-N with N a number of bytes");
      }
      if (n < 1 || n > MAX_CHUNK_SIZE) {
        throw new IllegalArgumentException("Bad chunker '" + spec + "': chunk size must be between 1 and "
            + MAX_CHUNK_SIZE + " bytes");
      }
      return new FixedSizeChunker((int) n);
    }
    if (s.startsWith("rabin") || s.startsWith("buzhash")) {
      throw new IllegalArgumentException("Unsupported chunker '" + spec + "': only size-N is implemented");
    }
    throw new IllegalArgumentException("Unknown chunker '" + spec + "': expected size-N");
  }
}

package io.carmint.unixfs.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ChunkersTest {
  @Test
  void parsesKubosSpelling() {
    assertEquals(new FixedSizeChunker(262144), Chunkers.parse("size-262144"));
    assertEquals(new FixedSizeChunker(262144), Chunkers.parse("default"));
    assertEquals(new FixedSizeChunker(262144), Chunkers.parse(""));
    assertEquals(new FixedSizeChunker(1), Chunkers.parse("SIZE-1"));
    assertEquals("size-1048576", Chunkers.parse("size-1048576").toString());
  }

  @Test
  void rejectsBadSpecsWithAReason() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Chunkers.parse("size-0")).getMessage()
        .contains("between 1 and 2096896"));
    assertThrows(IllegalArgumentException.class, () -> Chunkers.parse("size-2096897"));
    assertThrows(IllegalArgumentException.class, () -> Chunkers.parse("size-x"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Chunkers.parse("rabin-262144")).getMessage()
        .contains("Unsupported"));
    assertThrows(IllegalArgumentException.class, () -> Chunkers.parse("buzhash"));
    assertThrows(IllegalArgumentException.class, () -> Chunkers.parse("fixed"));
  }

  /** Reads full chunks even from a stream that returns one byte per read. */
  @Test
  void fillsChunksFromAOneByteAtATimeStream() throws IOException {
    byte[] data = new byte[25];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    InputStream oneByte = new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
    ChunkReader r = new FixedSizeChunker(10).open(oneByte);
    byte[] buf = new byte[12];
    assertEquals(10, r.read(buf, 2));
    assertEquals(2, buf[4]);
    assertEquals(10, r.read(buf, 0));
    assertEquals(5, r.read(buf, 0));
    assertEquals(-1, r.read(buf, 0));
  }
}

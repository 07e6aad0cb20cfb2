package io.carmint.unixfs.exporter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.block.Block;
import io.carmint.multiformats.HashFunction;
import io.carmint.unixfs.chunk.FixedSizeChunker;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ImportResult;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.layout.BalancedLayout;
import io.carmint.unixfs.layout.TrickleLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Importing and reading back gives the input, for sizes around the chunk and width boundaries (k chunks ± 1 byte with
 * k ∈ {0, 1, w−1, w, w+1, w², w²+1, …}), balanced and trickle layouts, raw and dag-pb leaves, CID versions 0 and 1,
 * and the exporter's sizes agree. Hashing in parallel makes exactly the blocks of hashing sequentially, and
 * reading the input one byte per read call makes the same DAG.
 */
class ImportExportProperties {
  @Property(tries = 300)
  void importThenExportGivesTheInput(@ForAll @IntRange(min = 1, max = 40) int chunk,
      @ForAll @IntRange(min = 2, max = 6) int width, @ForAll @IntRange(min = 0, max = 9) int kIndex,
      @ForAll @IntRange(min = -1, max = 1) int delta, @ForAll boolean trickle, @ForAll boolean raw,
      @ForAll boolean v0, @ForAll long seed) throws IOException {
    int w2 = width * width;
    int[] ks = {0, 1, width - 1, width, width + 1, w2 - 1, w2, w2 + 1, w2 * width + 1, 4 * w2 + 3};
    int size = Math.max(0, ks[kIndex] * chunk + delta);
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    ImportProfile p = ImportProfile.UNIXFS_V0_2015.toBuilder().chunker(new FixedSizeChunker(chunk))
        .layout(trickle ? TrickleLayout.of(width) : new BalancedLayout(width))
        .rawLeaves(raw).cidVersion(v0 ? 0 : 1).build();

    MemoryBlocks store = new MemoryBlocks();
    List<Block> parallel = new ArrayList<>();
    InputStream oneByteAtATime = new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
    ImportResult r = Importer.builder().profile(p).parallelism(3).build()
        .importStream(oneByteAtATime, b -> {
          parallel.add(b);
          store.put(b);
        });
    List<Block> sequential = new ArrayList<>();
    Importer.builder().profile(p).parallelism(1).build().importStream(new ByteArrayInputStream(data), sequential::add);
    assertEquals(sequential, parallel);

    assertEquals(size, r.contentBytes());
    assertEquals(r.blockBytes(), r.dagSize(), "a file's Tsize counts every block under it once per link");
    Exporter exporter = Exporter.of(store);
    assertEquals(size, exporter.stat(r.root()).size());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(size, exporter.readFile(r.root(), out));
    assertArrayEquals(data, out.toByteArray());
    // and one byte at a time
    try (InputStream in = exporter.open(r.root())) {
      for (byte b : data) {
        assertEquals(b & 0xFF, in.read());
      }
      assertEquals(-1, in.read());
    }
  }

  @Property(tries = 30)
  void anyHashFunctionRoundTrips(@ForAll @IntRange(min = 0, max = 300) int size, @ForAll long seed)
      throws IOException {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    for (HashFunction f : List.of(HashFunction.SHA2_512, HashFunction.SHA3_256, HashFunction.SHA1)) {
      ImportProfile p = ImportProfile.UNIXFS_V0_2015.toBuilder().chunker(new FixedSizeChunker(16))
          .hashFunction(f).build();
      MemoryBlocks store = new MemoryBlocks();
      ImportResult r = Importer.of(p).importStream(new ByteArrayInputStream(data), store);
      assertEquals(1, r.root().version());
      assertEquals(f.code(), r.root().multihash().code());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Exporter.of(store).readFile(r.root(), out);
      assertArrayEquals(data, out.toByteArray());
    }
  }
}

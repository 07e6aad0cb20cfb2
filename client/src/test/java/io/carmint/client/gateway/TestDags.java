package io.carmint.client.gateway;

import io.carmint.block.Block;
import io.carmint.block.BlockSource;
import io.carmint.car.CarFile;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.chunk.FixedSizeChunker;
import io.carmint.unixfs.importer.ImportEntry;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.importer.ShardingRule;
import io.carmint.unixfs.layout.BalancedLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A block store of DAGs made by the importer from known input, for the gateway tests: the expected content is the
 * input, never something the code under test computed.
 */
public final class TestDags implements BlockSource {
  /** Small chunks and a narrow tree, so a 20 kB file is four levels deep; HAMTs above 20 entries. */
  public static final ImportProfile PROFILE = ImportProfile.UNIXFS_V1_2025.toBuilder()
      .chunker(new FixedSizeChunker(1000)).layout(new BalancedLayout(3))
      .sharding(ShardingRule.entriesGreaterThan(20)).build();

  private final Map<Cid, Block> blocks = new ConcurrentHashMap<>();

  /** @return pseudo-random bytes */
  public static byte[] random(long seed, int size) {
    ByteBuffer buf = ByteBuffer.allocate((size + 7) & ~7);
    SplittableRandom r = new SplittableRandom(seed);
    while (buf.hasRemaining()) {
      buf.putLong(r.nextLong());
    }
    byte[] out = new byte[size];
    buf.get(0, out);
    return out;
  }

  /**
   * The tree the tests fetch: {@code docs/readme.txt} (one block), {@code docs/big.bin} (20,000 bytes in a tree of
   * 20 leaves), {@code many/n0.txt}..{@code many/n39.txt} (a HAMT), {@code link} (a symlink to the readme).
   */
  public static Map<String, byte[]> tree() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("docs/readme.txt", "read me\n".getBytes(StandardCharsets.UTF_8));
    files.put("docs/big.bin", random(7, 20_000));
    for (int i = 0; i < 40; i++) {
      files.put("many/n" + i + ".txt", ("entry " + i + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  /** Imports {@link #tree()} and the symlink {@code link}; @return the root directory */
  public Cid addTree() throws IOException {
    List<ImportEntry> entries = new ArrayList<>();
    tree().forEach((name, bytes) -> entries.add(ImportEntry.file(name, bytes)));
    entries.add(ImportEntry.symlink("link", "docs/readme.txt"));
    return add(entries);
  }

  /** Imports {@code entries} with {@link #PROFILE}; @return the root */
  public Cid add(List<ImportEntry> entries) throws IOException {
    return Importer.of(PROFILE).importEntries(entries, b -> blocks.put(b.cid(), b)).root();
  }

  /** Imports one file, not wrapped; @return its root */
  public Cid addFile(byte[] bytes) throws IOException {
    return Importer.of(PROFILE).importStream(new java.io.ByteArrayInputStream(bytes), b -> blocks.put(b.cid(), b))
        .root();
  }

  /** Adds every block of a CAR file; @return its first root */
  public Cid addCar(Path car) throws IOException {
    try (CarFile f = CarFile.open(car)) {
      for (var loc : f.locations()) {
        Block b = f.read(loc);
        blocks.put(b.cid(), b);
      }
      return f.roots().get(0);
    }
  }

  /** Adds one block as it is; @return its CID */
  public Cid put(Block b) {
    blocks.put(b.cid(), b);
    return b.cid();
  }

  @Override
  public Optional<Block> get(Cid cid) {
    return Optional.ofNullable(blocks.get(cid));
  }
}

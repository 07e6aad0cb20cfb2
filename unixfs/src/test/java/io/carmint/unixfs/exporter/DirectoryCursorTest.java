package io.carmint.unixfs.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.UnixFsFormatException;
import io.carmint.unixfs.importer.ImportEntry;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ImportResult;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.importer.ShardingRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Lazy directory reading: same entries as {@link Exporter#list}, bounded work on HAMTs that repeat a sub-shard. */
class DirectoryCursorTest {
  private final MemoryBlocks store = new MemoryBlocks();
  private final AtomicLong loads = new AtomicLong();

  private Exporter exporter() {
    return Exporter.of(cid -> {
      loads.incrementAndGet();
      return store.get(cid);
    });
  }

  private Cid node(List<PbLink> links, UnixFsData data) {
    byte[] block = DagPb.encodeInGivenOrder(PbNode.of(links, data.encode()));
    Cid cid = Cid.v1(Multicodec.DAG_PB, HashFunction.SHA2_256.digest(block));
    store.put(Block.of(cid, block));
    return cid;
  }

  private Cid raw(String content) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    Cid cid = Cid.v1(Multicodec.RAW, HashFunction.SHA2_256.digest(data));
    store.put(Block.of(cid, data));
    return cid;
  }

  private static Bytes allBuckets() {
    byte[] bits = new byte[32];
    Arrays.fill(bits, (byte) 0xFF);
    return Bytes.of(bits);
  }

  /** A HAMT of fanout 256 whose every bucket, on every level, links the same sub-shard: 256^levels entries. */
  private Cid hamtBomb(int levels) {
    Cid file = raw("x");
    List<PbLink> leaves = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      leaves.add(PbLink.of(file, String.format(Locale.ROOT, "%02Xf%d", b, b), 1));
    }
    Cid shard = node(leaves, UnixFsData.hamtShard(allBuckets(), 256));
    for (int level = 1; level < levels; level++) {
      List<PbLink> links = new ArrayList<>();
      for (int b = 0; b < 256; b++) {
        links.add(PbLink.of(shard, String.format(Locale.ROOT, "%02X", b), 1));
      }
      shard = node(links, UnixFsData.hamtShard(allBuckets(), 256));
    }
    return shard;
  }

  @Test
  void readsTheSameEntriesAsListForBasicAndShardedDirectories() throws IOException {
    List<ImportEntry> entries = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      entries.add(ImportEntry.file("big/f" + i, ("c" + i).getBytes(StandardCharsets.UTF_8)));
    }
    entries.add(ImportEntry.file("small/a", new byte[1]));
    entries.add(ImportEntry.file("small/b", new byte[2]));
    ImportProfile p = ImportProfile.UNIXFS_V1_2025.toBuilder().sharding(ShardingRule.entriesGreaterThan(100))
        .build();
    ImportResult r = Importer.of(p).importEntries(entries, store);
    for (DirectoryEntry dir : exporter().list(r.root())) {
      DirectoryCursor c = exporter().openDirectory(dir.cid());
      assertEquals(dir.name().equals("big"), c.sharded());
      assertEquals(dir.cid(), c.cid());
      List<DirectoryEntry> read = new ArrayList<>();
      for (Optional<DirectoryEntry> e = c.next(); e.isPresent(); e = c.next()) {
        read.add(e.get());
      }
      assertEquals(exporter().list(dir.cid()), read);
      assertEquals(dir.name().equals("big") ? 300 : 2, read.size());
    }
  }

  @Test
  void aHamtDeclaringSixteenMillionEntriesIsReadLazily() throws IOException {
    Cid bomb = hamtBomb(3);
    DirectoryCursor c = exporter().openDirectory(bomb);
    loads.set(0);
    for (int i = 0; i < 1000; i++) {
      assertTrue(c.next().isPresent());
    }
    assertTrue(loads.get() <= 8, "blocks loaded for 1000 entries: " + loads.get());
  }

  @Test
  void listingAndWalkingAHamtBombStopAtTheFirstRepeatedName() {
    Cid bomb = hamtBomb(3);
    UnixFsFormatException e = assertThrows(UnixFsFormatException.class, () -> exporter().list(bomb));
    assertTrue(e.getMessage().contains("two entries named 'f0'"), e.getMessage());
    loads.set(0);
    UnixFsFormatException w = assertThrows(UnixFsFormatException.class, () -> exporter().walk(bomb,
        new ExporterTest.Collect()));
    assertTrue(w.getMessage().contains("two entries named 'f0'"), w.getMessage());
    assertTrue(loads.get() < 600, "blocks loaded: " + loads.get());
  }

  @Test
  void aVisitorCanStopAWalkOfABombEarly() {
    Cid bomb = hamtBomb(3);
    ExportVisitor stopAt100 = new ExportVisitor() {
      int seen;

      @Override
      public void directory(String path, Cid cid) {
        seen++;
      }

      @Override
      public void file(String path, Cid cid, long size, InputStream content) throws IOException {
        if (++seen > 100) {
          throw new ExportLimitException("stop");
        }
      }

      @Override
      public void symlink(String path, Cid cid, String target) {
        seen++;
      }
    };
    assertThrows(ExportLimitException.class, () -> exporter().walk(bomb, stopAt100));
  }

  @Test
  void aRawBlockWhereASubShardBelongsIsAFormatError() {
    Cid file = raw("not a shard");
    Cid bad = node(List.of(PbLink.of(file, "00", 11)), UnixFsData.hamtShard(allBuckets(), 256));
    UnixFsFormatException e = assertThrows(UnixFsFormatException.class, () -> exporter().list(bad));
    assertTrue(e.getMessage().contains("raw block, not a shard"), e.getMessage());
  }

  @Test
  void aFileIsNotADirectory() {
    Cid file = raw("x");
    assertThrows(UnixFsFormatException.class, () -> exporter().openDirectory(file));
  }
}

package io.carmint.unixfs.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.PbLink;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Lazy directory reading: same entries as {@link Exporter#list}, bounded work on HAMTs that repeat a sub-shard. */
class DirectoryCursorTest {
  private final Dags dags = new Dags();
  private final MemoryBlocks store = dags.store;
  private final AtomicLong loads = new AtomicLong();

  private Exporter exporter() {
    return Exporter.of(cid -> {
      loads.incrementAndGet();
      return store.get(cid);
    });
  }

  private static Bytes allBuckets() {
    byte[] bits = new byte[32];
    Arrays.fill(bits, (byte) 0xFF);
    return Bytes.of(bits);
  }

  /** A HAMT of fanout 256 whose every bucket, on every level, links the same sub-shard: 256^levels entries. */
  private Cid hamtBomb(int levels) {
    Cid file = dags.raw("x");
    List<PbLink> leaves = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      leaves.add(PbLink.of(file, String.format(Locale.ROOT, "%02Xf%d", b, b), 1));
    }
    Cid shard = dags.node(leaves, UnixFsData.hamtShard(allBuckets(), 256));
    for (int level = 1; level < levels; level++) {
      List<PbLink> links = new ArrayList<>();
      for (int b = 0; b < 256; b++) {
        links.add(PbLink.of(shard, String.format(Locale.ROOT, "%02X", b), 1));
      }
      shard = dags.node(links, UnixFsData.hamtShard(allBuckets(), 256));
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

  private ImportResult bigHamt(int entries) throws IOException {
    List<ImportEntry> list = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      list.add(ImportEntry.file("f" + i, ("c" + i).getBytes(StandardCharsets.UTF_8)));
    }
    ImportProfile p = ImportProfile.UNIXFS_V1_2025.toBuilder().sharding(ShardingRule.entriesGreaterThan(100))
        .build();
    return Importer.of(p).importEntries(list, store);
  }

  @Test
  void aHamtIsReadLazily() throws IOException {
    Cid root = bigHamt(3000).root();
    long shards = store.blocks.keySet().stream().filter(c -> c.codec().equals(Multicodec.DAG_PB)).count();
    assertTrue(shards > 20, "shards: " + shards);
    DirectoryCursor c = exporter().openDirectory(root);
    loads.set(0);
    for (int i = 0; i < 5; i++) {
      assertTrue(c.next().isPresent());
    }
    assertTrue(loads.get() <= 5, "blocks loaded for 5 entries: " + loads.get());
  }

  @Test
  void aHamtThatLinksOneSubShardFromEveryBucketIsRefusedAtItsFirstEntry() {
    Cid bomb = hamtBomb(3); // declares 256^3 entries
    loads.set(0);
    UnixFsFormatException e = assertThrows(UnixFsFormatException.class, () -> exporter().list(bomb));
    assertTrue(e.getMessage().contains("misplaced"), e.getMessage());
    assertTrue(e.getMessage().contains("sits in bucket path 00/00/00 but its name hashes to"), e.getMessage());
    assertTrue(loads.get() <= 3, "blocks loaded: " + loads.get());
    assertThrows(UnixFsFormatException.class, () -> exporter().walk(bomb, new ExporterTest.Collect()));
  }

  @Test
  void anEntryInABucketItsNameDoesNotHashToIsRefused() throws IOException {
    Cid file = dags.raw("x");
    int right = Murmur3Bucket.of("f0");
    assertEquals(List.of(new DirectoryEntry("f0", file, java.util.OptionalLong.of(1))),
        exporter().list(oneEntryShard(file, right)));
    Cid wrong = oneEntryShard(file, (right + 1) % 256);
    UnixFsFormatException e = assertThrows(UnixFsFormatException.class, () -> exporter().list(wrong));
    assertTrue(e.getMessage().contains("misplaced"), e.getMessage());
  }

  private Cid oneEntryShard(Cid file, int bucket) {
    byte[] bits = new byte[32];
    bits[31 - bucket / 8] |= (byte) (1 << (bucket % 8));
    return dags.node(List.of(PbLink.of(file, String.format(Locale.ROOT, "%02Xf0", bucket), 1)),
        UnixFsData.hamtShard(Bytes.of(bits), 256));
  }

  /** The first-level bucket of a name in a fanout-256 HAMT: the top byte of murmur3-x64-64 h1. */
  static final class Murmur3Bucket {
    static int of(String name) {
      return (int) (io.carmint.unixfs.hamt.Murmur3.hash64(name.getBytes(StandardCharsets.UTF_8)) >>> 56);
    }
  }

  @Test
  void aVisitorCanStopAWalkOfARepeatedDirectoryEarly() {
    Cid child = dags.raw("x");
    for (int level = 0; level < 6; level++) { // 16^6 files
      List<PbLink> links = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        links.add(PbLink.of(child, "d" + Integer.toHexString(i), 1));
      }
      child = dags.node(links, UnixFsData.directory());
    }
    Cid bomb = child;
    ExportVisitor stopAt100 = new ExportVisitor() {
      int seen;

      @Override
      public void directory(String path, Cid cid) {
        seen++;
      }

      @Override
      public void file(String path, Cid cid, long size, InputStream content) throws IOException {
        if (++seen > 100) {
          throw new LimitExceededException("The walk", "test.maxFiles", 100, seen, -1);
        }
      }

      @Override
      public void symlink(String path, Cid cid, String target) {
        seen++;
      }
    };
    assertThrows(LimitExceededException.class, () -> exporter().walk(bomb, stopAt100));
  }

  @Test
  void lookupDescendsOnlyTheShardsANameHashesTo() throws IOException {
    ImportResult r = bigHamt(3000);
    Map<String, Cid> all = new java.util.HashMap<>();
    for (DirectoryEntry e : exporter().list(r.root())) {
      all.put(e.name(), e.cid());
    }
    assertEquals(3000, all.size());
    for (int i = 0; i < 3000; i += 37) {
      loads.set(0);
      Optional<DirectoryEntry> e = exporter().lookup(r.root(), "f" + i);
      assertEquals(all.get("f" + i), e.orElseThrow().cid());
      assertTrue(loads.get() <= 3, "blocks loaded for one lookup: " + loads.get());
    }
    assertEquals(Optional.empty(), exporter().lookup(r.root(), "f3000"));
    assertEquals(Optional.empty(), exporter().lookup(r.root(), ""));
  }

  @Test
  void lookupInABasicDirectory() throws IOException {
    Cid a = dags.raw("a");
    Cid dir = dags.node(List.of(PbLink.of(a, "x", 1), PbLink.of(a, "y", 1)), UnixFsData.directory());
    assertEquals(a, exporter().lookup(dir, "y").orElseThrow().cid());
    assertEquals(Optional.empty(), exporter().lookup(dir, "z"));
    Cid dup = dags.node(List.of(PbLink.of(a, "x", 1), PbLink.of(a, "x", 1)), UnixFsData.directory());
    assertThrows(DuplicateNameException.class, () -> exporter().lookup(dup, "x"));
  }

  @Test
  void resolveFollowsPathsThroughBasicAndShardedDirectories() throws IOException {
    List<ImportEntry> list = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      list.add(ImportEntry.file("big/f" + i, ("c" + i).getBytes(StandardCharsets.UTF_8)));
    }
    list.add(ImportEntry.file("a/b/c.txt", "deep".getBytes(StandardCharsets.UTF_8)));
    ImportProfile p = ImportProfile.UNIXFS_V1_2025.toBuilder().sharding(ShardingRule.entriesGreaterThan(100))
        .build();
    Cid root = Importer.of(p).importEntries(list, store).root();
    Exporter x = exporter();
    assertEquals(root, x.resolve(root, ""));
    assertEquals(root, x.resolve(root, "/"));
    Cid f7 = x.resolve(root, "big/f7");
    assertEquals(f7, x.resolve(root, "/big//f7/"));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    x.readFile(f7, out);
    assertEquals("c7", out.toString(StandardCharsets.UTF_8));
    assertEquals(EntryKind.FILE, x.stat(x.resolve(root, "a/b/c.txt")).kind());
    EntryNotFoundException missing = assertThrows(EntryNotFoundException.class, () -> x.resolve(root, "a/nope"));
    assertEquals("a/nope", missing.path());
    assertTrue(missing.getMessage().contains("'a' (") && missing.getMessage().contains("has no entry 'nope'"),
        missing.getMessage());
    EntryNotFoundException throughFile = assertThrows(EntryNotFoundException.class,
        () -> x.resolve(root, "a/b/c.txt/d"));
    assertTrue(throughFile.getMessage().contains("'a/b/c.txt' is a file, not a directory"),
        throughFile.getMessage());
    assertThrows(EntryNotFoundException.class, () -> x.resolve(root, "a/.."));
  }

  @Test
  void aRawBlockWhereASubShardBelongsIsAFormatError() {
    Cid file = dags.raw("not a shard");
    Cid bad = dags.node(List.of(PbLink.of(file, "00", 11)), UnixFsData.hamtShard(allBuckets(), 256));
    UnixFsFormatException e = assertThrows(UnixFsFormatException.class, () -> exporter().list(bad));
    assertTrue(e.getMessage().contains("raw block, not a shard"), e.getMessage());
  }

  @Test
  void aFileIsNotADirectory() {
    Cid file = dags.raw("x");
    assertThrows(UnixFsFormatException.class, () -> exporter().openDirectory(file));
  }
}

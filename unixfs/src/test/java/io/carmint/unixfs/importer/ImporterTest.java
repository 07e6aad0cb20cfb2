package io.carmint.unixfs.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.multiformats.Cid;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
  @TempDir
  Path tmp;

  private static final BlockSink DROP = b -> { };

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Cid cid(ImportProfile p, List<ImportEntry> entries) throws IOException {
    return Importer.of(p).importEntries(entries, DROP).root();
  }

  @Test
  void knownCidsFromReferenceTools() throws IOException {
    // reference/javascript-tools.md §9 (ipfs-car, importer, Kubo)
    assertEquals("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e",
        Importer.of(ImportProfile.IPFS_CAR).importStream(new ByteArrayInputStream(utf8("hello world")), DROP)
            .root().toString());
    assertEquals("bafybeidfvgyy5y2k6wjtxujv4bjayv5iisxg566bnglm3xzws7ooirivse",
        Importer.of(ImportProfile.IPFS_CAR.toBuilder().wrap(true).build())
            .importStream(new ByteArrayInputStream(utf8("hello world")), "hw.txt", DROP).root().toString());
    assertEquals("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o",
        Importer.of(ImportProfile.UNIXFS_V0_2015).importStream(new ByteArrayInputStream(utf8("hello world\n")), DROP)
            .root().toString());
    assertEquals("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354",
        cid(ImportProfile.IPFS_CAR, List.of()).toString());
    assertEquals("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", cid(ImportProfile.UNIXFS_V0_2015, List.of())
        .toString());
  }

  @Test
  void cidOfAPathIsAOneLinerWithTheDefaultOrAGivenProfile() throws IOException {
    Path hello = Files.writeString(tmp.resolve("hello.txt"), "hello world");
    Path helloLine = Files.writeString(tmp.resolve("hello-line.txt"), "hello world\n");
    // the same reference CIDs as knownCidsFromReferenceTools: ipfs-car's, and Kubo's 'ipfs add'
    assertEquals("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", Importer.cid(hello).toString());
    assertEquals("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o",
        Importer.cid(helloLine, ImportProfile.KUBO).toString());
    Path dir = Files.createDirectories(tmp.resolve("site"));
    Files.writeString(dir.resolve("a.txt"), "a");
    assertEquals(Importer.of(ImportProfile.KUBO_V1).importPath(dir, DROP).root(),
        Importer.cid(dir, ImportProfile.KUBO_V1));
  }

  @Test
  void thousandFilesFlatForIpfsCarHamtForNftStorage() throws IOException {
    // reference/javascript-tools.md §9: file-N.txt = "content N", N = 1..1000 (and 1..1001)
    List<ImportEntry> entries = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      entries.add(ImportEntry.file("file-" + i + ".txt", utf8("content " + i)));
    }
    assertEquals("bafybeidt3v4uctzlmnbqque2li5oy63abv4t22ytiowsigilq7mawmdb5m",
        cid(ImportProfile.IPFS_CAR, entries).toString());
    assertEquals("bafybeidt3v4uctzlmnbqque2li5oy63abv4t22ytiowsigilq7mawmdb5m",
        cid(ImportProfile.UNIXFS_V1_2025, entries).toString());
    assertEquals("bafybeiejlerdqaiiuemezwum4wykh4f632kqe6orzdn25bfl3hchnndfei",
        cid(ImportProfile.NFT_STORAGE, entries).toString());
    entries.add(ImportEntry.file("file-1001.txt", utf8("content 1001")));
    assertEquals("bafybeibrhwonswesbqgxvqjuujtlqsxsopbdlsa65vgb7knsi3cskbiyqa",
        cid(ImportProfile.IPFS_CAR, entries).toString());
    assertEquals("bafybeifc5i4g7u6bn43ov7vxr637tceqrbudmxhbgppmksaaampn4o2xbu",
        cid(ImportProfile.UNIXFS_V1_2025, entries).toString());
  }

  @Test
  void badNamesAreRejectedWithTheirPath() {
    for (String bad : List.of("a//b", "/a", "a/", "./a", "a/../b", "..", "a\0b", "")) {
      InvalidEntryNameException e = assertThrows(InvalidEntryNameException.class,
          () -> cid(ImportProfile.KUBO_V1, List.of(ImportEntry.file(bad, new byte[0]))), bad);
      assertTrue(e.getMessage().contains("'" + bad.replace("\0", "\\0") + "'") || bad.isEmpty(), e.getMessage());
    }
    assertThrows(InvalidEntryNameException.class, () -> cid(ImportProfile.KUBO_V1,
        List.of(ImportEntry.file("a\uD800", new byte[0]))));
    assertThrows(InvalidEntryNameException.class, () -> cid(ImportProfile.KUBO_V1,
        List.of(ImportEntry.file("a", new byte[0]), ImportEntry.file("a", new byte[0]))));
    InvalidEntryNameException both = assertThrows(InvalidEntryNameException.class, () -> cid(ImportProfile.KUBO_V1,
        List.of(ImportEntry.file("a", new byte[0]), ImportEntry.file("a/b", new byte[0]))));
    assertTrue(both.getMessage().contains("already a file"), both.getMessage());
  }

  @Test
  void nftStorageClientPathRules() {
    assertEquals(List.of("x", "inner trail"),
        EntryPaths.segments("  x/inner trail \u3000", PathRules.NFT_STORAGE_CLIENT));
    assertEquals(List.of("back", "slash.txt"), EntryPaths.segments("back\\slash.txt", PathRules.NFT_STORAGE_CLIENT));
    assertEquals(List.of("a", "b"), EntryPaths.segments("/a//b/", PathRules.NFT_STORAGE_CLIENT));
    assertEquals(List.of(" lead", "back\\slash"), EntryPaths.segments(" lead/back\\slash", PathRules.STRICT));
    assertThrows(InvalidEntryNameException.class, () -> EntryPaths.segments("a\\/b", PathRules.NFT_STORAGE_CLIENT));
  }

  @Test
  void hiddenSymlinksAndEmptyDirectoriesFollowTheProfile() throws IOException {
    List<ImportEntry> entries = List.of(ImportEntry.file("a", utf8("a")), ImportEntry.file(".h", utf8("h")),
        ImportEntry.symlink("l", "a"), ImportEntry.directory("e/f"));
    List<String> kubo = rootNames(ImportProfile.KUBO_V1, entries);
    assertEquals(List.of("a", "e", "l"), kubo);
    assertEquals(List.of(".h", "a", "e", "l"),
        rootNames(ImportProfile.KUBO_V1.toBuilder().includeHidden(true).build(), entries));
    assertEquals(List.of("a"), rootNames(ImportProfile.IPFS_CAR, entries));
  }

  private static List<String> rootNames(ImportProfile p, List<ImportEntry> entries) throws IOException {
    Block[] last = new Block[1];
    Importer.of(p).importEntries(entries, b -> last[0] = b);
    return DagPb.decode(last[0].data()).links().stream().map(PbLink::nameOrEmpty).toList();
  }

  @Test
  void stripCommonPrefixDescendsSingleDirectories() throws IOException {
    List<ImportEntry> nested = List.of(ImportEntry.file("only/sub/x", utf8("x")), ImportEntry.file("only/sub/y",
        utf8("y")));
    List<ImportEntry> flat = List.of(ImportEntry.file("x", utf8("x")), ImportEntry.file("y", utf8("y")));
    assertEquals(cid(ImportProfile.IPFS_CAR, flat), cid(ImportProfile.IPFS_CAR, nested));
    assertTrue(!cid(ImportProfile.KUBO_V1, flat).equals(cid(ImportProfile.KUBO_V1, nested)));
  }

  @Test
  void fileSystemTreeWithSymlinksHiddenAndEmptyDirectories() throws IOException {
    Path root = tmp.resolve("site");
    Files.createDirectories(root.resolve("empty"));
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("index.html"), "<h1>hi</h1>");
    Files.writeString(root.resolve("sub/.env"), "SECRET=1");
    Files.writeString(root.resolve("sub/a.txt"), "a");
    Files.createSymbolicLink(root.resolve("link"), Path.of("index.html"));
    List<ImportEntry> same = List.of(ImportEntry.file("index.html", utf8("<h1>hi</h1>")),
        ImportEntry.file("sub/a.txt", utf8("a")), ImportEntry.directory("empty"),
        ImportEntry.symlink("link", "index.html"));
    for (ImportProfile p : ImportProfile.presets()) {
      Cid fromDisk = Importer.of(p).importPath(root, DROP).root();
      assertEquals(cid(p, same), fromDisk, p.name());
    }
    // a top-level symlink is stored by Kubo-like profiles and followed by ipfs-car
    Path link = tmp.resolve("top-link");
    Files.createSymbolicLink(link, root.resolve("index.html"));
    Cid file = Importer.of(ImportProfile.IPFS_CAR).importPath(root.resolve("index.html"), DROP).root();
    assertEquals(file, Importer.of(ImportProfile.IPFS_CAR).importPath(link, DROP).root());
    List<Block> blocks = new ArrayList<>();
    Cid symlink = Importer.of(ImportProfile.KUBO_V1).importPath(link, blocks::add).root();
    assertEquals(1, blocks.size());
    assertEquals(symlink, blocks.get(0).cid());
  }

  @Test
  void wrapNeedsAName() {
    Importer wrapping = Importer.of(ImportProfile.KUBO_V1.toBuilder().wrap(true).build());
    assertThrows(IllegalArgumentException.class,
        () -> wrapping.importStream(new ByteArrayInputStream(new byte[1]), DROP));
  }

  @Test
  void parallelAndSequentialWriteTheSameBlocks() throws IOException {
    List<ImportEntry> entries = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String seed = "par" + i;
      int size = (i * 7919) % 5000;
      entries.add(ImportEntry.file("d" + (i % 7) + "/f" + i, () -> Keystream.open(seed, size)));
    }
    ImportProfile p = ImportProfile.UNIXFS_V0_2015.toBuilder()
        .chunker(new io.carmint.unixfs.chunk.FixedSizeChunker(1000)).build();
    List<Block> seq = new ArrayList<>();
    List<Block> par = new ArrayList<>();
    ImportResult a = Importer.builder().profile(p).parallelism(1).build().importEntries(entries, seq::add);
    ImportResult b = Importer.builder().profile(p).parallelism(4).build().importEntries(entries, par::add);
    assertEquals(seq, par);
    assertEquals(a, b);
  }

  /**
   * A sink that does not retain blocks lets the importer reuse chunk buffers: each block must still be whole and
   * valid while {@code put} runs, and the sequence must equal what a retaining sink gets.
   */
  @Test
  void aSinkThatRetainsNothingSeesTheSameValidBlocks() throws IOException {
    List<ImportEntry> entries = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String seed = "recycle" + i;
      int size = i == 0 ? 0 : (i * 7919) % 9000 + (i % 5 == 0 ? 20_000 : 0);
      entries.add(ImportEntry.file("d" + (i % 3) + "/f" + i, () -> Keystream.open(seed, size)));
    }
    for (ImportProfile base : List.of(ImportProfile.UNIXFS_V0_2015, ImportProfile.KUBO_V1)) {
      ImportProfile p = base.toBuilder().chunker(new io.carmint.unixfs.chunk.FixedSizeChunker(1000)).build();
      List<Block> kept = new ArrayList<>();
      Importer.builder().profile(p).parallelism(1).build().importEntries(entries, kept::add);
      for (int threads : new int[] {1, 3}) {
        List<Block> copies = new ArrayList<>();
        BlockSink copying = validCopiesInto(copies);
        Importer.builder().profile(p).parallelism(threads).build().importEntries(entries, copying);
        assertEquals(kept, copies, p.name() + ", " + threads + " threads");
      }
    }
  }

  /**
   * Files on disk given to a sink that retains nothing are read through a channel into recycled direct buffers;
   * the blocks must equal those of the stream path (a retaining sink), for raw and dag-pb leaves, CIDv0 and v1.
   */
  @Test
  void filesReadThroughChannelsGiveTheSameBlocksAsStreams() throws IOException {
    Path dir = tmp.resolve("tree");
    int[] sizes = {0, 1, 999, 1000, 1001, 2500, 64 * 1024 + 3, 70_000, 3 * 65_536};
    for (int i = 0; i < sizes.length; i++) {
      Path f = dir.resolve("d" + (i % 2)).resolve("f" + i);
      Files.createDirectories(f.getParent());
      Files.write(f, Keystream.bytes("channel" + i, sizes[i]));
    }
    for (ImportProfile base : List.of(ImportProfile.UNIXFS_V0_2015, ImportProfile.KUBO_V1, ImportProfile.IPFS_CAR)) {
      for (int chunk : new int[] {1000, 65_536}) {
        ImportProfile p = base.toBuilder().chunker(new io.carmint.unixfs.chunk.FixedSizeChunker(chunk)).build();
        List<Block> kept = new ArrayList<>();
        ImportResult expected = Importer.builder().profile(p).parallelism(1).build().importPath(dir, kept::add);
        for (int threads : new int[] {1, 3}) {
          List<Block> copies = new ArrayList<>();
          BlockSink copying = validCopiesInto(copies);
          ImportResult r = Importer.builder().profile(p).parallelism(threads).build().importPath(dir, copying);
          assertEquals(kept, copies, p.name() + ", chunks of " + chunk + ", " + threads + " threads");
          assertEquals(expected, r);
        }
      }
    }
  }

  /**
   * A folder of many small files on disk (each hashed on the calling thread, between the pool's work on larger
   * chunks): with any number of threads the blocks and their order must equal an in-memory import of the same files.
   */
  @Test
  void manySmallFilesOnDiskGiveTheSameBlocksAsInMemoryEntries() throws IOException {
    Path dir = tmp.resolve("small");
    List<ImportEntry> entries = new ArrayList<>();
    int count = 549;
    for (int i = 0; i < count; i++) {
      String rel = "d" + (i % 5) + "/f" + i;
      int size = i % 50 == 0 ? 0 : (i * 7919) % 6000;
      String seed = "small" + i;
      Path f = dir.resolve(rel);
      Files.createDirectories(f.getParent());
      Files.write(f, Keystream.bytes(seed, size));
      entries.add(ImportEntry.file(rel, () -> Keystream.open(seed, size)));
    }
    for (ImportProfile p : List.of(ImportProfile.IPFS_CAR.toBuilder().wrap(false).build(),
        ImportProfile.UNIXFS_V0_2015)) {
      List<Block> inMemory = new ArrayList<>();
      ImportResult expected = Importer.builder().profile(p).parallelism(1).build().importEntries(entries,
          inMemory::add);
      for (int threads : new int[] {1, 2, 4}) {
        List<Block> fromDisk = new ArrayList<>();
        ImportResult r = Importer.builder().profile(p).parallelism(threads).build().importPath(dir, fromDisk::add);
        assertEquals(inMemory, fromDisk, p.name() + ", " + threads + " threads");
        assertEquals(expected.root(), r.root());
        assertEquals(expected.contentBytes(), r.contentBytes());
      }
    }
  }

  /**
   * A file that shrinks or grows between the listing of its folder and the reading of its chunks fails the import
   * with a {@link FileChangedException}: its chunks were planned from the listed size. The sink changes the second
   * file when it receives the first file's block (one thread: chunks are read as they are planned). Large and small
   * files, sinks that keep blocks and sinks that do not (the two read paths).
   */
  @Test
  void aFileThatChangesSizeDuringTheImportFailsIt() throws IOException {
    for (int size : new int[] {200_000, 2_000}) {
      for (boolean retains : new boolean[] {false, true}) {
        for (boolean grow : new boolean[] {false, true}) {
          String name = size + (retains ? "-retains-" : "-recycles-") + (grow ? "grows" : "shrinks");
          Path dir = tmp.resolve(name);
          Files.createDirectories(dir);
          Files.write(dir.resolve("a"), new byte[] {1, 2, 3});
          Path b = dir.resolve("b");
          Files.write(b, new byte[size]);
          BlockSink changing = new BlockSink() {
            private boolean changed;

            @Override
            public void put(Block block) throws IOException {
              if (!changed) {
                changed = true;
                Files.write(b, new byte[grow ? size + 1 : size / 2]);
              }
            }

            @Override
            public boolean retainsBlocks() {
              return retains;
            }
          };
          Importer one = Importer.builder().profile(ImportProfile.KUBO_V1).parallelism(1).build();
          FileChangedException e = assertThrows(FileChangedException.class, () -> one.importPath(dir, changing),
              name);
          assertEquals(b, e.path(), name);
          assertEquals(size, e.expectedSize(), name);
          assertTrue(e.getMessage().contains(grow ? "more bytes" : "ended at byte " + size / 2), e.getMessage());
        }
      }
    }
  }

  /**
   * A sink that retains nothing (so the importer recycles its buffers) and checks each block while {@code put} runs,
   * keeping a copy of it in {@code copies}.
   */
  private static BlockSink validCopiesInto(List<Block> copies) {
    return new BlockSink() {
      @Override
      public void put(Block b) {
        assertTrue(b.isValid(), b::toString);
        copies.add(Block.of(b.cid(), b.toBytes()));
      }

      @Override
      public boolean retainsBlocks() {
        return false;
      }
    };
  }

  @Test
  void readFailuresPropagateAndTheStreamIsClosed() {
    boolean[] closed = new boolean[1];
    ImportEntry failing = ImportEntry.file("bad", () -> new InputStream() {
      private int n;

      @Override
      public int read() throws IOException {
        if (n++ > 100) {
          throw new IOException("disk on fire");
        }
        return 1;
      }

      @Override
      public void close() {
        closed[0] = true;
      }
    });
    IOException e = assertThrows(IOException.class, () -> cid(ImportProfile.KUBO_V1, List.of(failing)));
    assertEquals("disk on fire", e.getMessage());
    assertTrue(closed[0]);
  }
}

package io.carmint.unixfs.unpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.block.BlockIntegrityException;
import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.PbLink;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.UnixFsFormatException;
import io.carmint.unixfs.UnixFsType;
import io.carmint.unixfs.exporter.Dags;
import io.carmint.unixfs.exporter.DuplicateNameException;
import io.carmint.unixfs.exporter.MissingBlockException;
import io.carmint.unixfs.exporter.UnsafeNameException;
import io.carmint.unixfs.importer.ImportEntry;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ImportResult;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.importer.ShardingRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The unpacker on hand-built DAGs: one test per class of broken or hostile input, each checking the exception type
 * and that nothing appeared outside the target, no temporary file was left and no file is half-written.
 */
class UnpackerTest {
  @TempDir
  Path tmp;
  private Path out;
  private Path outside;
  private final Dags dags = new Dags();

  @BeforeEach
  void layout() throws IOException {
    out = tmp.resolve("out");
    outside = Files.createDirectory(tmp.resolve("outside"));
  }

  /** Whatever a test did, nothing was written next to the target or outside it, and no temporary file is left. */
  @AfterEach
  void nothingEscapedAndNoTemporaryFileIsLeft() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
      assertTrue(List.of("out", "outside").containsAll(names), names.toString());
    }
    assertEquals(Map.of(), DiskTree.read(outside));
    if (Files.isDirectory(out)) {
      for (String p : DiskTree.read(out).keySet()) {
        assertFalse(p.substring(p.lastIndexOf('/') + 1).startsWith(".carmint-"), "temporary file left: " + p);
      }
    }
  }

  private UnpackResult unpack(Cid root) throws IOException {
    return Unpacker.of().unpack(dags.store, root, out);
  }

  private static String text(int size) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < size; i++) {
      b.append((char) ('a' + i % 26));
    }
    return b.toString();
  }

  // ---------------------------------------------------------------------------------------------- well-formed

  @Test
  void unpacksAnImportedTreeWithNestedAndEmptyDirectoriesSymlinksAndAHamt() throws IOException {
    List<ImportEntry> entries = new ArrayList<>();
    Map<String, String> expected = new TreeMap<>();
    expected.put("big", "dir");
    for (int i = 0; i < 150; i++) {
      entries.add(ImportEntry.file("big/f" + i, ("content " + i).getBytes(StandardCharsets.ISO_8859_1)));
      expected.put("big/f" + i, "content " + i);
    }
    entries.add(ImportEntry.file("a/b/c/deep.txt", text(5000).getBytes(StandardCharsets.ISO_8859_1)));
    expected.put("a", "dir");
    expected.put("a/b", "dir");
    expected.put("a/b/c", "dir");
    expected.put("a/b/c/deep.txt", text(5000));
    entries.add(ImportEntry.file("empty-file", new byte[0]));
    expected.put("empty-file", "");
    entries.add(ImportEntry.directory("empty-dir"));
    expected.put("empty-dir", "dir");
    entries.add(ImportEntry.file("é 😀.txt", "x".getBytes(StandardCharsets.ISO_8859_1)));
    expected.put("é 😀.txt", "x");
    entries.add(ImportEntry.symlink("a/b/up", "../../big/f1"));
    expected.put("a/b/up", "-> ../../big/f1");
    entries.add(ImportEntry.symlink("here", "."));
    expected.put("here", "-> .");
    ImportProfile p = ImportProfile.UNIXFS_V1_2025.toBuilder().sharding(ShardingRule.entriesGreaterThan(100))
        .chunker(new io.carmint.unixfs.chunk.FixedSizeChunker(1000)).build();
    ImportResult r = Importer.of(p).importEntries(entries, dags.store);

    UnpackResult result = unpack(r.root());
    assertEquals(expected, DiskTree.read(out));
    assertEquals(out.toRealPath(), result.target());
    assertEquals(6, result.directories());
    assertEquals(153, result.files());
    assertEquals(2, result.symlinks());
    assertEquals(161, result.entries());
    // "content 0".."content 9" are 9 bytes, "content 10".."content 99" 10, "content 100".."content 149" 11
    assertEquals(10 * 9 + 90 * 10 + 50 * 11 + 5000 + 0 + 1, result.bytes());
    assertEquals("content 1", Files.readString(out.resolve("a/b/up")), "the symlink resolves inside");
  }

  @Test
  void aFileRootIsWrittenAtTheTargetPath() throws IOException {
    Cid file = dags.fileNode(3, List.of(dags.raw("abc"), dags.raw("def")));
    UnpackResult r = unpack(file);
    assertEquals("abcdef", Files.readString(out));
    assertEquals(out.toRealPath(), r.target());
    assertEquals(1, r.files());
    assertEquals(6, r.bytes());
  }

  @Test
  void anExistingEmptyTargetDirectoryIsUsed() throws IOException {
    Files.createDirectory(out);
    unpack(dags.dir("a", dags.raw("1")));
    assertEquals(Map.of("a", "1"), DiskTree.read(out));
  }

  // ---------------------------------------------------------------------------------------------- names

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "..|DOT_DOT", ".|DOT", "''|EMPTY", "../foo|SLASH", "../../outside/x|SLASH", "a/b|SLASH",
      "/etc/passwd|ABSOLUTE", "\\\\evil|ABSOLUTE", "C:\\\\evil|ABSOLUTE", "c:evil|ABSOLUTE", "..\\\\foo|BACKSLASH",
      "a\\\\b|BACKSLASH"})
  void unsafeNamesAreRefusedWithPathAndReason(String name, UnsafeNameException.Reason reason) throws IOException {
    Cid root = dags.dir("ok", dags.raw("fine"), "sub", dags.dir(name, dags.raw("evil")));
    UnsafeNameException e = assertThrows(UnsafeNameException.class, () -> unpack(root));
    assertEquals("sub/" + name, e.path());
    assertEquals(reason, e.reason());
    assertEquals(Map.of("ok", "fine", "sub", "dir"), DiskTree.read(out));
  }

  @Test
  void nulInANameIsRefused() {
    Cid root = dags.dir("a\0b", dags.raw("evil"));
    UnsafeNameException e = assertThrows(UnsafeNameException.class, () -> unpack(root));
    assertEquals(UnsafeNameException.Reason.NUL, e.reason());
    assertTrue(e.getMessage().contains("'a\\u0000b'"), e.getMessage());
  }

  @Test
  void aRepeatedNameIsRefusedAndTheFirstIsNotReplaced() throws IOException {
    Cid root = dags.dir("a", dags.raw("first"), "a", dags.raw("second"));
    DuplicateNameException e = assertThrows(DuplicateNameException.class, () -> unpack(root));
    assertEquals("a", e.path());
    assertEquals(Map.of("a", "first"), DiskTree.read(out));
  }

  // ---------------------------------------------------------------------------------------------- symlinks

  @Test
  void aSymlinkThenAWriteThroughItIsRefusedBeforeAnythingReachesItsTarget() throws IOException {
    Cid passwd = dags.dir("passwd", dags.raw("root::0:0::/:/bin/sh"));
    for (String target : new String[] {outside.toString(), "../outside", "."}) {
      Cid root = dags.dir("a", dags.symlink(target), "a", passwd);
      Unpacker skipping = Unpacker.builder().escapingSymlinks(EscapingSymlinkPolicy.SKIP).build();
      assertThrows(DuplicateNameException.class, () -> skipping.unpack(dags.store, root, out), target);
      deleteTree(out);
    }
    Cid root = dags.dir("a", dags.symlink(outside.toString()), "a", passwd);
    SymlinkEscapeException e = assertThrows(SymlinkEscapeException.class, () -> unpack(root));
    assertEquals("a", e.path());
    assertFalse(Files.exists(out.resolve("a"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void aPreExistingSymlinkInAMergedTargetIsNeverWrittenThrough() throws IOException {
    Files.createDirectory(out);
    Files.createSymbolicLink(out.resolve("a"), outside);
    Cid root = dags.dir("a", dags.dir("passwd", dags.raw("evil")));
    Unpacker merging = Unpacker.builder().targetPolicy(TargetPolicy.MERGE).build();
    EntryCollisionException e = assertThrows(EntryCollisionException.class,
        () -> merging.unpack(dags.store, root, out));
    assertEquals("a", e.entryPath());
    assertTrue(e.getMessage().contains("an existing symlink"), e.getMessage());
    Cid file = dags.dir("a", dags.raw("evil"));
    assertThrows(EntryCollisionException.class, () -> merging.unpack(dags.store, file, out));
    Files.delete(out.resolve("a"));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "link|/etc/passwd", "link|../x", "sub/link|../../x", "sub/link|..\\\\..\\\\x", "link|C:\\\\x",
      "link|\\\\\\\\server\\\\share", "sub/link|x/../../y", "sub/link|a/..", "link|''"})
  void symlinksThatCouldEscapeAreRefusedOrSkipped(String path, String target) throws IOException {
    Cid link = dags.symlink(target);
    Cid root = path.startsWith("sub/") ? dags.dir("sub", dags.dir("link", link), "z", dags.raw("z"))
        : dags.dir("link", link, "z", dags.raw("z"));
    SymlinkEscapeException e = assertThrows(SymlinkEscapeException.class, () -> unpack(root));
    assertEquals(path, e.path());
    assertEquals(target, e.target());
    deleteTree(out);
    UnpackResult r = Unpacker.builder().escapingSymlinks(EscapingSymlinkPolicy.SKIP).build()
        .unpack(dags.store, root, out);
    assertEquals(List.of(path), r.skippedSymlinks().stream().map(UnpackResult.SkippedSymlink::path).toList());
    assertEquals(0, r.symlinks());
    assertEquals("z", Files.readString(out.resolve("z")));
    assertFalse(Files.exists(out.resolve(path), java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void symlinksThatStayInsideAreCreated() throws IOException {
    Cid root = dags.dir("a", dags.dir("b", dags.dir("l1", dags.symlink("../../x"), "l2", dags.symlink("./y/./z"),
        "l3", dags.symlink("..//x"))), "x", dags.raw("x"));
    UnpackResult r = unpack(root);
    assertEquals(3, r.symlinks());
    assertEquals("-> ../../x", DiskTree.read(out).get("a/b/l1"));
    assertEquals("x", Files.readString(out.resolve("a/b/l1")));
  }

  @Test
  void aSymlinkRootEscapesByDefinition() throws IOException {
    Cid link = dags.symlink("anything");
    assertThrows(SymlinkEscapeException.class, () -> unpack(link));
    UnpackResult r = Unpacker.builder().escapingSymlinks(EscapingSymlinkPolicy.SKIP).build()
        .unpack(dags.store, link, out);
    assertEquals(1, r.skippedSymlinks().size());
    assertFalse(Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  // ---------------------------------------------------------------------------------------------- sizes, blocks

  @Test
  void aFileWhoseDeclaredSizeIsNotItsRealSizeLeavesNoFile() throws IOException {
    Cid leaf = dags.raw("abcde");
    Cid lying = dags.node(List.of(PbLink.of(leaf, "", 5)),
        UnixFsData.builder(UnixFsType.FILE).filesize(9).addBlocksize(5).build());
    Cid shortLeaf = dags.node(List.of(PbLink.of(leaf, "", 5)), UnixFsData.fileNode(List.of(6L)));
    for (Cid bad : new Cid[] {lying, shortLeaf}) {
      Cid root = dags.dir("ok", dags.raw("fine"), "bad", bad);
      assertThrows(UnixFsFormatException.class, () -> unpack(root));
      assertEquals(Map.of("ok", "fine"), DiskTree.read(out));
      deleteTree(out);
    }
  }

  @Test
  void aMissingBlockIsNamedAndLeavesNoFile() throws IOException {
    Cid a = dags.raw(text(100));
    Cid b = dags.raw(text(100).toUpperCase());
    Cid c = dags.raw(text(100));
    Cid root = dags.dir("f", dags.fileNode(100, List.of(a, b, c)));
    dags.store.blocks.remove(b);
    MissingBlockException e = assertThrows(MissingBlockException.class, () -> unpack(root));
    assertEquals(b, e.cid());
    assertTrue(e.getMessage().contains(b.toString()), e.getMessage());
    assertEquals(Map.of(), DiskTree.read(out));
  }

  @Test
  void aCorruptBlockIsRefusedUnlessHashesAreNotChecked() throws IOException {
    Cid a = dags.raw("abc");
    dags.store.put(Block.of(a, "abd".getBytes(StandardCharsets.UTF_8)));
    Cid root = dags.dir("f", a);
    assertThrows(BlockIntegrityException.class, () -> unpack(root));
    deleteTree(out);
    Unpacker.builder().verifyHashes(false).build().unpack(dags.store, root, out);
    assertEquals(Map.of("f", "abd"), DiskTree.read(out));
  }

  // ---------------------------------------------------------------------------------------------- bombs, limits

  @Test
  void aDirectoryBombDeclaringFourBillionEntriesHitsTheEntryLimit() throws IOException {
    Cid bomb = dags.repeatedDirectory(dags.raw("x"), 16, 8); // 16^8 files in under 8 KiB
    assertTrue(dags.store.blocks.values().stream().mapToLong(Block::length).sum() < 8192);
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Unpacker.builder().maxEntries(5000).build().unpack(dags.store, bomb, out));
    assertEquals("Unpacker.Builder.maxEntries", e.setting());
    assertEquals(5000, e.limit());
    assertEquals(5001, e.actual());
    assertTrue(e.getMessage().endsWith("5,001 entries, above the limit of 5,000; if the input is genuine, raise "
        + "Unpacker.Builder.maxEntries"), e.getMessage());
    assertEquals(4999, DiskTree.read(out).size(), "the root and 4,999 entries were written");
  }

  @Test
  void aFileBombDeclaringAPetabyteFailsBeforeWritingWithTheDefaults() {
    Cid leaf = dags.raw(new byte[1 << 20]);
    Cid bomb = dags.dir("f", dags.repeatedFile(leaf, 1 << 20, 1000, 3)); // 10^9 MiB
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> unpack(bomb));
    assertEquals("Unpacker.Builder.maxTotalBytes", e.setting());
    assertEquals(Unpacker.DEFAULT_MAX_TOTAL_BYTES, e.limit());
    assertEquals(1_048_576_000_000_000L, e.actual());
    assertTrue(e.getMessage().contains("its 1,048,576,000,000,000 bytes"), e.getMessage());
  }

  @Test
  void theByteLimitCountsAllFilesAndStopsMidFileWithoutLeavingIt() throws IOException {
    Cid leaf = dags.raw(new byte[1000]);
    Cid file = dags.repeatedFile(leaf, 1000, 10, 1); // 10,000 bytes
    Cid root = dags.dir("a", file, "b", file);
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Unpacker.builder().maxTotalBytes(15_000).build().unpack(dags.store, root, out));
    assertEquals("Unpacker.Builder.maxTotalBytes", e.setting());
    assertEquals(20_000, e.actual());
    assertEquals(List.of("a"), List.copyOf(DiskTree.read(out).keySet()));
    deleteTree(out);
    UnpackResult ok = Unpacker.builder().maxTotalBytes(20_000).build().unpack(dags.store, root, out);
    assertEquals(20_000, ok.bytes());
  }

  @Test
  void aDagThatMakesTheReaderWorkWithoutOutputHitsTheBlockLimit() {
    Cid empty = dags.node(List.of(), UnixFsData.file(Bytes.EMPTY));
    Cid bomb = dags.dir("f", dags.repeatedFile(empty, 0, 1000, 3)); // 10^9 empty nodes, 0 bytes
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Unpacker.builder().maxBlocks(20_000).build().unpack(dags.store, bomb, out));
    assertEquals("Unpacker.Builder.maxBlocks", e.setting());
    assertEquals(20_001, e.actual());
  }

  @Test
  void tooManyEntriesAndExactlyEnough() throws IOException {
    Object[] entries = new Object[100];
    for (int i = 0; i < 50; i++) {
      entries[2 * i] = "f" + i;
      entries[2 * i + 1] = dags.raw("c" + i);
    }
    Cid root = dags.dir(entries);
    assertThrows(LimitExceededException.class,
        () -> Unpacker.builder().maxEntries(50).build().unpack(dags.store, root, out));
    deleteTree(out);
    UnpackResult r = Unpacker.builder().maxEntries(51).build().unpack(dags.store, root, out);
    assertEquals(51, r.entries());
  }

  @Test
  void theDepthLimit() throws IOException {
    Cid chain = dags.raw("bottom");
    for (int i = 0; i < 5; i++) {
      chain = dags.dir("d", chain);
    }
    Cid root = chain; // d/d/d/d/d (directories at depths 1..4) holding a file at depth 5
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Unpacker.builder().maxDepth(3).build().unpack(dags.store, root, out));
    assertEquals("Unpacker.Builder.maxDepth", e.setting());
    assertEquals(4, e.actual());
    deleteTree(out);
    Unpacker.builder().maxDepth(4).build().unpack(dags.store, root, out);
    assertEquals("bottom", Files.readString(out.resolve("d/d/d/d/d")));
  }

  // ---------------------------------------------------------------------------------------------- target

  @Test
  void aNonEmptyTargetIsRefusedUnlessMerging() throws IOException {
    Files.createDirectory(out);
    Files.writeString(out.resolve("mine"), "keep");
    Files.createDirectory(out.resolve("sub"));
    Cid root = dags.dir("sub", dags.dir("new", dags.raw("n")), "other", dags.raw("o"));
    assertThrows(TargetNotEmptyException.class, () -> unpack(root));
    Unpacker.builder().targetPolicy(TargetPolicy.MERGE).build().unpack(dags.store, root, out);
    assertEquals(Map.of("mine", "keep", "sub", "dir", "sub/new", "n", "other", "o"), DiskTree.read(out));
    Cid clash = dags.dir("mine", dags.raw("replaced?"));
    EntryCollisionException e = assertThrows(EntryCollisionException.class,
        () -> Unpacker.builder().targetPolicy(TargetPolicy.MERGE).build().unpack(dags.store, clash, out));
    assertTrue(e.getMessage().contains("an existing file"), e.getMessage());
    assertEquals("keep", Files.readString(out.resolve("mine")));
  }

  @Test
  void aFileRootNeverReplacesAnExistingPath() throws IOException {
    Files.writeString(out, "keep");
    assertThrows(TargetNotEmptyException.class, () -> unpack(dags.raw("new")));
    assertEquals("keep", Files.readString(out));
    Files.delete(out);
    Files.createDirectory(out);
    assertThrows(TargetNotEmptyException.class, () -> unpack(dags.raw("new")));
  }

  @Test
  void aDirectoryRootCannotGoWhereAFileIs() throws IOException {
    Files.writeString(out, "keep");
    assertThrows(TargetNotEmptyException.class, () -> unpack(dags.dir("a", dags.raw("1"))));
    assertEquals("keep", Files.readString(out));
    Files.delete(out);
  }

  @Test
  void limitsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> Unpacker.builder().maxEntries(0));
    assertThrows(IllegalArgumentException.class, () -> Unpacker.builder().maxTotalBytes(-1));
    assertThrows(IllegalArgumentException.class, () -> Unpacker.builder().maxBlocks(0));
    assertThrows(IllegalArgumentException.class, () -> Unpacker.builder().maxDepth(Unpacker.MAX_DEPTH_LIMIT + 1));
    Unpacker u = Unpacker.builder().maxEntries(7).maxTotalBytes(8).maxBlocks(9).maxDepth(10).build();
    Unpacker copy = u.toBuilder().build();
    assertEquals(7, copy.maxEntries());
    assertEquals(8, copy.maxTotalBytes());
    assertEquals(9, copy.maxBlocks());
    assertEquals(10, copy.maxDepth());
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

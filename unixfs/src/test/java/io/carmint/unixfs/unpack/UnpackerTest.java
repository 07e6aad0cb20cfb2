package io.carmint.unixfs.unpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.block.BlockIntegrityException;
import io.carmint.block.BlockSource;
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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
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
  void progressTellsTheBytesWrittenUpToWhatTheFilesOnDiskHold() throws IOException {
    byte[] big = new byte[200_000];
    new java.util.Random(3).nextBytes(big);
    List<ImportEntry> entries = List.of(ImportEntry.file("a/big.bin", big),
        ImportEntry.file("b.txt", text(70_000).getBytes(StandardCharsets.ISO_8859_1)),
        ImportEntry.file("empty", new byte[0]), ImportEntry.symlink("link", "b.txt"));
    Cid root = Importer.of(ImportProfile.UNIXFS_V1_2025).importEntries(entries, dags.store).root();
    List<Long> calls = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    Unpacker unpacker = Unpacker.builder().progress(bytes -> {
      calls.add(bytes);
      threads.add(Thread.currentThread());
    }).build();
    unpacker.unpack(dags.store, root, out);

    long onDisk = 0;
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
        onDisk += Files.size(p);
      }
    }
    assertEquals(200_000 + 70_000, onDisk);
    assertEquals(onDisk, calls.get(calls.size() - 1));
    assertEquals(onDisk, unpacker.count(dags.store, root).bytes(), "the total a display can know first");
    long before = 0;
    for (long c : calls) {
      assertTrue(c > before && c - before <= 64 * 1024, "from " + before + " to " + c);
      before = c;
    }
    assertTrue(threads.stream().allMatch(t -> t == Thread.currentThread()), "called on the unpacking thread");
    calls.clear();
    unpacker.toBuilder().build().unpack(dags.store, root, out.resolve("again"));
    assertEquals(onDisk, calls.get(calls.size() - 1), "toBuilder keeps the listener; each unpack counts from 0");
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
    assertFalse(Files.exists(out), "refused while counting, before anything is written");
  }

  @Test
  void nulInANameIsRefused() {
    Cid root = dags.dir("a\0b", dags.raw("evil"));
    UnsafeNameException e = assertThrows(UnsafeNameException.class, () -> unpack(root));
    assertEquals(UnsafeNameException.Reason.NUL, e.reason());
    assertTrue(e.getMessage().contains("'a\\u0000b'"), e.getMessage());
  }

  @Test
  void aRepeatedNameIsRefusedBeforeAnythingIsWritten() throws IOException {
    Cid root = dags.dir("a", dags.raw("first"), "a", dags.raw("second"));
    DuplicateNameException e = assertThrows(DuplicateNameException.class, () -> unpack(root));
    assertEquals("a", e.path());
    assertFalse(Files.exists(out));
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
    DuplicateNameException e = assertThrows(DuplicateNameException.class, () -> unpack(root));
    assertEquals("a", e.path());
    assertFalse(Files.exists(out), "refused while counting, before the symlink is made");
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
      assertFalse(Files.exists(out), "what was written before the failure is removed");
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
    assertFalse(Files.exists(out));
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

  /**
   * Issue 12, defect 6: a DAG bomb was stopped by the entry limit only after writing that many entries (a million and
   * 3.9 GB for a 6.9 KB CAR), and what was written stayed. The tree is now counted first, each distinct directory
   * once, and refused before the target is touched.
   */
  @Test
  void aDirectoryBombIsRefusedBeforeAnythingIsWritten() throws IOException {
    Cid bomb = dags.repeatedDirectory(dags.raw("x"), 16, 8); // 16^8 files in under 8 KiB
    assertTrue(dags.store.blocks.values().stream().mapToLong(Block::length).sum() < 8192);
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Unpacker.builder().maxEntries(5000).build().unpack(dags.store, bomb, out));
    assertEquals("Unpacker.Builder.maxEntries", e.setting());
    assertEquals(5000, e.limit());
    assertTrue(e.actual() > 5000, e.getMessage());
    // refused as soon as one sub-tree is over the limit, without counting the rest
    assertTrue(e.getMessage().startsWith("Unpacking refused before writing anything: the sub-tree 'd0/d0/d0/d0' ("),
        e.getMessage());
    assertTrue(e.getMessage().endsWith(" entries, counting each path to a block linked from several places, above "
        + "the limit of 5,000; if the input is genuine, raise Unpacker.Builder.maxEntries"), e.getMessage());
    assertFalse(Files.exists(out), "nothing was written");
  }

  /** The bomb of the issue: 48 levels, each directory linking the one below twice, a 4,000-byte file at the bottom. */
  @Test
  void theBombOfTheIssueIsRefusedWithTheDefaultsAfterReadingItsFewBlocks() {
    Cid bottom = dags.dir("f", dags.raw(new byte[4000]));
    Cid bomb = dags.repeatedDirectory(bottom, 2, 48);
    AtomicLong reads = new AtomicLong();
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Unpacker.of().unpack(cid -> {
          reads.incrementAndGet();
          return dags.store.get(cid);
        }, bomb, out));
    assertEquals("Unpacker.Builder.maxEntries", e.setting());
    assertTrue(reads.get() < 200, "blocks read: " + reads.get());
    assertFalse(Files.exists(out));
  }

  /**
   * {@link Unpacker#count} counts every path, as unpacking would write it: the 48-level bomb (each directory linking
   * the one below twice, over a directory holding one 4,000-byte file) holds 3 * 2^48 - 1 entries, 2^48 * 4,000
   * bytes and 48 directory levels below its root, counted from its 50 distinct blocks; nothing is written.
   */
  @Test
  void countTellsWhatATreeHoldsCountingEveryPathFromItsDistinctBlocks() throws IOException {
    Cid bottom = dags.dir("f", dags.raw(new byte[4000]));
    Cid bomb = dags.repeatedDirectory(bottom, 2, 48);
    AtomicLong reads = new AtomicLong();
    BlockSource counted = cid -> {
      reads.incrementAndGet();
      return dags.store.get(cid);
    };
    Unpacker unlimited = Unpacker.builder().maxEntries(Long.MAX_VALUE).maxTotalBytes(Long.MAX_VALUE).build();
    assertEquals(new TreeSize(3 * (1L << 48) - 1, (1L << 48) * 4000, 48), unlimited.count(counted, bomb));
    assertTrue(reads.get() < 200, "blocks read: " + reads.get());
    assertEquals(new TreeSize(1, 4000, 0), unlimited.count(dags.store, dags.raw(new byte[4000])), "a file");
    assertEquals(new TreeSize(2, 4000, 0), unlimited.count(dags.store, bottom), "a directory holding a file");
    assertFalse(Files.exists(out));
  }

  /** {@link Unpacker#count} applies the unpacker's limits and says it refused before walking, not before writing. */
  @Test
  void countRefusesATreeOverTheLimitsAsUnpackWould() {
    Cid bomb = dags.repeatedDirectory(dags.raw("x"), 16, 8);
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Unpacker.builder().maxEntries(5000).build().count(dags.store, bomb));
    assertEquals("Unpacker.Builder.maxEntries", e.setting());
    assertTrue(e.getMessage().startsWith("Refused before walking the tree: the sub-tree 'd0/d0/d0/d0' ("),
        e.getMessage());
    LimitExceededException depth = assertThrows(LimitExceededException.class,
        () -> Unpacker.builder().maxDepth(3).build().count(dags.store, bomb));
    assertEquals("Unpacker.Builder.maxDepth", depth.setting());
    LimitExceededException bytes = assertThrows(LimitExceededException.class, () -> Unpacker.builder()
        .maxEntries(Long.MAX_VALUE).maxTotalBytes(1000).build().count(dags.store, bomb));
    assertEquals("Unpacker.Builder.maxTotalBytes", bytes.setting());
    assertEquals(1000, bytes.limit());
  }

  /** Without the count (a source that serves each block once), the limits stop the unpack while writing. */
  @Test
  void withoutCountingFirstTheLimitsStopTheWritingAndWhatWasWrittenIsRemoved() {
    Cid bomb = dags.repeatedDirectory(dags.raw("x"), 16, 8);
    Unpacker streaming = Unpacker.builder().maxEntries(5000).countFirst(false).build();
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> streaming.unpack(dags.store, bomb, out));
    assertEquals(5001, e.actual());
    assertTrue(e.getMessage().startsWith("Unpacking stopped at "), e.getMessage());
    assertFalse(Files.exists(out), "the 4,999 entries written are removed");
  }

  @Test
  void aFileBombDeclaringAPetabyteFailsBeforeWritingWithTheDefaults() {
    Cid leaf = dags.raw(new byte[1 << 20]);
    Cid bomb = dags.dir("f", dags.repeatedFile(leaf, 1 << 20, 1000, 3)); // 10^9 MiB
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> unpack(bomb));
    assertEquals("Unpacker.Builder.maxTotalBytes", e.setting());
    assertEquals(Unpacker.DEFAULT_MAX_TOTAL_BYTES, e.limit());
    assertEquals(1_048_576_000_000_000L, e.actual());
    assertTrue(e.getMessage().contains("holds at least 1,048,576,000,000,000 bytes of file content (the default "
        + "limit for a source of unknown size)"), e.getMessage());
    assertFalse(Files.exists(out));
  }

  /**
   * The automatic byte limit: 1,024 times the source's size, at least 1 GiB and at most 32 GiB; 32 GiB when the
   * source does not know its size; a limit set is used as it is.
   */
  @ParameterizedTest(name = "source of {0} bytes: {1}")
  @CsvSource({"-1, 34359738368", "0, 1073741824", "1000000, 1073741824", "10485760, 10737418240",
      "33554432, 34359738368", "9223372036854775807, 34359738368"})
  void theAutomaticByteLimitFollowsTheSourcesSize(long size, long limit) {
    BlockSource source = new BlockSource() {
      @Override
      public Optional<Block> get(Cid cid) {
        return Optional.empty();
      }

      @Override
      public OptionalLong totalBytes() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
      }
    };
    assertEquals(limit, Unpacker.of().maxTotalBytes(source));
    assertEquals(limit, Unpacker.of().toBuilder().build().maxTotalBytes(source), "toBuilder keeps it automatic");
    assertEquals(5, Unpacker.builder().maxTotalBytes(5).build().maxTotalBytes(source));
  }

  @Test
  void aOneMegabyteSourceCannotWriteThirtyOneGibibytesUnasked() throws IOException {
    Cid leaf = dags.raw(new byte[1 << 20]);
    Cid file = dags.repeatedFile(leaf, 1 << 20, 1000, 1); // 1000 MiB declared from one 1 MiB leaf
    Cid root = dags.repeatedDirectory(file, 31, 1); // 31 of them: 31,000 MiB
    BlockSource oneMegabyte = new BlockSource() {
      @Override
      public Optional<Block> get(Cid cid) {
        return dags.store.get(cid);
      }

      @Override
      public OptionalLong totalBytes() {
        return OptionalLong.of(1_000_000);
      }
    };
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Unpacker.of().unpack(oneMegabyte, root, out));
    assertEquals(1L << 30, e.limit());
    assertTrue(e.getMessage().contains("(the automatic limit: 1,024 times the source's 1,000,000 bytes, at least "
        + "1 GiB and at most 32 GiB)"), e.getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void theByteLimitCountsAllFilesBeforeWriting() throws IOException {
    Cid leaf = dags.raw(new byte[1000]);
    Cid file = dags.repeatedFile(leaf, 1000, 10, 1); // 10,000 bytes
    Cid root = dags.dir("a", file, "b", file);
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Unpacker.builder().maxTotalBytes(15_000).build().unpack(dags.store, root, out));
    assertEquals("Unpacker.Builder.maxTotalBytes", e.setting());
    assertEquals(20_000, e.actual());
    assertFalse(Files.exists(out));
    UnpackResult ok = Unpacker.builder().maxTotalBytes(20_000).build().unpack(dags.store, root, out);
    assertEquals(20_000, ok.bytes());
  }

  @Test
  void aFileLargerThanItsDeclaredSizeStillStopsAtTheByteLimitWhileWriting() throws IOException {
    // The count trusts each file's declared size; the writing holds the file to it, within the limit.
    Cid leaf = dags.raw(new byte[1000]);
    Cid lying = dags.node(List.of(PbLink.of(leaf, "", 1000)),
        UnixFsData.builder(UnixFsType.FILE).filesize(10).addBlocksize(1000).build());
    Cid root = dags.dir("a", dags.raw("fine"), "b", lying);
    assertThrows(UnixFsFormatException.class,
        () -> Unpacker.builder().maxTotalBytes(100).build().unpack(dags.store, root, out));
    assertFalse(Files.exists(out));
  }

  @Test
  void aDagThatMakesTheReaderWorkWithoutOutputHitsTheBlockLimit() {
    Cid empty = dags.node(List.of(), UnixFsData.file(Bytes.EMPTY));
    Cid bomb = dags.dir("f", dags.repeatedFile(empty, 0, 1000, 3)); // 10^9 empty nodes, 0 bytes
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Unpacker.builder().maxBlocks(20_000).build().unpack(dags.store, bomb, out));
    assertEquals("Unpacker.Builder.maxBlocks", e.setting());
    assertEquals(20_001, e.actual());
    assertFalse(Files.exists(out), "the empty file begun is removed, and the directory made for it");
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
    assertFalse(Files.exists(out));
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
    assertFalse(Files.exists(out));
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

  /** A failed unpack removes the entries it made in a merged target and leaves what was there. */
  @Test
  void aFailedMergeRemovesOnlyWhatItWrote() throws IOException {
    Files.createDirectories(out.resolve("sub"));
    Files.writeString(out.resolve("sub/mine"), "keep");
    Cid bad = dags.raw("abc");
    Cid root = dags.dir("new", dags.dir("x", dags.raw("x")), "sub", dags.dir("added", dags.raw("a"), "bad",
        dags.fileNode(3, List.of(bad))));
    dags.store.put(Block.of(bad, "abd".getBytes(StandardCharsets.UTF_8)));
    assertThrows(BlockIntegrityException.class,
        () -> Unpacker.builder().targetPolicy(TargetPolicy.MERGE).build().unpack(dags.store, root, out));
    assertEquals(Map.of("sub", "dir", "sub/mine", "keep"), DiskTree.read(out));
  }

  /** A failure removes the target directory and the parents the unpack made for it. */
  @Test
  void aFailureRemovesTheTargetAndTheParentsItMade() throws IOException {
    Cid bad = dags.raw("abc");
    Cid root = dags.dir("a", dags.raw("a"), "b", dags.fileNode(3, List.of(bad)));
    dags.store.put(Block.of(bad, "abd".getBytes(StandardCharsets.UTF_8)));
    Path deep = out.resolve("x/y");
    assertThrows(BlockIntegrityException.class, () -> Unpacker.of().unpack(dags.store, root, deep));
    assertFalse(Files.exists(out));
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
    assertEquals(8, copy.maxTotalBytes(dags.store));
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

package io.carmint.unixfs.exporter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.block.BlockIntegrityException;
import io.carmint.block.DigestTooShortException;
import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.UnixFsFormatException;
import io.carmint.unixfs.UnixFsType;
import io.carmint.unixfs.chunk.FixedSizeChunker;
import io.carmint.unixfs.importer.ImportEntry;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ImportResult;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.importer.ShardingRule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExporterTest {
  private final MemoryBlocks store = new MemoryBlocks();

  private Cid raw(byte[] data) {
    Cid cid = Cid.v1(Multicodec.RAW, HashFunction.SHA2_256.digest(data));
    store.put(Block.of(cid, data));
    return cid;
  }

  private Cid node(List<PbLink> links, UnixFsData data) {
    byte[] block = DagPb.encodeInGivenOrder(PbNode.of(links, data.encode()));
    Cid cid = Cid.v1(Multicodec.DAG_PB, HashFunction.SHA2_256.digest(block));
    store.put(Block.of(cid, block));
    return cid;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] read(Cid file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exporter.of(store).readFile(file, out);
    return out.toByteArray();
  }

  @Test
  void readsAFileWhoseNodesHoldDataAndLinks() throws IOException {
    Cid a = raw(bytes("bc"));
    Cid b = raw(bytes("def"));
    UnixFsData d = UnixFsData.builder(UnixFsType.FILE).data(Bytes.of(bytes("a"))).filesize(6).addBlocksize(2)
        .addBlocksize(3).build();
    Cid root = node(List.of(PbLink.of(a, "", 2), PbLink.of(b, "", 3)), d);
    assertArrayEquals(bytes("abcdef"), read(root));
    assertEquals(new UnixFsEntry(root, EntryKind.FILE, 6, false), Exporter.of(store).stat(root));
  }

  @Test
  void blocksizeThatDisagreesWithTheChildFailsTheRead() {
    Cid a = raw(bytes("abcde"));
    Cid root = node(List.of(PbLink.of(a, "", 5)), UnixFsData.fileNode(List.of(6L)));
    UnixFsFormatException e = assertThrows(UnixFsFormatException.class, () -> read(root));
    assertTrue(e.getMessage().contains("declares 6 bytes, the raw block holds 5"), e.getMessage());
  }

  @Test
  void filesizeThatDisagreesWithTheBlocksizesFailsTheRead() {
    Cid a = raw(bytes("abcde"));
    UnixFsData d = UnixFsData.builder(UnixFsType.FILE).filesize(9).addBlocksize(5).build();
    Cid root = node(List.of(PbLink.of(a, "", 5)), d);
    UnixFsFormatException e = assertThrows(UnixFsFormatException.class, () -> read(root));
    assertTrue(e.getMessage().contains("its filesize declares 9 bytes, its data and children hold 5"), e.getMessage());
  }

  @Test
  void childFilesizeThatDisagreesWithItsParentFails() {
    Cid leaf = node(List.of(), UnixFsData.file(Bytes.of(bytes("xyz"))));
    Cid root = node(List.of(PbLink.of(leaf, "", 9)), UnixFsData.fileNode(List.of(4L)));
    UnixFsFormatException e = assertThrows(UnixFsFormatException.class, () -> read(root));
    assertTrue(e.getMessage().contains("declares 4 bytes, its filesize says 3"), e.getMessage());
  }

  @Test
  void linksAndBlocksizesMustPair() {
    Cid a = raw(bytes("abc"));
    Cid root = node(List.of(PbLink.of(a, "", 3), PbLink.of(a, "", 3)), UnixFsData.fileNode(List.of(3L)));
    assertThrows(UnixFsFormatException.class, () -> read(root));
  }

  @Test
  void missingBlockIsNamed() {
    Cid a = raw(bytes("abc"));
    Cid root = node(List.of(PbLink.of(a, "", 3)), UnixFsData.fileNode(List.of(3L)));
    store.blocks.remove(a);
    MissingBlockException e = assertThrows(MissingBlockException.class, () -> read(root));
    assertEquals(a, e.cid());
    assertTrue(e.getMessage().contains(a.toString()));
  }

  @Test
  void corruptBlockIsDetectedUnlessTrusted() throws IOException {
    Cid a = raw(bytes("abc"));
    store.put(Block.of(a, bytes("abd")));
    BlockIntegrityException e = assertThrows(BlockIntegrityException.class, () -> read(a));
    assertEquals(a, e.expected());
    assertEquals(raw(bytes("abd")), e.actual().orElseThrow());
    assertTrue(e.getMessage().contains("needed by"), e.getMessage());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exporter.builder(store).verifyHashes(false).build().readFile(a, out);
    assertArrayEquals(bytes("abd"), out.toByteArray());
  }

  /** Issue 12, defect 3: a chunk under a CID with a 1-byte sha2-256 digest was exported as verified. */
  @Test
  void aChunkUnderAOneByteDigestIsRefused() {
    byte[] chunk = bytes("abc");
    Cid full = raw(chunk);
    Cid shortCid = Cid.v1(Multicodec.RAW, Multihash.of(0x12, new byte[] {full.multihash().digest()[0]}));
    store.put(Block.of(shortCid, chunk));
    Cid root = node(List.of(PbLink.of(shortCid, "", 3)), UnixFsData.fileNode(List.of(3L)));
    DigestTooShortException e = assertThrows(DigestTooShortException.class, () -> read(root));
    assertEquals(shortCid, e.cid());
    assertTrue(e.getMessage().contains("(needed by file node " + root + " link 0)"), e.getMessage());
  }

  /**
   * Issue 12, defect 16: a file node without filesize whose two blocksizes are 2^63-1 was described as -2 bytes (the
   * sum wrapped around), and {@code ls -l} printed that.
   */
  @Test
  void blocksizesAddingUpBeyondALongAreAFormatError() {
    Cid a = raw(bytes("abc"));
    Cid root = node(List.of(PbLink.of(a, "", 3), PbLink.of(a, "", 3)), UnixFsData.builder(UnixFsType.FILE)
        .addBlocksize(Long.MAX_VALUE).addBlocksize(Long.MAX_VALUE).build());
    UnixFsFormatException e = assertThrows(UnixFsFormatException.class, () -> Exporter.of(store).stat(root));
    assertEquals("File node " + root + " declares more than 2^63-1 bytes: its blocksizes add up beyond what a size "
        + "can hold", e.getMessage());
  }

  @Test
  void fileDepthLimit() throws IOException {
    Cid a = raw(bytes("abc"));
    Cid mid = node(List.of(PbLink.of(a, "", 3)), UnixFsData.fileNode(List.of(3L)));
    Cid root = node(List.of(PbLink.of(mid, "", 9)), UnixFsData.fileNode(List.of(3L)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Exporter.builder(store).maxFileDepth(1).build().readFile(root, out));
    assertEquals("Exporter.Builder.maxFileDepth", e.setting());
    assertEquals(1, e.limit());
    assertEquals(2, e.actual());
    assertArrayEquals(bytes("abc"), read(root));
  }

  @Test
  void notUnixFs() {
    byte[] cbor = {(byte) 0xa0};
    Cid c = Cid.v1(Multicodec.DAG_CBOR, HashFunction.SHA2_256.digest(cbor));
    store.put(Block.of(c, cbor));
    assertThrows(UnixFsFormatException.class, () -> Exporter.of(store).stat(c));
    Cid noData = Cid.v1(Multicodec.DAG_PB, HashFunction.SHA2_256.digest(new byte[0]));
    store.put(Block.of(noData, new byte[0]));
    assertThrows(UnixFsFormatException.class, () -> Exporter.of(store).stat(noData));
  }

  @Test
  void directoriesNeedUniqueNamesAndWalkingNeedsSafeNames() throws IOException {
    Cid a = raw(bytes("abc"));
    Cid dup = node(List.of(PbLink.of(a, "x", 3), PbLink.of(a, "x", 3)), UnixFsData.directory());
    assertThrows(UnixFsFormatException.class, () -> Exporter.of(store).list(dup));
    Cid escape = node(List.of(PbLink.of(a, "..", 3)), UnixFsData.directory());
    assertEquals("..", Exporter.of(store).list(escape).get(0).name());
    assertThrows(UnsafeNameException.class, () -> Exporter.of(store).walk(escape, new Collect()));
    Cid slash = node(List.of(PbLink.of(a, "a/b", 3)), UnixFsData.directory());
    assertThrows(UnsafeNameException.class, () -> Exporter.of(store).walk(slash, new Collect()));
    Cid unnamed = node(List.of(PbLink.of(a)), UnixFsData.directory());
    assertThrows(UnixFsFormatException.class, () -> Exporter.of(store).list(unnamed));
  }

  @Test
  void symlinks() throws IOException {
    Cid s = node(List.of(), UnixFsData.symlink(Bytes.of(bytes("../target"))));
    assertEquals("../target", Exporter.of(store).readSymlink(s));
    assertEquals(EntryKind.SYMLINK, Exporter.of(store).stat(s).kind());
    assertThrows(UnixFsFormatException.class, () -> Exporter.of(store).open(s));
  }

  /** Collects what a walk sees: path → content, "dir", or "-> target". */
  static final class Collect implements ExportVisitor {
    final Map<String, String> seen = new TreeMap<>();

    @Override
    public void directory(String path, Cid cid) {
      seen.put(path, "dir");
    }

    @Override
    public void file(String path, Cid cid, long size, InputStream content) throws IOException {
      byte[] b = content.readAllBytes();
      assertEquals(size, b.length);
      seen.put(path, new String(b, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void symlink(String path, Cid cid, String target) {
      seen.put(path, "-> " + target);
    }
  }

  @Test
  void walksAnImportedTreeWithAHamtBackToItsEntries() throws IOException {
    List<ImportEntry> entries = new ArrayList<>();
    Map<String, String> expected = new TreeMap<>();
    expected.put("", "dir");
    expected.put("big", "dir");
    for (int i = 0; i < 600; i++) {
      String content = "content " + i;
      entries.add(ImportEntry.file("big/f" + i, content.getBytes(StandardCharsets.ISO_8859_1)));
      expected.put("big/f" + i, content);
    }
    entries.add(ImportEntry.symlink("link", "big/f1"));
    expected.put("link", "-> big/f1");
    entries.add(ImportEntry.directory("empty"));
    expected.put("empty", "dir");
    entries.add(ImportEntry.file("large", new byte[1000]));
    expected.put("large", new String(new byte[1000], StandardCharsets.ISO_8859_1));
    ImportProfile p = ImportProfile.UNIXFS_V1_2025.toBuilder().sharding(ShardingRule.entriesGreaterThan(100))
        .chunker(new FixedSizeChunker(64)).build();
    ImportResult r = Importer.of(p).importEntries(entries, store);
    assertTrue(Exporter.of(store).stat(r.root()).kind() == EntryKind.DIRECTORY);
    Cid big = Exporter.of(store).list(r.root()).stream().filter(e -> e.name().equals("big")).findFirst()
        .orElseThrow().cid();
    assertTrue(Exporter.of(store).stat(big).sharded());
    Set<String> names = new HashSet<>();
    Exporter.of(store).list(big).forEach(e -> names.add(e.name()));
    assertEquals(600, names.size());
    Collect c = new Collect();
    Exporter.of(store).walk(r.root(), c);
    assertEquals(expected, c.seen);
    assertFalse(Exporter.of(store).stat(r.root()).sharded());
  }

  @Test
  void hamtShardWithAClearBitIsRejected() {
    Cid a = raw(bytes("abc"));
    UnixFsData d = UnixFsData.hamtShard(Bytes.of(new byte[] {0x01}), 256);
    Cid bad = node(List.of(PbLink.of(a, "02x", 3)), d);
    assertThrows(UnixFsFormatException.class, () -> Exporter.of(store).list(bad));
    Cid badHash = node(List.of(), UnixFsData.builder(UnixFsType.HAMT_SHARD).hashType(0x12).fanout(256).build());
    assertThrows(UnixFsFormatException.class, () -> Exporter.of(store).list(badHash));
    Cid bigFanout = node(List.of(), UnixFsData.builder(UnixFsType.HAMT_SHARD).hashType(0x22).fanout(4096).build());
    assertThrows(UnixFsFormatException.class, () -> Exporter.of(store).list(bigFanout));
  }

  @Test
  void readsEmptyFiles() throws IOException {
    ImportResult r = Importer.of(ImportProfile.UNIXFS_V0_2015).importStream(new ByteArrayInputStream(new byte[0]),
        store);
    assertEquals("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", r.root().toString());
    assertArrayEquals(new byte[0], read(r.root()));
  }
}

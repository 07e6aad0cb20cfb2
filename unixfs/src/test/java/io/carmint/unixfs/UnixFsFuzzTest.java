package io.carmint.unixfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.carmint.block.Block;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.DataException;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.InvalidVarintException;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Varint;
import io.carmint.testsupport.FuzzSeeds;
import io.carmint.unixfs.exporter.DirectoryCursor;
import io.carmint.unixfs.exporter.DirectoryEntry;
import io.carmint.unixfs.exporter.Exporter;
import io.carmint.unixfs.exporter.MemoryBlocks;
import io.carmint.unixfs.exporter.MissingBlockException;
import io.carmint.unixfs.importer.ImportEntry;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.importer.ShardingRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzz tests (Jazzer) of the UnixFS decoders: the {@code Data} message and the HAMT directory
 * cursor. Only the declared exceptions escape; a message that decodes re-encodes to the same bytes.
 * {@code mvn verify} replays the named regression inputs under
 * {@code src/test/resources/io/carmint/unixfs/UnixFsFuzzTestInputs/<method>}; the README's Reliability section gives
 * the command that fuzzes a target. (The exporter over a whole fuzzed CAR is fuzzed in the pack module.)
 */
class UnixFsFuzzTest {
  static Stream<byte[]> dataSeeds() {
    return FuzzSeeds.fuzzing() ? Stream.of(UnixFsData.directory(), UnixFsData.fileNode(List.of(3L, 262144L)),
        UnixFsData.file(io.carmint.dagpb.Bytes.of(new byte[] {1, 2})),
        UnixFsData.builder(UnixFsType.FILE).mode(0644).mtime(UnixFsTime.of(1700000000L, 5)).build())
        .map(UnixFsData::encode) : Stream.empty();
  }

  /** A UnixFS {@code Data} message: one that decodes re-encodes to the same bytes, or UnixFsFormatException. */
  @MethodSource("dataSeeds")
  @FuzzTest
  void data(byte[] input) throws UnixFsFormatException {
    UnixFsData data;
    try {
      data = UnixFsData.decode(input);
    } catch (UnixFsFormatException expected) {
      return;
    }
    assertArrayEquals(input, data.encode());
    assertEquals(data, UnixFsData.decode(data.encode()));
  }

  /** The fuzz target's own bound on block reads, so that a DAG bomb ends as a declared failure of the target. */
  static final class BudgetExceeded extends IOException {
    BudgetExceeded() {
      super("fuzz budget of block reads spent");
    }
  }

  /**
   * Reads the input as blocks, each a varint length and that many bytes, the first being the root; any CID
   * resolves: to the block that hashes to it (dag-pb or raw, sha2-256), or else to the block its last digest byte
   * selects, so that mutated links still lead somewhere.
   */
  static final class FuzzedBlocks implements io.carmint.block.BlockSource {
    final List<byte[]> blocks = new ArrayList<>();
    final Map<Cid, byte[]> byCid = new HashMap<>();
    int reads;

    FuzzedBlocks(byte[] input) {
      ByteBuffer in = ByteBuffer.wrap(input);
      while (in.hasRemaining()) {
        int length;
        try {
          length = (int) Math.min(Varint.read(in), in.remaining());
        } catch (InvalidVarintException e) {
          length = in.remaining();
        }
        byte[] block = new byte[length];
        in.get(block);
        blocks.add(block);
        byCid.put(Cid.v1(Multicodec.DAG_PB, HashFunction.SHA2_256.digest(block)), block);
        byCid.put(Cid.v1(Multicodec.RAW, HashFunction.SHA2_256.digest(block)), block);
      }
    }

    Cid root() {
      return Cid.v1(Multicodec.DAG_PB, HashFunction.SHA2_256.digest(blocks.isEmpty() ? new byte[0] : blocks.get(0)));
    }

    @Override
    public Optional<Block> get(Cid cid) throws BudgetExceeded {
      if (++reads > 20_000) {
        throw new BudgetExceeded();
      }
      byte[] exact = byCid.get(cid);
      if (exact != null) {
        return Optional.of(Block.of(cid, exact));
      }
      if (blocks.isEmpty()) {
        return Optional.empty();
      }
      byte[] digest = cid.multihash().digest();
      int pick = digest.length == 0 ? 0 : (digest[digest.length - 1] & 0xFF) % blocks.size();
      return Optional.of(Block.of(cid, blocks.get(pick)));
    }
  }

  /** @return the blocks of {@code store} as a fuzz input: {@code root}'s block first, then the rest */
  static byte[] serialize(MemoryBlocks store, Cid root) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Block> ordered = new ArrayList<>(store.blocks.values());
    ordered.sort((a, b) -> Boolean.compare(!a.cid().equals(root), !b.cid().equals(root)));
    for (Block b : ordered) {
      byte[] data = b.toBytes();
      out.writeBytes(Varint.encode(data.length));
      out.writeBytes(data);
    }
    return out.toByteArray();
  }

  static Stream<byte[]> hamtSeeds() throws IOException {
    if (!FuzzSeeds.fuzzing()) {
      return Stream.empty();
    }
    List<byte[]> seeds = new ArrayList<>();
    for (int entries : new int[] {4, 12, 40}) {
      List<ImportEntry> files = new ArrayList<>();
      for (int i = 0; i < entries; i++) {
        files.add(ImportEntry.file("d/f" + i, new byte[] {(byte) i}));
      }
      MemoryBlocks store = new MemoryBlocks();
      ImportProfile p = ImportProfile.UNIXFS_V1_2025.toBuilder().sharding(ShardingRule.entriesGreaterThan(2))
          .hamtFanout(entries == 40 ? 16 : 256).build();
      Cid root = Importer.of(p).importEntries(files, store).root();
      Cid dir = Exporter.of(store).lookup(root, "d").orElseThrow().cid();
      seeds.add(serialize(store, dir));
    }
    return seeds.stream();
  }

  /**
   * A directory over fuzzed blocks ({@link FuzzedBlocks}, hashes not checked): the cursor reads entries or fails
   * with the declared exceptions. When it reads them all, every name it gave once is found again by
   * {@link Exporter#lookup}, with the same CID: the cursor checked that each HAMT entry sits in the buckets its
   * name hashes to, which is the path the lookup descends.
   */
  @MethodSource("hamtSeeds")
  @FuzzTest
  void hamtCursor(byte[] input) throws IOException {
    FuzzedBlocks source = new FuzzedBlocks(input);
    Exporter exporter = Exporter.builder(source).verifyHashes(false).build();
    List<DirectoryEntry> entries = new ArrayList<>();
    try {
      DirectoryCursor cursor = exporter.openDirectory(source.root());
      for (Optional<DirectoryEntry> e = cursor.next(); e.isPresent(); e = cursor.next()) {
        entries.add(e.get());
      }
    } catch (DataException | MissingBlockException | BudgetExceeded expected) {
      return; // the declared failures (malformed, over a limit, hash mismatch; missing) and the target's own bound
    }
    Map<String, Integer> counts = new HashMap<>();
    entries.forEach(e -> counts.merge(e.name(), 1, Integer::sum));
    for (DirectoryEntry e : entries.subList(0, Math.min(entries.size(), 8))) {
      if (counts.get(e.name()) == 1) {
        Optional<DirectoryEntry> found;
        try {
          found = exporter.lookup(source.root(), e.name());
        } catch (BudgetExceeded spent) {
          return;
        }
        assertEquals(Optional.of(e.cid()), found.map(DirectoryEntry::cid), "lookup of " + e.name());
      }
    }
  }
}

package io.carmint.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.carmint.block.Block;
import io.carmint.block.BlockSource;
import io.carmint.car.CarReadOptions;
import io.carmint.car.CarReader;
import io.carmint.car.TruncatedCarException;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.DataException;
import io.carmint.testsupport.FuzzSeeds;
import io.carmint.unixfs.exporter.EntryKind;
import io.carmint.unixfs.exporter.ExportVisitor;
import io.carmint.unixfs.exporter.Exporter;
import io.carmint.unixfs.exporter.MissingBlockException;
import io.carmint.unixfs.exporter.UnixFsEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzz test (Jazzer) of the UnixFS exporter over a fuzzed CAR: the CAR is read without hash checks,
 * so that mutated blocks reach the exporter (the CAR reader itself is fuzzed in the car module), and every root is
 * walked, its files read (each to its declared size), with the default limits. Only the declared exceptions escape,
 * and after a complete walk every path walked resolves to the node the walk found there. {@code mvn verify} replays the named regression inputs under
 * {@code src/test/resources/io/carmint/pack/CarExportFuzzTestInputs/<method>}; the README's Reliability section
 * gives the command that fuzzes it.
 */
class CarExportFuzzTest {
  private static final int MAX_SEED = 64 << 10;
  /** The target's own bounds: a DAG may declare far more than it holds (one sub-DAG linked many times). */
  private static final int MAX_BLOCK_READS = 20_000;
  private static final long MAX_FILE_BYTES = 1 << 20;

  /** The target's bound reached: a declared end of the walk, not a finding. */
  static final class BudgetExceeded extends IOException {
    BudgetExceeded(String what) {
      super("fuzz budget of " + what + " spent");
    }
  }

  static Stream<byte[]> seeds() {
    return Stream.of(FuzzSeeds.files("gateway-conformance", ".car", MAX_SEED),
        FuzzSeeds.files("go-car/cmd-car-inputs", ".car", MAX_SEED), FuzzSeeds.files("go-car/v2-testdata", ".car", 4096),
        FuzzSeeds.testdata("cars", ".car", MAX_SEED)).flatMap(s -> s);
  }

  @MethodSource("seeds")
  @FuzzTest
  void exportCar(byte[] input) throws IOException {
    Map<Cid, Block> blocks = new HashMap<>();
    List<Cid> roots;
    try (CarReader r = CarReader.open(new ByteArrayInputStream(input),
        CarReadOptions.builder().verifyHashes(false).build())) {
      roots = r.roots();
      for (Block b = r.next(); b != null; b = r.next()) {
        blocks.put(b.cid(), b);
      }
    } catch (DataException | TruncatedCarException expected) {
      return;
    }
    int[] reads = {0};
    BlockSource source = cid -> {
      if (++reads[0] > MAX_BLOCK_READS) {
        throw new BudgetExceeded("block reads");
      }
      return Optional.ofNullable(blocks.get(cid));
    };
    Exporter exporter = Exporter.builder(source).verifyHashes(false).build();
    for (Cid root : roots) {
      Map<String, Cid> walked = new LinkedHashMap<>();
      try {
        UnixFsEntry entry = exporter.stat(root);
        assertTrue(entry.kind() == EntryKind.DIRECTORY ? entry.size() == -1 : entry.size() >= 0, entry.toString());
        exporter.walk(root, new Reading(walked));
      } catch (DataException | MissingBlockException | BudgetExceeded expected) {
        continue; // the declared failures (malformed, unsafe or duplicate names, over a limit, hash mismatch; missing)
      }
      // A walk that completed checked every name on the way: each path resolves to the node walked there.
      for (Map.Entry<String, Cid> e : walked.entrySet().stream().limit(8).toList()) {
        try {
          assertEquals(e.getValue(), exporter.resolve(root, e.getKey()), "resolve " + e.getKey());
        } catch (BudgetExceeded spent) {
          return;
        }
      }
    }
  }

  /** Reads every file to its end (up to the target's bound), collecting the paths walked and their CIDs. */
  private static final class Reading implements ExportVisitor {
    private final Map<String, Cid> walked;
    private final byte[] buffer = new byte[8192];

    Reading(Map<String, Cid> walked) {
      this.walked = walked;
    }

    @Override
    public void directory(String path, Cid cid) {
      walked.put(path, cid);
    }

    @Override
    public void file(String path, Cid cid, long size, InputStream content) throws IOException {
      walked.put(path, cid);
      long read = 0;
      for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
        read += n;
        if (read > MAX_FILE_BYTES) {
          throw new BudgetExceeded("file bytes");
        }
      }
      assertEquals(size, read, "the file's declared size and the bytes it streamed");
    }

    @Override
    public void symlink(String path, Cid cid, String target) {
      walked.put(path, cid);
    }
  }
}

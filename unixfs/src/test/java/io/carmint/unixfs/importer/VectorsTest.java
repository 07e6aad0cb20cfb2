package io.carmint.unixfs.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.UnixFsType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reference vector in testdata/vectors (expected.json, and extra-expected.json when present): the inputs are
 * regenerated from their seeds in-process, streamed into the importer with the profile the result key names, and
 * the root CID must match; for ipfs-car also the SHA-256 of the CAR (so the block order), and for directories the
 * root block's kind, size and link count when the vector gives them. A summary line reports N/N per profile.
 */
class VectorsTest {
  private static final Map<String, AtomicInteger> TOTAL = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> PASSED = new ConcurrentHashMap<>();

  static Stream<Arguments> vectors() throws IOException {
    List<Vectors.Expectation> all = new ArrayList<>(Vectors.load("corpus.json", "expected.json"));
    all.addAll(Vectors.load("extra-corpus.json", "extra-expected.json"));
    if (all.isEmpty()) {
      return Stream.of(Arguments.of("testdata/vectors absent", null));
    }
    Map<String, Integer> totals = new TreeMap<>();
    for (Vectors.Expectation e : all) {
      totals.merge(e.key(), 1, Integer::sum);
    }
    Map<String, Integer> seen = new TreeMap<>();
    List<Arguments> out = new ArrayList<>();
    for (Vectors.Expectation e : all) {
      int n = seen.merge(e.key(), 1, Integer::sum);
      out.add(Arguments.of("[" + e.key() + " " + n + "/" + totals.get(e.key()) + "] " + e.input().id(), e));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void matchesTheReferenceTool(String name, Vectors.Expectation v) throws IOException {
    Assumptions.assumeTrue(v != null, "testdata/vectors absent at " + Vectors.dir());
    TOTAL.computeIfAbsent(v.key(), k -> new AtomicInteger()).incrementAndGet();
    JsonNode expected = v.expected();
    Cid expectedRoot = Cid.parse(expected.get("cid").asText());
    Importer importer = Importer.of(Vectors.profile(v.key()));

    CarSha256 car = expected.has("carSha256") ? new CarSha256(expectedRoot) : null;
    Block[] last = new Block[1];
    BlockSink sink = b -> {
      last[0] = b;
      if (car != null) {
        car.put(b);
      }
    };
    ImportResult r;
    if (v.input().isFile()) {
      try (InputStream in = Keystream.open(v.input().seed(), v.input().size())) {
        r = importer.importStream(in, sink);
      }
      assertEquals(v.input().size(), r.contentBytes());
    } else {
      r = importer.importEntries(v.input().entries(), sink);
    }
    assertEquals(expectedRoot, r.root(), name);
    assertEquals(r.root(), last[0].cid(), "the root is the last block");
    if (car != null) {
      assertEquals(expected.get("carSha256").asText(), car.hex(), name + ": CAR bytes (block order) differ");
    }
    if (expected.has("carBlocks")) {
      assertEquals(expected.get("carBlocks").asLong(), r.blocks(), "block sections");
    }
    if (expected.has("rootKind")) {
      PbNode root = DagPb.decode(last[0].toBytes());
      UnixFsType type = UnixFsData.decode(root.data().orElseThrow()).type();
      assertEquals(expected.get("rootKind").asText(), type == UnixFsType.HAMT_SHARD ? "hamt" : "directory");
      assertEquals(expected.get("rootBlockSize").asInt(), last[0].length());
      assertEquals(expected.get("rootLinks").asInt(), root.links().size());
    }
    PASSED.computeIfAbsent(v.key(), k -> new AtomicInteger()).incrementAndGet();
  }

  @AfterAll
  static void summary() {
    StringBuilder s = new StringBuilder("Reference vectors:");
    new TreeMap<>(TOTAL).forEach((k, t) -> s.append(' ').append(k).append(' ')
        .append(PASSED.getOrDefault(k, new AtomicInteger()).get()).append('/').append(t.get()).append(';'));
    System.out.println(s);
  }
}

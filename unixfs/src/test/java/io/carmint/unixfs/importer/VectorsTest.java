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

  private static final List<Vectors.Expectation> ALL = new ArrayList<>();

  static Stream<Arguments> vectors() throws IOException {
    List<Vectors.Expectation> all = new ArrayList<>(Vectors.load("corpus.json", "expected.json"));
    all.addAll(Vectors.load("extra-corpus.json", "extra-expected.json"));
    synchronized (VectorsTest.class) {
      ALL.clear();
      ALL.addAll(all);
    }
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

  /** What one import produced, as much as the checks need. */
  private record Outcome(ImportResult result, Block last, String carSha256) {}

  /** Outcomes of large file cases, computed for all their result keys in one pass over the input. */
  private static final Map<String, Map<String, Outcome>> FILE_OUTCOMES = new ConcurrentHashMap<>();
  /** Files at least this big are imported once for all profiles (generating their bytes once). */
  private static final long FAN_OUT_SIZE = 32 << 20;

  private static final class Capture implements BlockSink {
    final CarSha256 car;
    Block last;

    Capture(Cid carRoot) {
      this.car = carRoot == null ? null : new CarSha256(carRoot);
    }

    @Override
    public void put(Block b) throws IOException {
      last = b;
      if (car != null) {
        car.put(b);
      }
    }

    Outcome outcome(ImportResult r) {
      return new Outcome(r, last, car == null ? null : car.hex());
    }
  }

  private static Cid carRoot(JsonNode expected) {
    return expected.has("carSha256") ? Cid.parse(expected.get("cid").asText()) : null;
  }

  private static Outcome importOnce(Vectors.Expectation v) throws IOException {
    Importer importer = Importer.of(Vectors.profile(v.key()));
    Capture sink = new Capture(carRoot(v.expected()));
    if (v.input().isFile()) {
      try (InputStream in = Keystream.open(v.input().seed(), v.input().size())) {
        return sink.outcome(importer.importStream(in, sink));
      }
    }
    return sink.outcome(importer.importEntries(v.input().entries(), sink));
  }

  /** Imports a large file for every result key of its case at once (one importer per key, one pass). */
  private static synchronized Outcome importFannedOut(Vectors.Expectation v) throws IOException {
    Map<String, Outcome> done = FILE_OUTCOMES.get(v.input().id());
    if (done == null) {
      List<Vectors.Expectation> same = new ArrayList<>();
      for (Vectors.Expectation e : ALL) {
        if (e.input().id().equals(v.input().id())) {
          same.add(e);
        }
      }
      List<FanOut.Job> jobs = new ArrayList<>();
      List<Capture> sinks = new ArrayList<>();
      for (Vectors.Expectation e : same) {
        Capture c = new Capture(carRoot(e.expected()));
        sinks.add(c);
        jobs.add(new FanOut.Job(Importer.builder().profile(Vectors.profile(e.key())).parallelism(1).build(), c));
      }
      List<ImportResult> results;
      try (InputStream in = Keystream.open(v.input().seed(), v.input().size())) {
        results = FanOut.run(in, jobs);
      }
      done = new java.util.HashMap<>();
      for (int i = 0; i < same.size(); i++) {
        done.put(same.get(i).key(), sinks.get(i).outcome(results.get(i)));
      }
      FILE_OUTCOMES.put(v.input().id(), done);
    }
    return done.get(v.key());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void matchesTheReferenceTool(String name, Vectors.Expectation v) throws IOException {
    Assumptions.assumeTrue(v != null, "testdata/vectors absent at " + Vectors.dir());
    TOTAL.computeIfAbsent(v.key(), k -> new AtomicInteger()).incrementAndGet();
    JsonNode expected = v.expected();
    Cid expectedRoot = Cid.parse(expected.get("cid").asText());
    Outcome o = v.input().isFile() && v.input().size() >= FAN_OUT_SIZE ? importFannedOut(v) : importOnce(v);
    ImportResult r = o.result();
    Block last = o.last();
    if (v.input().isFile()) {
      assertEquals(v.input().size(), r.contentBytes());
    }
    assertEquals(expectedRoot, r.root(), name);
    assertEquals(r.root(), last.cid(), "the root is the last block");
    if (expected.has("carSha256")) {
      assertEquals(expected.get("carSha256").asText(), o.carSha256(), name + ": CAR bytes (block order) differ");
    }
    if (expected.has("carBlocks")) {
      assertEquals(expected.get("carBlocks").asLong(), r.blocks(), "block sections");
    }
    if (expected.has("rootKind")) {
      PbNode root = DagPb.decode(last.toBytes());
      UnixFsType type = UnixFsData.decode(root.data().orElseThrow()).type();
      assertEquals(expected.get("rootKind").asText(), type == UnixFsType.HAMT_SHARD ? "hamt" : "directory");
      assertEquals(expected.get("rootBlockSize").asInt(), last.length());
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

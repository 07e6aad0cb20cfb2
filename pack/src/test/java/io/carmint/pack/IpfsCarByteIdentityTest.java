package io.carmint.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmint.block.Block;
import io.carmint.car.CarBlocks;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.Fixtures;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ImportProfileBuilder;
import io.carmint.unixfs.importer.Importer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code carmint pack} with the ipfs-car profile against the CARs {@code ipfs-car pack … --output} wrote: the
 * SHA-256 of the whole CAR ({@code carSha256} in testdata/vectors/expected.json and extra-expected.json, and the
 * CAR files of testdata/cars) for every case. With de-duplication off the bytes must be identical; with it on
 * (the default) they are identical when no block repeats, and otherwise the CAR holds exactly the first occurrence
 * of each block, in the same order.
 *
 * <p>Inputs above 100 MB (six extra cases, ~4 GB in all) are skipped unless {@code -Dcarmint.largeVectors=true}:
 * they take minutes of disk I/O, and the importer's own vector test covers their DAGs.
 */
class IpfsCarByteIdentityTest {
  private static final long LARGE = 100_000_000L;
  private static final AtomicInteger IDENTICAL = new AtomicInteger();
  private static final AtomicInteger TOTAL = new AtomicInteger();
  private static final List<String> DEDUPED = new ArrayList<>();

  @TempDir
  Path tmp;

  record Case(String id, JsonNode input, Path inputCar, String carSha256, ImportProfile profile, Path expectedCar) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Arguments> cases() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Path vectors = Fixtures.testdata().resolve("vectors");
    List<Arguments> out = new ArrayList<>();
    for (String[] files : new String[][] {{"corpus.json", "expected.json"},
        {"extra-corpus.json", "extra-expected.json"}}) {
      Map<String, JsonNode> corpus = new HashMap<>();
      for (JsonNode c : json.readTree(vectors.resolve(files[0]).toFile())) {
        corpus.put(c.get("id").asText(), c);
      }
      for (JsonNode e : json.readTree(vectors.resolve(files[1]).toFile())) {
        JsonNode r = e.get("results").get("ipfs-car");
        if (r != null && r.has("carSha256")) {
          String id = e.get("id").asText();
          out.add(Arguments.of(new Case(id, corpus.get(id), null, r.get("carSha256").asText(),
              ImportProfile.IPFS_CAR, null)));
        }
      }
    }
    Path cars = Fixtures.testdata().resolve("cars");
    for (JsonNode rec : json.readTree(cars.resolve("cars.json").toFile())) {
      List<String> argv = new ArrayList<>();
      rec.get("argv").forEach(a -> argv.add(a.asText()));
      ImportProfileBuilder p = ImportProfile.IPFS_CAR.toBuilder();
      boolean file = rec.get("input").get("kind").asText().equals("file");
      p.wrap(file && !argv.contains("--no-wrap")); // ipfs-car wraps a single file unless --no-wrap
      p.includeHidden(argv.contains("--hidden"));
      String id = rec.get("id").asText();
      out.add(Arguments.of(new Case(id, rec.get("input"), null, rec.get("carSha256").asText(), p.build(),
          cars.resolve("ipfs-car-" + id + ".car"))));
    }
    return out.stream();
  }

  /** Writes the input of a case under {@code dir}; @return the path ipfs-car was given. */
  Path writeInput(Case c, Path dir) throws IOException {
    JsonNode in = c.input();
    if (in.has("name")) { // testdata/cars/cars.json record
      Path p = dir.resolve(in.get("name").asText());
      if (in.get("kind").asText().equals("file")) {
        if (in.has("contentUtf8")) {
          Files.writeString(p, in.get("contentUtf8").asText(), StandardCharsets.UTF_8);
        } else {
          CorpusInputs.writeFile(p, in.get("size").asLong(), in.get("seed").asText());
        }
      } else if (in.has("corpusCase")) {
        JsonNode corpus = null;
        for (JsonNode x : new ObjectMapper().readTree(
            Fixtures.testdata().resolve("vectors/extra-corpus.json").toFile())) {
          if (x.get("id").asText().equals(in.get("corpusCase").asText())) {
            corpus = x;
          }
        }
        CorpusInputs.writeEntries(corpus.get("entries"), p);
      } else {
        CorpusInputs.writeEntries(in.get("entries"), p);
      }
      return p;
    }
    return CorpusInputs.write(in, dir);
  }

  static long inputSize(JsonNode in) {
    if (in.has("size")) {
      return in.get("size").asLong();
    }
    long n = 0;
    if (in.has("entries")) {
      for (JsonNode e : in.get("entries")) {
        n += e.has("size") ? e.get("size").asLong() : 0;
      }
    }
    return n;
  }

  static String sha256(Path f) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(f), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return java.util.HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void packIsByteIdenticalToIpfsCar(Case c) throws IOException {
    Assumptions.assumeTrue(inputSize(c.input()) <= LARGE || Boolean.getBoolean("carmint.largeVectors"),
        c.id() + " is above 100 MB: run with -Dcarmint.largeVectors=true");
    TOTAL.incrementAndGet();
    Path input = writeInput(c, Files.createDirectories(tmp.resolve("in")));
    Importer importer = Importer.of(c.profile());

    Path exact = tmp.resolve("exact.car");
    PackResult r = CarPacker.builder().importer(importer)
        .writeOptions(CarWriteOptions.builder().deduplicate(false).build()).build().pack(input, exact);
    assertEquals(c.carSha256(), sha256(exact), c.id() + ": CAR differs from ipfs-car's");
    if (c.expectedCar() != null) {
      assertArrayEquals(Files.readAllBytes(c.expectedCar()), Files.readAllBytes(exact));
    }

    Set<Cid> firstSeen = new LinkedHashSet<>(); // the CIDs of the CAR without repeats, in file order
    boolean repeats;
    try (io.carmint.car.CarFile f = io.carmint.car.CarFile.open(exact)) {
      f.locations().forEach(l -> firstSeen.add(l.cid()));
      repeats = firstSeen.size() < f.locations().size();
    }
    if (!repeats) {
      // Nothing to skip: the default (de-duplicating) writer writes the very same sections.
      IDENTICAL.incrementAndGet();
      return;
    }
    Path deduped = tmp.resolve("deduped.car");
    PackResult d = CarPacker.builder().importer(importer).build().pack(input, deduped);
    assertEquals(r.root(), d.root());
    assertTrue(d.duplicates() > 0);
    assertNotEquals(c.carSha256(), sha256(deduped));
    assertEquals(new ArrayList<>(firstSeen), CarBlocks.read(deduped).stream().map(Block::cid).toList());
    assertTrue(Files.size(deduped) < Files.size(exact));
    synchronized (DEDUPED) {
      DEDUPED.add(c.id() + " (" + d.duplicates() + " repeated)");
    }
    IDENTICAL.incrementAndGet();
  }

  @AfterAll
  static void summary() {
    System.out.println("ipfs-car byte identity: " + IDENTICAL.get() + "/" + TOTAL.get()
        + " identical with de-duplication off; with it on, differing only by repeated blocks: " + DEDUPED);
  }
}

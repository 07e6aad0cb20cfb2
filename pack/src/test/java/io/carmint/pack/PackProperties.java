package io.carmint.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.car.CarFile;
import io.carmint.car.CarVerifier;
import io.carmint.car.VerifyReport;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ImportResult;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.exporter.ExportVisitor;
import io.carmint.unixfs.exporter.Exporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Pack round trips on random trees, for every preset profile and both CAR versions: pack → verify → unpack gives
 * the input tree back. The CAR verifies (every hash, complete DAG, CARv2 index), its header root is the importer's
 * root, it holds exactly the distinct blocks the importer produced, in first-seen order, and the UnixFS exporter
 * reading it through {@link CarFile} (a {@code BlockSource}) gives every file's path and bytes.
 */
class PackProperties {
  /** A random tree: relative path → (size, seed); sizes straddle the 256 KiB and 1 MiB chunk sizes. */
  @Provide
  Arbitrary<Map<String, long[]>> trees() {
    Arbitrary<String> name = Arbitraries.of("a", "b", "c.txt", "é", "😀", "Z", "x y", "deep", "0");
    Arbitrary<String> path = name.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
    Arbitrary<Long> size = Arbitraries.oneOf(Arbitraries.longs().between(0, 3000),
        Arbitraries.of(262_143L, 262_144L, 262_145L, 1_048_577L, 600_000L));
    Arbitrary<long[]> file = Combinators.combine(size, Arbitraries.longs().between(0, 3)).as((s, seed) ->
        new long[] {s, seed});
    return Arbitraries.maps(path, file).ofMinSize(1).ofMaxSize(8).filter(PackProperties::noFileIsADirectory);
  }

  private static boolean noFileIsADirectory(Map<String, long[]> tree) {
    for (String p : tree.keySet()) {
      for (String q : tree.keySet()) {
        if (q.startsWith(p + "/")) {
          return false;
        }
      }
    }
    return true;
  }

  static Path write(Map<String, long[]> tree) throws IOException {
    Path root = Files.createTempDirectory("pack-prop");
    for (var e : tree.entrySet()) {
      Path f = root.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      byte[] bytes = new byte[(int) e.getValue()[0]];
      new Random(e.getValue()[1]).nextBytes(bytes); // seeds 0..3 repeat content on purpose
      Files.write(f, bytes);
    }
    return root;
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 25)
  void packedCarsVerifyAndHoldTheImportersBlocks(@ForAll("trees") Map<String, long[]> tree,
      @ForAll("profiles") ImportProfile profile, @ForAll("versions") int version) throws IOException {
    Path dir = write(tree);
    Path car = Files.createTempFile("pack-prop", ".car");
    try {
      Set<Cid> produced = new LinkedHashSet<>();
      ImportResult expected = Importer.of(profile).importPath(dir, b -> produced.add(b.cid()));
      PackResult r = CarPacker.builder().importer(Importer.of(profile)).carVersion(version).build().pack(dir, car);
      assertEquals(expected.root(), r.root());
      VerifyReport report = CarVerifier.builder().build().verify(car);
      assertTrue(report.ok(), report.problems().toString());
      assertEquals(0, report.unreachable());
      try (CarFile f = CarFile.open(car)) {
        assertEquals(version, f.version());
        assertEquals(List.of(expected.root()), f.roots());
        assertEquals(List.copyOf(produced), f.locations().stream().map(l -> l.cid()).toList());
        Block root = f.get(expected.root()).orElseThrow();
        assertEquals(expected.root(), root.cid());
        Map<String, String> unpacked = new TreeMap<>();
        Exporter.of(f).walk(r.root(), new ExportVisitor() {
          @Override
          public void directory(String path, Cid cid) {
            // implied by the files
          }

          @Override
          public void file(String path, Cid cid, long size, InputStream content) throws IOException {
            byte[] bytes = content.readAllBytes();
            assertEquals(size, bytes.length);
            unpacked.put(path, HexFormat.of().formatHex(sha256(bytes)));
          }

          @Override
          public void symlink(String path, Cid cid, String target) {
            throw new AssertionError("no symlink was packed: " + path);
          }
        });
        Map<String, String> input = new TreeMap<>();
        for (var e : tree.entrySet()) {
          input.put(e.getKey(), HexFormat.of().formatHex(sha256(Files.readAllBytes(dir.resolve(e.getKey())))));
        }
        assertEquals(profile.stripCommonPrefix() ? stripSingleDirectory(input) : input, unpacked);
      }
    } finally {
      delete(dir);
      Files.deleteIfExists(car);
    }
  }

  /**
   * ipfs-car's files-from-path rule: while the tree holds exactly one entry and it is a directory, that directory
   * is the root.
   */
  static Map<String, String> stripSingleDirectory(Map<String, String> tree) {
    while (true) {
      Set<String> first = new java.util.HashSet<>();
      boolean allNested = true;
      for (String p : tree.keySet()) {
        int slash = p.indexOf('/');
        allNested &= slash > 0;
        first.add(slash > 0 ? p.substring(0, slash) : p);
      }
      if (!allNested || first.size() != 1) {
        return tree;
      }
      Map<String, String> next = new TreeMap<>();
      tree.forEach((p, v) -> next.put(p.substring(p.indexOf('/') + 1), v));
      tree = next;
    }
  }

  static byte[] sha256(byte[] b) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Falsified once: ipfs-car makes a lone sub-directory the root (files-from-path strips the common prefix). */
  @net.jqwik.api.Example
  void loneSubdirectoryBecomesTheRootWithIpfsCar() throws IOException {
    for (int version : new int[] {1, 2}) {
      packedCarsVerifyAndHoldTheImportersBlocks(Map.of("a/a", new long[] {0, 0}), ImportProfile.IPFS_CAR, version);
      packedCarsVerifyAndHoldTheImportersBlocks(Map.of("a/a", new long[] {0, 0}), ImportProfile.KUBO_V1, version);
    }
  }

  @Provide
  Arbitrary<ImportProfile> profiles() {
    return Arbitraries.of(ImportProfile.presets());
  }

  @Provide
  Arbitrary<Integer> versions() {
    return Arbitraries.of(1, 2);
  }
}

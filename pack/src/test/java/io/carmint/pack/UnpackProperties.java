package io.carmint.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.car.CarFile;
import io.carmint.car.CarVerifier;
import io.carmint.car.VerifyReport;
import io.carmint.pack.CarPacker;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.importer.SymlinkPolicy;
import io.carmint.unixfs.unpack.UnpackResult;
import io.carmint.unixfs.unpack.Unpacker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * pack → verify → unpack gives the input tree back, for random small trees (unicode and hidden names, empty files,
 * files of several chunks, nested and empty directories, symlinks) and every preset profile: the importer writes
 * the tree into a CAR through {@link CarPacker}, {@link CarVerifier} finds it complete and sound, and
 * {@link Unpacker} reading it through {@link CarFile} writes a tree whose names, bytes and symlinks equal what the
 * profile keeps of the input (computed here from the profile's documented rules: hidden entries dropped, symlinks
 * stored or dropped, empty directories kept or dropped, ipfs-car's lone-directory root).
 */
class UnpackProperties {
  /** A tree node: a file (size, seed of its bytes), a directory, or a symlink. */
  sealed interface Node permits FileNode, DirNode, LinkNode {}

  record FileNode(int size, long seed) implements Node {
    byte[] bytes() {
      byte[] b = new byte[size];
      new Random(seed).nextBytes(b); // few seeds: equal files (de-duplicated blocks) occur on purpose
      return b;
    }
  }

  record DirNode(Map<String, Node> children) implements Node {}

  record LinkNode(String target) implements Node {}

  private static final Arbitrary<String> NAMES = Arbitraries.of("a", "b", "c.txt", "é", "😀", "Z", "x y", "deep",
      "0", "日本語.md", "a.b.c", "%2F", "-", ".hidden", ".h");

  private static Arbitrary<Node> node(int depth) {
    Arbitrary<Integer> size = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(0, 3000)),
        Tuple.of(2, Arbitraries.just(0)), Tuple.of(1, Arbitraries.of(262_145, 1_048_577)));
    Arbitrary<Node> file = size.flatMap(s -> Arbitraries.longs().between(0, 3).map(seed -> new FileNode(s, seed)));
    Arbitrary<Node> link = Arbitraries.of(".", "a", "deep/c.txt", "missing", "é/😀").map(LinkNode::new);
    if (depth == 0) {
      return Arbitraries.frequencyOf(Tuple.of(5, file), Tuple.of(1, link));
    }
    Arbitrary<Node> dir = Arbitraries.maps(NAMES, Arbitraries.lazy(() -> node(depth - 1))).ofMaxSize(4)
        .map(DirNode::new);
    return Arbitraries.frequencyOf(Tuple.of(5, file), Tuple.of(1, link), Tuple.of(3, dir));
  }

  @Provide
  Arbitrary<DirNode> trees() {
    return Arbitraries.maps(NAMES, node(2)).ofMaxSize(5).map(DirNode::new);
  }

  @Provide
  Arbitrary<ImportProfile> profiles() {
    return Arbitraries.of(ImportProfile.presets());
  }

  @Property(tries = 60)
  void packVerifyUnpackGivesWhatTheProfileKeeps(@ForAll("trees") DirNode tree,
      @ForAll("profiles") ImportProfile profile) throws IOException {
    Path work = Files.createTempDirectory("unpack-prop");
    try {
      Path input = work.resolve("input");
      write(tree, input);
      Path car = work.resolve("tree.car");
      Cid root = CarPacker.builder().importer(Importer.of(profile)).build().pack(input, car).root();
      VerifyReport report = CarVerifier.builder().build().verify(car);
      assertTrue(report.ok(), report.problems().toString());
      assertEquals(0, report.unreachable());

      Path out = work.resolve("out");
      UnpackResult result;
      try (CarFile f = CarFile.open(car)) {
        assertEquals(List.of(root), f.roots());
        result = Unpacker.of().unpack(f, root, out);
      }
      Map<String, String> expected = expected(tree, profile);
      assertEquals(expected, read(out));
      assertEquals(expected.size() + 1, result.entries());
      assertEquals(0, result.skippedSymlinks().size());
    } finally {
      delete(work);
    }
  }

  /** A lone directory holding an empty file: ipfs-car makes that directory the root. */
  @Example
  void loneDirectoryWithAnEmptyFile() throws IOException {
    for (ImportProfile p : ImportProfile.presets()) {
      packVerifyUnpackGivesWhatTheProfileKeeps(new DirNode(Map.of("a", new DirNode(Map.of("b",
          new FileNode(0, 0))))), p);
    }
  }

  @Example
  void onlyHiddenEntriesSymlinksAndEmptyDirectories() throws IOException {
    DirNode tree = new DirNode(Map.of(".hidden", new FileNode(5, 1), "deep", new DirNode(Map.of()),
        "a", new LinkNode("deep"), "b", new DirNode(Map.of(".h", new FileNode(1, 1)))));
    for (ImportProfile p : ImportProfile.presets()) {
      packVerifyUnpackGivesWhatTheProfileKeeps(tree, p);
    }
  }

  // ---------------------------------------------------------------------------------------------- the model

  /** What the profile keeps of the tree, flattened: path → "dir", "-> target" or the sha-256 of the bytes. */
  static Map<String, String> expected(DirNode tree, ImportProfile p) {
    DirNode kept = keep(tree, p);
    if (p.stripCommonPrefix()) {
      while (kept.children().size() == 1 && kept.children().values().iterator().next() instanceof DirNode only) {
        kept = only;
      }
    }
    Map<String, String> out = new TreeMap<>();
    flatten(kept, "", out);
    return out;
  }

  /** Drops hidden names, symlinks unless stored, and (unless kept) directories that end up holding nothing. */
  private static DirNode keep(DirNode dir, ImportProfile p) {
    Map<String, Node> children = new LinkedHashMap<>();
    for (var e : dir.children().entrySet()) {
      if (!p.includeHidden() && e.getKey().startsWith(".")) {
        continue;
      }
      Node n = e.getValue();
      if (n instanceof LinkNode && p.symlinks() != SymlinkPolicy.STORE) {
        continue;
      }
      if (n instanceof DirNode d) {
        DirNode k = keep(d, p);
        if (k.children().isEmpty() && !p.includeEmptyDirectories()) {
          continue;
        }
        n = k;
      }
      children.put(e.getKey(), n);
    }
    return new DirNode(children);
  }

  private static void flatten(DirNode dir, String prefix, Map<String, String> out) {
    for (var e : dir.children().entrySet()) {
      String path = prefix.isEmpty() ? e.getKey() : prefix + "/" + e.getKey();
      if (e.getValue() instanceof DirNode d) {
        out.put(path, "dir");
        flatten(d, path, out);
      } else if (e.getValue() instanceof LinkNode l) {
        out.put(path, "-> " + l.target());
      } else {
        out.put(path, sha256(((FileNode) e.getValue()).bytes()));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- disk

  static void write(DirNode dir, Path at) throws IOException {
    Files.createDirectories(at);
    for (var e : dir.children().entrySet()) {
      Path p = at.resolve(e.getKey());
      if (e.getValue() instanceof DirNode d) {
        write(d, p);
      } else if (e.getValue() instanceof LinkNode l) {
        Files.createSymbolicLink(p, Path.of(l.target()));
      } else {
        Files.write(p, ((FileNode) e.getValue()).bytes());
      }
    }
  }

  /** The unpacked tree in the form of {@link #expected}, read without following symlinks. */
  static Map<String, Object> read(Path root) throws IOException {
    return DiskTree.read(root, UnpackProperties::sha256);
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

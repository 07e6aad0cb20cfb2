package io.carmint.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.car.CarFile;
import io.carmint.car.Fixtures;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.UnixFsFormatException;
import io.carmint.unixfs.exporter.MissingBlockException;
import io.carmint.unixfs.exporter.UnsafeNameException;
import io.carmint.unixfs.unpack.UnpackResult;
import io.carmint.unixfs.unpack.Unpacker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CAR of the IPFS gateway-conformance fixtures (../shared/conformance/gateway-conformance, read in place),
 * unpacked from its root with the default {@link Unpacker}. Expected trees, sizes, contents, hostile names and
 * missing CIDs are the facts recorded in that folder's README (measured there, not by this code). Every case also
 * checks that nothing appeared next to the target and no temporary file was left.
 */
class GatewayFixturesUnpackTest {
  @TempDir
  Path tmp;

  /**
   * One fixture. {@code entries}: path → {@code "dir"}, {@code "-> target"}, {@code "#size"} or {@code "=text"};
   * with {@code exact} they are the whole tree (parent directories implied). {@code error}: the exception expected
   * instead, whose message must contain {@code mentions}.
   */
  record Case(String file, Map<String, String> entries, boolean exact, Class<? extends Exception> error,
      String mentions) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Case ok(String file, Object... pathSpec) {
    return new Case(file, map(pathSpec), true, null, null);
  }

  static Case some(String file, Object... pathSpec) {
    return new Case(file, map(pathSpec), false, null, null);
  }

  static Case fails(String file, Class<? extends Exception> error, String mentions) {
    return new Case(file, Map.of(), false, error, mentions);
  }

  private static Map<String, String> map(Object... pathSpec) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pathSpec.length; i += 2) {
      m.put((String) pathSpec[i], (String) pathSpec[i + 1]);
    }
    return m;
  }

  static final String ASCII = "=hello application/vnd.ipld.car\n";

  static Stream<Case> cases() {
    Object[] hamt = new Object[2000];
    for (int i = 1; i <= 1000; i++) {
      hamt[2 * (i - 1)] = i + ".txt";
      hamt[2 * (i - 1) + 1] = "#1026";
    }
    Object[] listing = {"api/file.txt", "#", "ipfs/file.txt", "#", "ipns/file.txt", "#",
        "ą/ę/file-źł.txt", "=I am a txt file on path with utf8\n"};
    String dag = "fixtures/path_gateway_dag/";
    return Stream.of(
        ok("fixtures/path_gateway_unixfs/dir-with-files.car", "ascii-copy.txt", ASCII, "ascii.txt", ASCII,
            "hello.txt", "=hello world\n", "multiblock.txt", "#1026"),
        ok("fixtures/trustless_gateway_car/dir-with-duplicate-files.car", "ascii-copy.txt", ASCII, "ascii.txt",
            ASCII, "hello.txt", "=hello world\n", "multiblock.txt", "#1026"),
        ok("fixtures/path_gateway_unixfs/symlink.car", "foo", "=content\n", "bar", "-> foo"),
        ok("fixtures/path_gateway_unixfs/dir-with-percent-encoded-filename.car",
            "Portugal%2C+España=Peninsula Ibérica.txt", "#38"),
        ok("fixtures/dir_listing/fixtures.car", listing),
        ok("fixtures/path_gateway_tar/fixtures.car", listing),
        some(dag + "gateway-json-cbor.car", "ą/ę/file-źł.txt", "=I am a txt file on path with utf8\n",
            "ą/ę/t.json", "#37"),
        ok(dag + "dag-pb.car", "foo.txt", "#13", "foo/bar.txt", "#14"),
        fails("fixtures/path_gateway_tar/inside-root.car", UnsafeNameException.class,
            "'foobar/directory/../file' contains '/'"),
        fails("fixtures/path_gateway_tar/outside-root.car", UnsafeNameException.class, "'../foo' contains '/'"),
        ok("fixtures/gateway-cache/fixtures.car", "root2/root3/root4/index.html", "=hello\n"),
        ok("fixtures/gateway-raw-block.car", "dir/ascii.txt", "#31"),
        ok("fixtures/redirects_file/redirects-spa.car", "_redirects", "#65", "index.html", "=hello world\n"),
        some("fixtures/redirects_file/redirects.car", "too-large/_redirects", "#65548",
            "examples/articles/2022/06/15/hello-world/index.html", "#"),
        some("fixtures/subdomain_gateway/fixtures.car", "hello-CIDv0", "=hello\n", "hello-CIDv0to1", "=hello\n",
            "hello-CIDv1", "=hello\n", "hello-CIDv1_TOO_LONG", "=hello\n", "testdirlisting", "dir"),
        ok("fixtures/trustless_gateway_car/subdir-with-two-single-block-files.car", "subdir/ascii.txt", ASCII,
            "subdir/hello.txt", "=hello world\n"),
        ok("fixtures/trustless_gateway_car/subdir-with-mixed-block-files.car", "subdir/ascii.txt", ASCII,
            "subdir/hello.txt", "=hello world\n", "subdir/multiblock.txt", "#1026"),
        ok("fixtures/trustless_gateway_car/single-layer-hamt-with-multi-block-files.car", hamt),
        ok("tooling/car/_fixtures/hamt.car", hamt),
        fails("fixtures/trustless_gateway_car/file-3k-and-3-blocks-missing-block.car", MissingBlockException.class,
            "QmSNLTo6Wv9dfroVaw7MFYjLqf9ho7PKrgsjdzYDtv8h1W"),
        fails("tooling/car/_fixtures/file-3k-and-3-blocks-missing-block.car", MissingBlockException.class,
            "Qmed9q9vkn1KDh1NRPTxtUEZvbGouZkkQ5j5oLKtPpNJcf"),
        ok("tooling/car/_fixtures/dag.car", "a-file.txt", "#726", "b-file.txt", "#29998", "subdir/leaf.txt",
            "#30999"),
        ok("tooling/check/_fixtures/dag.car", "a-file.txt", "#726", "b-file.txt", "#29998", "subdir/leaf.txt",
            "#30999"),
        ok("tooling/car/_fixtures/issue-54.car", "sub1/hello.txt", "=abc123\n", "sub2/hello.txt", "=xyz456\n"),
        ok("tooling/check/_fixtures/hello_ipfs.car", "", "=Hello IPFS\n"),
        fails("fixtures/trustless_gateway_car/dir-with-dag-cbor-with-links.car", UnixFsFormatException.class,
            "'document'"),
        fails(dag + "dag-cbor-traversal.car", UnixFsFormatException.class, "UnixFS nodes are dag-pb or raw"),
        fails(dag + "dag-json-traversal.car", UnixFsFormatException.class, "UnixFS nodes are dag-pb or raw"),
        fails(dag + "plain-cbor.car", UnixFsFormatException.class, "UnixFS nodes are dag-pb or raw"),
        fails(dag + "plain-cbor-that-can-be-dag-cbor.car", UnixFsFormatException.class,
            "UnixFS nodes are dag-pb or raw"),
        fails(dag + "plain-json.car", UnixFsFormatException.class, "UnixFS nodes are dag-pb or raw"),
        fails(dag + "plain-cbor-that-can-be-dag-json.car", UnixFsFormatException.class,
            "UnixFS nodes are dag-pb or raw"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void unpacksAsTheReadmeDescribes(Case c) throws IOException {
    Path car = Fixtures.conformance("gateway-conformance").resolve(c.file());
    Path out = tmp.resolve("out");
    try (CarFile f = CarFile.open(car)) {
      Cid root = f.roots().get(0);
      if (c.error() != null) {
        Exception e = assertThrows(c.error(), () -> Unpacker.of().unpack(f, root, out));
        assertTrue(e.getMessage().contains(c.mentions()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        if (e instanceof MissingBlockException m) {
          assertEquals(Cid.parse(c.mentions()), m.cid());
          assertFalse(Files.exists(out, LinkOption.NOFOLLOW_LINKS), "no half-written file under the final name");
        }
      } else {
        UnpackResult r = Unpacker.of().unpack(f, root, out);
        Map<String, Object> disk = read(out);
        Map<String, String> expected = c.exact() ? withParents(c.entries()) : c.entries();
        if (c.exact()) {
          assertEquals(expected.keySet(), disk.keySet());
        }
        for (var e : expected.entrySet()) {
          assertTrue(disk.containsKey(e.getKey()), "missing: " + e.getKey());
          assertTrue(matches(e.getValue(), disk.get(e.getKey())), e.getKey() + ": expected " + e.getValue());
        }
        assertEquals(c.entries().containsKey("") ? 1 : disk.size() + 1, r.entries());
      }
    }
    try (Stream<Path> s = Files.list(tmp)) {
      List<String> names = s.map(p -> p.getFileName().toString()).toList();
      assertTrue(List.of("out").containsAll(names), "nothing next to the target: " + names);
    }
    if (Files.isDirectory(out)) {
      for (String p : read(out).keySet()) {
        assertFalse(p.contains(".carmint-"), "temporary file left: " + p);
      }
    }
  }

  /** Whether an entry on disk (a file's bytes, "dir" or "-> target") matches its expectation. */
  private static boolean matches(String spec, Object actual) {
    if (actual instanceof byte[] bytes) {
      if (spec.equals("#")) {
        return true;
      }
      if (spec.startsWith("#")) {
        return bytes.length == Long.parseLong(spec.substring(1));
      }
      return spec.startsWith("=") && java.util.Arrays.equals(bytes, spec.substring(1).getBytes(StandardCharsets.UTF_8));
    }
    return spec.equals(actual);
  }

  private static Map<String, String> withParents(Map<String, String> entries) {
    Map<String, String> all = new TreeMap<>(entries);
    for (String p : entries.keySet()) {
      for (int i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) {
        all.putIfAbsent(p.substring(0, i), "dir");
      }
    }
    return all;
  }

  /** The tree on disk, symlinks not followed: path → file bytes, "dir" or "-> target"; a file root has path "". */
  private static Map<String, Object> read(Path out) throws IOException {
    if (Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) {
      return Map.of("", Files.readAllBytes(out));
    }
    return DiskTree.read(out, bytes -> bytes);
  }
}

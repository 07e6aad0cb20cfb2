package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.carmint.block.Block;
import io.carmint.car.CarFile;
import io.carmint.car.dag.LinkDecoders;
import io.carmint.dagcbor.DagCbor;
import io.carmint.dagcbor.DagCborValue;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.UnixFsType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cases of ipfs/gateway-conformance's {@code trustless_gateway_car_test.go} and {@code
 * trustless_gateway_raw_test.go} over its own fixtures, read in place from {@code
 * ../shared/conformance/gateway-conformance} (skipped without it). Each fixture is uploaded to the service as a CAR;
 * the expected blocks are found in the fixture here, the way the suite's helpers find them (names looked up link by
 * link, HAMT shards searched depth first, descendants depth first), and literal CIDs where the suite has them.
 * Every CAR case is asked twice, with {@code ?format=car} and with an {@code Accept} header, and its standard headers
 * checked, as the suite's {@code StandardCARTestTransforms} does.
 */
class GatewayConformanceTest {
  static final String TOKEN = "conformance";
  static final Path FIXTURES = Path.of(System.getProperty("carmint.shared", "../../shared"), "conformance",
      "gateway-conformance", "fixtures");
  /** The suite's check, a Go regexp match: found anywhere in the header. */
  static final Pattern DISPOSITION = Pattern.compile("attachment; filename=\".*\\.car\"");
  static final List<String> MULTIBLOCK = List.of(
      "bafkreie5noke3mb7hqxukzcy73nl23k6lxszxi5w3dtmuwz62wnvkpsscm",
      "bafkreih4ephajybraj6wnxsbwjwa77fukurtpl7oj7t7pfq545duhot7cq",
      "bafkreigu7buvm3cfunb35766dn7tmqyh2um62zcio63en2btvxuybgcpue",
      "bafkreicll3huefkc3qnrzeony7zcfo7cr3nbx64hnxrqzsixpceg332fhe",
      "bafkreifst3pqztuvj57lycamoi7z34b4emf7gawxs74nwrc2c7jncmpaqm");

  static LocalNftStorage service;
  static GatewayClient gw;
  static Fixture twoFiles, hamt, cborLinks, mixed, missing, duplicates, rawBlock, percent, utf8;

  @BeforeAll
  static void load() throws Exception {
    assumeTrue(Files.isDirectory(FIXTURES), "gateway-conformance fixtures not found at " + FIXTURES
        + " (../shared is absent in a user's clone)");
    service = LocalNftStorage.builder().token(TOKEN).build().start();
    gw = new GatewayClient(service.endpoint());
    twoFiles = Fixture.upload("trustless_gateway_car/subdir-with-two-single-block-files.car");
    hamt = Fixture.upload("trustless_gateway_car/single-layer-hamt-with-multi-block-files.car");
    cborLinks = Fixture.upload("trustless_gateway_car/dir-with-dag-cbor-with-links.car");
    mixed = Fixture.upload("trustless_gateway_car/subdir-with-mixed-block-files.car");
    missing = Fixture.upload("trustless_gateway_car/file-3k-and-3-blocks-missing-block.car");
    duplicates = Fixture.upload("trustless_gateway_car/dir-with-duplicate-files.car");
    rawBlock = Fixture.upload("gateway-raw-block.car");
    percent = Fixture.upload("path_gateway_unixfs/dir-with-percent-encoded-filename.car");
    utf8 = Fixture.upload("dir_listing/fixtures.car");
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.stop();
    }
  }

  /** A fixture CAR held in memory, with the suite's ways of finding CIDs in it. */
  record Fixture(Cid root, Map<Cid, Block> blocks) {
    static Fixture upload(String name) throws IOException, InterruptedException {
      Path file = FIXTURES.resolve(name);
      Map<Cid, Block> blocks = new HashMap<>();
      Cid root;
      try (CarFile car = CarFile.open(file)) {
        root = car.roots().get(0);
        for (var loc : car.locations()) {
          Block b = car.read(loc);
          blocks.put(b.cid(), b);
        }
      }
      Http.Reply r = new Http(service.endpoint()).postCar("upload", TOKEN, Files.readAllBytes(file));
      assertEquals(200, r.status(), name + ": " + r.json());
      return new Fixture(root, blocks);
    }

    Block block(Cid cid) {
      Block b = blocks.get(cid);
      assertNotNull(b, cid + " is not in the fixture");
      return b;
    }

    /** The CID at {@code names} below the root: UnixFS links by name (HAMTs searched), then dag-cbor fields. */
    Cid cid(String... names) throws IOException {
      Cid at = root;
      for (int i = 0; i < names.length; i++) {
        if (at.codecCode() == Multicodec.DAG_CBOR.code()) {
          DagCborValue v = DagCbor.decode(block(at).toBytes());
          for (; i < names.length; i++) {
            v = ((DagCborValue.MapValue) v).get(names[i]).orElseThrow();
            if (v instanceof DagCborValue.LinkValue l) {
              at = l.cid();
              break;
            }
          }
          continue;
        }
        PbNode node = DagPb.decode(block(at));
        if (UnixFsData.decode(node.data().orElseThrow()).type() == UnixFsType.HAMT_SHARD) {
          List<Cid> shards = new ArrayList<>();
          at = findInHamt(at, names[i], shards);
        } else {
          String name = names[i];
          at = node.links().stream().filter(l -> l.name().orElse("").equals(name)).findFirst().orElseThrow()
              .hash();
        }
      }
      return at;
    }

    /** Depth-first search of a HAMT's shards for {@code name}; {@code shards} gets the sub-shards on its way. */
    Cid findInHamt(Cid shard, String name, List<Cid> shards) throws IOException {
      for (PbLink l : DagPb.decode(block(shard)).links()) {
        String link = l.name().orElseThrow();
        if (link.length() == 2) {
          shards.add(l.hash());
          Cid found = findInHamt(l.hash(), name, shards);
          if (found != null) {
            return found;
          }
          shards.remove(shards.size() - 1);
        } else if (link.substring(2).equals(name)) {
          return l.hash();
        }
      }
      return null;
    }

    List<Cid> hamtTraversal(String name) throws IOException {
      List<Cid> shards = new ArrayList<>();
      assertNotNull(findInHamt(root, name, shards));
      return shards;
    }

    /** Every sub-shard of the root HAMT, depth first (the root itself not included, as the suite's helper). */
    List<Cid> shards(Cid shard) throws IOException {
      List<Cid> out = new ArrayList<>();
      for (PbLink l : DagPb.decode(block(shard)).links()) {
        if (l.name().orElseThrow().length() == 2) {
          out.add(l.hash());
          out.addAll(shards(l.hash()));
        }
      }
      return out;
    }

    /** Everything below {@code cid}, depth first in link order. */
    List<Cid> descendants(Cid cid) throws IOException {
      List<Cid> out = new ArrayList<>();
      for (Cid link : LinkDecoders.standard().links(block(cid))) {
        out.add(link);
        out.addAll(descendants(link));
      }
      return out;
    }
  }

  static List<Cid> list(Object... parts) {
    List<Cid> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Cid c) {
        out.add(c);
      } else if (p instanceof String s) {
        out.add(Cid.parse(s));
      } else {
        for (Object o : (List<?>) p) {
          out.add(o instanceof Cid c ? c : Cid.parse((String) o));
        }
      }
    }
    return out;
  }

  /** Asks for a CAR with {@code ?format=car} and with an {@code Accept} header; both must give {@code expected}. */
  static void assertCar(String path, String query, List<Cid> expected) throws Exception {
    GatewayClient.Reply byFormat = gw.car(path, query);
    GatewayClient.Reply byAccept = gw.get(path + (query.isEmpty() ? "" : "?" + query), "Accept",
        "application/vnd.ipld.car");
    for (GatewayClient.Reply r : List.of(byFormat, byAccept)) {
      assertEquals(200, r.status(), path + "?" + query + ": " + r.text());
      assertEquals(expected, r.blocks(), path + "?" + query);
      assertEquals("nosniff", r.header("X-Content-Type-Options"));
      assertEquals("none", r.header("Accept-Ranges"));
      assertTrue(r.header("Content-Type").contains("application/vnd.ipld.car"));
      assertTrue(DISPOSITION.matcher(r.header("Content-Disposition")).find(), r.header("Content-Disposition"));
      assertTrue(!r.header("Etag").isEmpty());
    }
  }

  // ------------------------------------------------------------------------------------ TestTrustlessCarPathing

  @Test
  void pathing() throws Exception {
    assertCar("ipfs/" + twoFiles.root() + "/subdir/ascii.txt", "",
        list(twoFiles.root(), twoFiles.cid("subdir"), twoFiles.cid("subdir", "ascii.txt")));
    assertCar("ipfs/" + hamt.root() + "/685.txt", "", list(hamt.root(), hamt.hamtTraversal("685.txt"),
        hamt.cid("685.txt"), hamt.descendants(hamt.cid("685.txt"))));
    Cid document = cborLinks.cid("document");
    assertCar("ipfs/" + document + "/files/single", "", list(document, cborLinks.cid("document", "files", "single")));
    GatewayClient.Reply absent = gw.car("ipfs/" + twoFiles.root() + "/subdir/i-do-not-exist", "");
    assertEquals(404, absent.status(), "a path that does not exist: 404 (the suite also allows a partial CAR)");
  }

  // ------------------------------------------------------------------------------------ dag-scope

  @Test
  void dagScopeBlock() throws Exception {
    assertCar("ipfs/" + twoFiles.root() + "/subdir", "dag-scope=block", list(twoFiles.root(), twoFiles.cid("subdir")));
    assertCar("ipfs/" + twoFiles.root() + "/subdir/ascii.txt", "dag-scope=block",
        list(twoFiles.root(), twoFiles.cid("subdir"), twoFiles.cid("subdir", "ascii.txt")));
    assertCar("ipfs/" + hamt.root() + "/1.txt", "dag-scope=block",
        list(hamt.root(), hamt.hamtTraversal("1.txt"), hamt.cid("1.txt")));
  }

  @Test
  void dagScopeEntity() throws Exception {
    assertCar("ipfs/" + twoFiles.root(), "dag-scope=entity", list(twoFiles.root()));
    assertCar("ipfs/" + hamt.root(), "dag-scope=entity", list(hamt.root(), hamt.shards(hamt.root())));
    assertCar("ipfs/" + mixed.root() + "/subdir/ascii.txt", "dag-scope=entity",
        list(mixed.root(), mixed.cid("subdir"), mixed.cid("subdir", "ascii.txt")));
    Cid multiblock = mixed.cid("subdir", "multiblock.txt");
    assertCar("ipfs/" + mixed.root() + "/subdir/multiblock.txt", "dag-scope=entity",
        list(mixed.root(), mixed.cid("subdir"), multiblock, mixed.descendants(multiblock)));
    assertCar("ipfs/" + cborLinks.root() + "/document", "dag-scope=entity",
        list(cborLinks.root(), cborLinks.cid("document")));
  }

  @Test
  void dagScopeAll() throws Exception {
    Cid subdir = mixed.cid("subdir");
    assertCar("ipfs/" + mixed.root() + "/subdir", "dag-scope=all",
        list(mixed.root(), subdir, mixed.descendants(subdir)));
    Cid multiblock = mixed.cid("subdir", "multiblock.txt");
    assertCar("ipfs/" + mixed.root() + "/subdir/multiblock.txt", "dag-scope=all",
        list(mixed.root(), subdir, multiblock, mixed.descendants(multiblock)));
  }

  // ------------------------------------------------------------------------------------ entity-bytes

  @Test
  void entityBytes() throws Exception {
    // blocks outside the range are not needed: the missing middle block does not matter
    GatewayClient.Reply head = gw.car("ipfs/" + missing.root(), "dag-scope=entity&entity-bytes=0:1000");
    assertEquals(list(missing.root(), "QmPKt7ptM2ZYSGPUc8PmPT2VBkLDK3iqpG9TBJY7PCE9rF"), head.blocks());
    GatewayClient.Reply tail = gw.car("ipfs/" + missing.root(), "dag-scope=entity&entity-bytes=2200:*");
    assertEquals(list(missing.root(), "QmWXY482zQdwecnfBsj78poUUuPXvyw2JAFAEMw4tzTavV"), tail.blocks());

    Cid multiblock = mixed.cid("subdir", "multiblock.txt");
    List<Cid> leaves = mixed.descendants(multiblock);
    assertEquals(list(MULTIBLOCK), leaves, "the suite's own list of the file's chunks");
    assertCar("ipfs/" + mixed.root() + "/subdir/multiblock.txt", "dag-scope=entity&entity-bytes=0:*",
        list(mixed.root(), mixed.cid("subdir"), multiblock, leaves));
    assertCar("ipfs/" + hamt.root(), "dag-scope=entity&entity-bytes=0:*", list(hamt.root(), hamt.shards(hamt.root())));
    String file = "ipfs/" + multiblock;
    assertCar(file, "dag-scope=entity&entity-bytes=512:*", list(multiblock, leaves.subList(2, 5)));
    assertCar(file, "dag-scope=entity&entity-bytes=512:1023", list(multiblock, leaves.subList(2, 4)));
    assertCar(file, "dag-scope=entity&entity-bytes=512:-256", list(multiblock, leaves.subList(2, 4)));
    assertCar(file, "dag-scope=entity&entity-bytes=-5:*", list(multiblock, leaves.subList(3, 5)));
    assertCar(file, "dag-scope=entity&entity-bytes=-9999:*", list(multiblock, MULTIBLOCK));
    assertCar(file, "dag-scope=entity&entity-bytes=-9999:-3", list(multiblock, MULTIBLOCK.subList(0, 4)));
    assertCar(file, "dag-scope=entity&entity-bytes=0:0", list(multiblock, leaves.get(0)));
  }

  // ------------------------------------------------------------------------------------ order and dups

  @Test
  void orderAndDuplicates() throws Exception {
    String dir = "ipfs/" + duplicates.root();
    List<Cid> withDups = list(duplicates.root(), duplicates.cid("ascii.txt"), duplicates.cid("ascii-copy.txt"),
        duplicates.cid("hello.txt"), duplicates.cid("multiblock.txt"), MULTIBLOCK);
    List<Cid> without = list(duplicates.root(), duplicates.cid("ascii.txt"), duplicates.cid("hello.txt"),
        duplicates.cid("multiblock.txt"), MULTIBLOCK);
    assertEquals(duplicates.cid("ascii.txt"), duplicates.cid("ascii-copy.txt"), "the fixture repeats a file");

    GatewayClient.Reply y = gw.get(dir, "Accept", "application/vnd.ipld.car; version=1; order=dfs; dups=y");
    assertEquals(withDups, y.blocks());
    assertTrue(y.header("Content-Type").contains("order=dfs") && y.header("Content-Type").contains("dups=y"));
    GatewayClient.Reply n = gw.get(dir, "Accept", "application/vnd.ipld.car; version=1; order=dfs; dups=n");
    assertEquals(without, n.blocks());
    assertTrue(n.header("Content-Type").contains("order=dfs") && n.header("Content-Type").contains("dups=n"));
    GatewayClient.Reply unk = gw.get(dir, "Accept", "application/vnd.ipld.car; version=1; order=unk");
    assertTrue(unk.header("Content-Type").contains("order="));
    assertTrue(unk.blocks().containsAll(withDups));
    assertEquals(withDups, gw.get(dir + "?format=car", "Accept", "application/vnd.ipld.car; version=1; order=dfs; "
        + "dups=y").blocks());
    assertTrue(gw.get(dir + "?format=car&car-order=dfs", "Accept", "application/vnd.ipld.car; order=unk")
        .header("Content-Type").contains("order=dfs"));
    assertTrue(gw.get(dir + "?format=car&car-dups=y", "Accept", "application/vnd.ipld.car; dups=n")
        .header("Content-Type").contains("dups=y"));

    GatewayClient.Reply identity = gw.get("ipfs/bafkqaf3imvwgy3zaneqgc3janfxgy2lomvscay3jmqfa", "Accept",
        "application/vnd.ipld.car; dups=y");
    assertEquals(200, identity.status());
    assertTrue(identity.header("Content-Type").contains("dups=y"));
    assertEquals(List.of(), identity.blocks(), "identity blocks are never sent, even with dups=y");
  }

  @Test
  void formatTakesPrecedenceOverAccept() throws Exception {
    Cid dir = rawBlock.cid("dir");
    assertTrue(gw.get("ipfs/" + dir + "?format=car", "Accept", "application/vnd.ipld.raw").header("Content-Type")
        .contains("application/vnd.ipld.car"));
    assertEquals("application/vnd.ipld.raw", gw.get("ipfs/" + dir + "?format=raw", "Accept",
        "application/vnd.ipld.car").header("Content-Type"));
  }

  // ------------------------------------------------------------------------------------ raw blocks

  @Test
  void rawBlocks() throws Exception {
    Cid dir = rawBlock.cid("dir");
    assertArrayEquals(rawBlock.block(dir).toBytes(), gw.get("ipfs/" + dir + "?format=raw").body());
    assertArrayEquals(rawBlock.block(dir).toBytes(), gw.get("ipfs/" + dir, "Accept", "application/vnd.ipld.raw")
        .body());
    Cid ascii = rawBlock.cid("dir", "ascii.txt");
    GatewayClient.Reply r = gw.get("ipfs/" + ascii, "Accept", "application/vnd.ipld.raw");
    assertEquals("application/vnd.ipld.raw", r.header("Content-Type"));
    assertEquals(String.valueOf(rawBlock.block(ascii).length()), r.header("Content-Length"));
    assertTrue(r.header("Content-Disposition").contains("attachment;"));
    assertEquals("nosniff", r.header("X-Content-Type-Options"));
    assertTrue(gw.get("ipfs/" + ascii + "?filename=foobar.bin", "Accept", "application/vnd.ipld.raw")
        .header("Content-Disposition").contains("filename=\"foobar.bin"));
    assertNotNull(r.header("Etag"));
    assertEquals("/ipfs/" + ascii, r.header("X-Ipfs-Path"));
    assertTrue(r.header("X-Ipfs-Roots").contains(ascii.toString()));
    List<String> directives = Arrays.asList(r.header("Cache-Control").replace(" ", "").split(","));
    assertTrue(directives.contains("public") && directives.contains("immutable")
        && directives.contains("max-age=29030400"), r.header("Cache-Control"));
  }

  // ------------------------------------------------------------------------------------ names

  @Test
  void namesAreMatchedByteForByte() throws Exception {
    // the entry is literally named "Portugal%2C+España=Peninsula Ibérica.txt": sent percent-encoded once more
    Cid file = percent.cid("Portugal%2C+España=Peninsula Ibérica.txt");
    assertCar("ipfs/" + percent.root() + "/Portugal%252C+Espa%C3%B1a=Peninsula%20Ib%C3%A9rica.txt",
        "dag-scope=block", list(percent.root(), file));
    Cid utf8File = utf8.cid("ą", "ę", "file-źł.txt");
    assertCar("ipfs/" + utf8.root() + "/%C4%85/%C4%99/file-%C5%BA%C5%82.txt", "dag-scope=block",
        list(utf8.root(), utf8.cid("ą"), utf8.cid("ą", "ę"), utf8File));
  }
}

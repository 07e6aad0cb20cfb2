package io.carmint.client.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.car.CarReader;
import io.carmint.car.Fixtures;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.UnixFsFormatException;
import io.carmint.unixfs.exporter.UnsafeNameException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetches the gateway-conformance fixtures (read in place from ../shared; skipped when it is absent) through the
 * lying gateway telling the truth, and once lying. The expected values are the fixtures' documented facts.
 */
class GatewayFixturesTest {
  /** The 5-chunk file of 1,026 bytes that the HAMT's 1,000 entries and dir-with-files' multiblock.txt all are. */
  static final Cid MULTIBLOCK = Cid.parse("bafybeigcisqd7m5nf3qmuvjdbakl5bdnh4ocrmacaqkpuh77qjvggmt2sa");

  @TempDir
  Path dir;

  final TestDags dags = new TestDags();
  LyingGateway gateway;

  Cid load(String fixture) throws IOException {
    Cid root = dags.addCar(Fixtures.conformance("gateway-conformance").resolve("fixtures").resolve(fixture));
    gateway = new LyingGateway(dags);
    return root;
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  TrustlessGatewayClient client() {
    return TrustlessGatewayClient.builder().gateway(gateway.uri()).build();
  }

  static List<Block> blocks(Path car) throws IOException {
    List<Block> out = new java.util.ArrayList<>();
    try (CarReader r = CarReader.open(Files.newInputStream(car))) {
      for (Block b = r.next(); b != null; b = r.next()) {
        out.add(b);
      }
    }
    return out;
  }

  @Test
  void anEntryOfTheThousandEntryHamt() throws IOException {
    Cid root = load("trustless_gateway_car/single-layer-hamt-with-multi-block-files.car");
    Path out = dir.resolve("470.txt");
    FetchResult r = client().fetch(IpfsPath.of(root, "470.txt"), out);
    assertEquals(MULTIBLOCK, r.cid());
    assertEquals(1026, Files.size(out));

    Path again = dir.resolve("multiblock.txt");
    Cid flat = dags.addCar(Fixtures.conformance("gateway-conformance").resolve("fixtures")
        .resolve("path_gateway_unixfs/dir-with-files.car"));
    client().fetch(IpfsPath.of(flat, "multiblock.txt"), again);
    assertArrayEquals(Files.readAllBytes(again), Files.readAllBytes(out), "the same CID, the same bytes");
  }

  @Test
  void theHamtsEntityIsItsShardsAndAllIsEveryEntry() throws IOException {
    Cid root = load("trustless_gateway_car/single-layer-hamt-with-multi-block-files.car");
    Path car = dir.resolve("shards.car");
    client().fetchCar(IpfsPath.of(root), DagScope.ENTITY, car);
    List<Block> shards = blocks(car);
    assertEquals(237, shards.size(), "the fixture's 237 shard nodes");
    Set<Cid> distinct = new HashSet<>();
    shards.forEach(b -> distinct.add(b.cid()));
    assertEquals(237, distinct.size());
    assertTrue(shards.stream().allMatch(b -> b.cid().codecCode() == Multicodec.DAG_PB.code()));

    FetchResult all = client().verify(IpfsPath.of(root), DagScope.ALL);
    assertEquals(237 + 1000 * 6, all.blocks(), "the shards, then each entry's 6 blocks each time (dups=y)");
  }

  @Test
  void aTreeWithASymlink() throws IOException {
    Cid root = load("path_gateway_unixfs/symlink.car");
    Path out = dir.resolve("tree");
    client().fetch(IpfsPath.of(root), out);
    assertEquals("content\n", Files.readString(out.resolve("foo")));
    assertEquals(Path.of("foo"), Files.readSymbolicLink(out.resolve("bar")));
  }

  @Test
  void aNameWithPercentAndPlusIsSentAsIs() throws IOException {
    Cid root = load("path_gateway_unixfs/dir-with-percent-encoded-filename.car");
    Path out = dir.resolve("f.txt");
    client().fetch(IpfsPath.parse(root + "/Portugal%2C+España=Peninsula Ibérica.txt"), out);
    assertEquals(38, Files.size(out));
  }

  @Test
  void theMissingBlockIsNamed() throws IOException {
    Cid root = load("trustless_gateway_car/file-3k-and-3-blocks-missing-block.car");
    Path out = dir.resolve("3k");
    FetchException e = assertThrows(FetchException.class, () -> client().fetch(IpfsPath.of(root), out));
    GatewayException g = e.failures().get(0);
    assertEquals(GatewayException.Reason.MISSING_BLOCK, g.reason());
    assertEquals(java.util.Optional.of(Cid.parse("QmSNLTo6Wv9dfroVaw7MFYjLqf9ho7PKrgsjdzYDtv8h1W")), g.cid());
    assertFalse(Files.exists(out));
  }

  @Test
  void aNameEscapingTheRootIsNotWrittenButItsCarIs() throws IOException {
    Cid root = load("path_gateway_tar/outside-root.car");
    Path out = dir.resolve("tree");
    assertThrows(UnsafeNameException.class, () -> client().fetch(IpfsPath.of(root), out));
    assertEquals(List.of(), Files.list(dir).toList());
    Path car = dir.resolve("outside.car");
    client().fetchCar(IpfsPath.of(root), DagScope.ALL, car);
    List<Block> sent = blocks(car);
    assertEquals(3, sent.size(), "the root, then '../foo' and 'bar', one block linked twice (dups=y)");
    assertEquals(sent.get(1), sent.get(2));
  }

  @Test
  void aDagCborBlockInBlockScopeOnly() throws IOException {
    Cid root = load("path_gateway_dag/dag-cbor-traversal.car");
    Path car = dir.resolve("cbor.car");
    client().fetchCar(IpfsPath.of(root), DagScope.BLOCK, car);
    assertEquals(List.of(root), blocks(car).stream().map(Block::cid).toList());
    assertThrows(UnixFsFormatException.class, () -> client().verify(IpfsPath.of(root), DagScope.ALL));
  }
}

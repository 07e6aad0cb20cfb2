package io.carmint.client.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.car.CarReader;
import io.carmint.client.DeadlineExceededException;
import io.carmint.client.gateway.GatewayException.Reason;
import io.carmint.client.gateway.LyingGateway.Fault;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.unixfs.exporter.EntryNotFoundException;
import io.carmint.unixfs.unpack.TargetNotEmptyException;
import io.carmint.unixfs.unpack.Unpacker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client against the lying gateway: honest answers verify, every lie fails naming the CID and the gateway. */
class TrustlessGatewayClientTest {
  @TempDir
  Path dir;

  final TestDags dags = new TestDags();
  Cid root;
  LyingGateway gateway;
  LyingGateway second;

  @BeforeEach
  void start() throws IOException {
    root = dags.addTree();
    gateway = new LyingGateway(dags);
    second = new LyingGateway(dags);
  }

  @AfterEach
  void stop() {
    gateway.close();
    second.close();
  }

  TrustlessGatewayClient.Builder client(LyingGateway... gateways) {
    TrustlessGatewayClient.Builder b = TrustlessGatewayClient.builder().readTimeout(Duration.ofSeconds(20));
    for (LyingGateway g : gateways) {
      b.gateway(g.uri());
    }
    return b;
  }

  /** @return the blocks the (honest) gateway sends for the path and scope, by its own walk */
  List<Block> honest(IpfsPath p, String scope) throws IOException {
    return gateway.walk(p.root(), p.segments(), scope);
  }

  static List<Cid> cids(List<Block> blocks) {
    return blocks.stream().map(Block::cid).toList();
  }

  static List<Cid> carCids(Path car) throws IOException {
    List<Cid> out = new ArrayList<>();
    try (CarReader r = CarReader.open(Files.newInputStream(car))) {
      for (Block b = r.next(); b != null; b = r.next()) {
        out.add(b.cid());
      }
    }
    return out;
  }

  /** @return the names in {@code dir}: nothing of a failed fetch may be left, not even a temporary file */
  List<String> leftovers() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // ---------------------------------------------------------------------------------------------- honest

  @Test
  void multiBlockFileAlongANestedPath() throws IOException {
    IpfsPath p = IpfsPath.of(root, "docs", "big.bin");
    Path out = dir.resolve("big.bin");
    FetchResult r;
    try (TrustlessGatewayClient c = client(gateway).build()) {
      r = c.fetch(p, out);
    }
    assertArrayEquals(TestDags.tree().get("docs/big.bin"), Files.readAllBytes(out));
    assertEquals(RetrievalMode.CAR, r.mode());
    assertEquals(java.util.Optional.of(out), r.output());
    assertEquals(gateway.uri(), r.gateway());
    assertEquals(honest(p, "all").size(), r.blocks());
    assertTrue(r.blocks() > 20, "20 leaves and their parents: " + r.blocks());
    assertEquals(List.of("big.bin"), leftovers());
    assertEquals(List.of("/ipfs/" + root + "/docs/big.bin?format=car&dag-scope=all"), gateway.requests());
  }

  @Test
  void singleBlockFile() throws IOException {
    Path out = dir.resolve("readme.txt");
    FetchResult r = client(gateway).build().fetch(IpfsPath.of(root, "docs", "readme.txt"), out);
    assertEquals("read me\n", Files.readString(out));
    assertEquals(3, r.blocks(), "root, docs, the file");
  }

  @Test
  void fileGivenByItsOwnCid() throws IOException {
    byte[] bytes = TestDags.random(3, 5_500);
    Cid file = dags.addFile(bytes);
    Path out = dir.resolve("f");
    client(gateway).build().fetch(IpfsPath.of(file), out);
    assertArrayEquals(bytes, Files.readAllBytes(out));
  }

  @Test
  void wholeTreeIsUnpacked() throws IOException {
    Path out = dir.resolve("tree");
    FetchResult r = client(gateway).build().fetch(IpfsPath.of(root), out);
    for (Map.Entry<String, byte[]> e : TestDags.tree().entrySet()) {
      assertArrayEquals(e.getValue(), Files.readAllBytes(out.resolve(e.getKey())), e.getKey());
    }
    assertEquals(Path.of("docs/readme.txt"), Files.readSymbolicLink(out.resolve("link")));
    assertEquals(honest(IpfsPath.of(root), "all").size(), r.blocks());
    assertEquals(List.of("tree"), leftovers());
  }

  @Test
  void entryOfAHamtDirectory() throws IOException {
    IpfsPath p = IpfsPath.of(root, "many", "n17.txt");
    Path out = dir.resolve("n17");
    FetchResult r = client(gateway).build().fetch(p, out);
    assertEquals("entry 17\n", Files.readString(out));
    assertEquals(honest(p, "all").size(), r.blocks());
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"NONE", "REFUSE_CAR"})
  void anIdentityCidIsReadFromItselfNeverAsked(Fault mode) throws IOException {
    Cid inline = Cid.v1(io.carmint.multiformats.Multicodec.RAW, io.carmint.multiformats.Multihash.of(0x00,
        "inline\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Cid dirCid = dags.put(Block.create(io.carmint.multiformats.Multicodec.DAG_PB,
        io.carmint.multiformats.HashFunction.SHA2_256, io.carmint.dagpb.DagPb.encode(io.carmint.dagpb.PbNode.of(
            List.of(io.carmint.dagpb.PbLink.of(inline, "inline.txt", 7)),
            io.carmint.unixfs.UnixFsData.directory().encode()))));
    gateway.lie(mode, 0);
    Path out = dir.resolve("d");
    FetchResult r = client(gateway).build().fetch(IpfsPath.of(dirCid), out);
    assertEquals("inline\n", Files.readString(out.resolve("inline.txt")));
    assertEquals(1, r.blocks(), "only the directory travelled");
    assertTrue(gateway.requests().stream().noneMatch(q -> q.contains(inline.toString())), gateway.requests()
        .toString());
  }

  @Test
  void scopesGiveTheBlocksAGatewaySends() throws IOException {
    try (TrustlessGatewayClient c = client(gateway).build()) {
      for (IpfsPath p : List.of(IpfsPath.of(root), IpfsPath.of(root, "many"), IpfsPath.of(root, "docs", "big.bin"),
          IpfsPath.of(root, "many", "n3.txt"), IpfsPath.of(root, "link"))) {
        for (DagScope scope : DagScope.values()) {
          Path car = dir.resolve("out.car");
          FetchResult r = c.fetchCar(p, scope, car);
          assertEquals(cids(honest(p, scope.wireName())), carCids(car), p + " " + scope);
          assertEquals(carCids(car).size(), r.blocks());
          try (CarReader reader = CarReader.open(Files.newInputStream(car))) {
            assertEquals(List.of(root), reader.roots());
          }
        }
      }
    }
  }

  @Test
  void blockByBlockTheWalkAsksInTheGatewaysOrder() throws IOException {
    gateway.lie(Fault.REFUSE_CAR, 0);
    try (TrustlessGatewayClient c = client(gateway).build()) {
      for (IpfsPath p : List.of(IpfsPath.of(root), IpfsPath.of(root, "many"), IpfsPath.of(root, "many", "n3.txt"))) {
        for (DagScope scope : DagScope.values()) {
          Path car = dir.resolve("out.car");
          FetchResult r = c.fetchCar(p, scope, car);
          assertEquals(RetrievalMode.RAW_BLOCKS, r.mode());
          assertEquals(cids(honest(p, scope.wireName())), carCids(car), p + " " + scope);
        }
      }
    }
  }

  @Test
  void blockScopeOfADirectoryIsThePathAndOneBlock() throws IOException {
    Path car = dir.resolve("x.car");
    client(gateway).build().fetchCar(IpfsPath.of(root, "docs"), DagScope.BLOCK, car);
    assertEquals(2, carCids(car).size(), "the root directory and docs");
  }

  @Test
  void theCarGetsTheUsualPermissionsAndReplacesAnOldOne() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path usual = Files.createFile(dir.resolve("usual"));
    Path car = Files.writeString(dir.resolve("x.car"), "old");
    client(gateway).build().fetchCar(IpfsPath.of(root, "docs"), DagScope.BLOCK, car);
    assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(car));
    assertEquals(2, carCids(car).size());
    assertEquals(List.of("usual", "x.car"), leftovers());
  }

  @Test
  void verifyWritesNothing() throws IOException {
    FetchResult r = client(gateway).build().verify(IpfsPath.of(root), DagScope.ALL);
    assertEquals(java.util.Optional.empty(), r.output());
    assertEquals(honest(IpfsPath.of(root), "all").size(), r.blocks());
    assertEquals(List.of(), leftovers());
  }

  @Test
  void listenerHearsEveryBlock() throws IOException {
    List<String> heard = new ArrayList<>();
    long[] last = {0, 0};
    FetchListener l = new FetchListener() {
      @Override
      public void onRequest(java.net.URI g, RetrievalMode mode) {
        heard.add(g + " " + mode);
      }

      @Override
      public void onBlock(Cid cid, int size, long blocks, long bytes) {
        assertEquals(last[0] + 1, blocks);
        assertEquals(last[1] + size, bytes);
        last[0] = blocks;
        last[1] = bytes;
      }
    };
    FetchResult r = client(gateway).build().fetch(FetchRequest.content(IpfsPath.of(root, "docs"), dir.resolve("d"))
        .listener(l));
    assertEquals(List.of(gateway.uri() + " CAR"), heard);
    assertEquals(r.blocks(), last[0]);
    assertEquals(r.bytes(), last[1]);
  }

  // ---------------------------------------------------------------------------------------------- fall-backs

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"REFUSE_CAR", "UNORDERED_CAR"})
  void aGatewayWithoutTheCarIsAskedBlockByBlock(Fault fault) throws IOException {
    gateway.lie(fault, 0);
    IpfsPath p = IpfsPath.of(root, "docs", "big.bin");
    Path out = dir.resolve("big.bin");
    // one request at a time: a block per request, in the walk's order (RawPrefetchTest fetches ahead)
    FetchResult r = client(gateway).rawConcurrency(1).build().fetch(p, out);
    assertArrayEquals(TestDags.tree().get("docs/big.bin"), Files.readAllBytes(out));
    assertEquals(RetrievalMode.RAW_BLOCKS, r.mode());
    List<String> requests = gateway.requests();
    assertEquals(1 + honest(p, "all").size(), requests.size());
    assertEquals("/ipfs/" + root + "?format=raw", requests.get(1));
  }

  @Test
  void theNextGatewayIsTriedAndTheFailureKept() throws IOException {
    gateway.lie(Fault.FLIP_BYTE, 4);
    Path out = dir.resolve("big.bin");
    FetchResult r = client(gateway, second).build().fetch(IpfsPath.of(root, "docs", "big.bin"), out);
    assertArrayEquals(TestDags.tree().get("docs/big.bin"), Files.readAllBytes(out));
    assertEquals(second.uri(), r.gateway());
    assertEquals(1, r.failures().size());
    assertEquals(gateway.uri(), r.failures().get(0).gateway());
    assertEquals(Reason.CORRUPT_BLOCK, r.failures().get(0).reason());
  }

  @Test
  void everyGatewayFailingIsOneLineNamingEach() throws IOException {
    gateway.lie(Fault.SERVER_ERROR, 0);
    second.lie(Fault.DROP_BLOCK, 2);
    Path out = dir.resolve("big.bin");
    FetchException e = assertThrows(FetchException.class,
        () -> client(gateway, second).build().fetch(IpfsPath.of(root, "docs", "big.bin"), out));
    assertEquals(List.of(Reason.HTTP_STATUS, Reason.UNEXPECTED_BLOCK), e.failures().stream()
        .map(GatewayException::reason).toList());
    assertTrue(e.getMessage().contains(gateway.uri() + ": answered HTTP 500"), e.getMessage());
    assertTrue(e.getMessage().contains(second.uri() + ": sent block "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertEquals(List.of(), leftovers());
  }

  // ---------------------------------------------------------------------------------------------- lies

  /**
   * Each lie about {@code docs/big.bin} fails the fetch with the given reason and leaves nothing. The blocks sent
   * are: root, docs, then the file's tree (its root first); the lie is at block {@code at}.
   */
  void lie(Fault fault, long at, Reason reason, Cid named) throws IOException {
    gateway.lie(fault, at);
    IpfsPath p = IpfsPath.of(root, "docs", "big.bin");
    Path out = dir.resolve("big.bin");
    FetchException e = assertThrows(FetchException.class,
        () -> client(gateway).readTimeout(Duration.ofMillis(300)).build().fetch(p, out));
    GatewayException g = e.failures().get(0);
    assertEquals(reason, g.reason(), g.getMessage());
    assertEquals(gateway.uri(), g.gateway());
    assertEquals(java.util.Optional.of(named), g.cid(), g.getMessage());
    assertTrue(e.getMessage().contains(gateway.uri().toString()), e.getMessage());
    if (named != null) {
      assertTrue(e.getMessage().contains(named.toString()), e.getMessage());
    }
    assertFalse(Files.exists(out));
    assertEquals(List.of(), leftovers());
  }

  Cid block(int i) throws IOException {
    return honest(IpfsPath.of(root, "docs", "big.bin"), "all").get(i).cid();
  }

  /** @return the block whose section holds byte {@code offset} of the honest CAR answer for docs/big.bin */
  Cid blockAtByte(long offset) throws IOException {
    long end = io.carmint.car.CarHeader.of(root).toBytes().length;
    for (Block b : honest(IpfsPath.of(root, "docs", "big.bin"), "all")) {
      long section = b.cid().byteLength() + (long) b.length();
      end += io.carmint.multiformats.Varint.encodedLength(section) + section;
      if (offset < end) {
        return b.cid();
      }
    }
    throw new IllegalArgumentException("beyond the answer: " + offset);
  }

  @Test
  void flippedByte() throws IOException {
    lie(Fault.FLIP_BYTE, 5, Reason.CORRUPT_BLOCK, block(5));
  }

  @Test
  void droppedBlock() throws IOException {
    lie(Fault.DROP_BLOCK, 5, Reason.UNEXPECTED_BLOCK, block(5));
  }

  @Test
  void droppedLastBlock() throws IOException {
    int last = honest(IpfsPath.of(root, "docs", "big.bin"), "all").size() - 1;
    lie(Fault.DROP_BLOCK, last, Reason.MISSING_BLOCK, block(last));
  }

  @Test
  void extraBlockInTheMiddle() throws IOException {
    lie(Fault.EXTRA_BLOCK, 6, Reason.UNEXPECTED_BLOCK, block(6));
  }

  @Test
  void extraBlockAtTheEnd() throws IOException {
    int size = honest(IpfsPath.of(root, "docs", "big.bin"), "all").size();
    gateway.lie(Fault.EXTRA_BLOCK, size);
    FetchException e = assertThrows(FetchException.class,
        () -> client(gateway).build().fetch(IpfsPath.of(root, "docs", "big.bin"), dir.resolve("big.bin")));
    assertEquals(Reason.EXTRA_BLOCK, e.failures().get(0).reason());
    assertTrue(e.getMessage().contains("after the last block the DAG needs"), e.getMessage());
    assertEquals(List.of(), leftovers(), "the file was complete, but the answer was not");
  }

  @Test
  void repeatedBlock() throws IOException {
    lie(Fault.DUPLICATE_BLOCK, 4, Reason.UNEXPECTED_BLOCK, block(5));
  }

  @Test
  void anotherDag() throws IOException {
    Cid other = dags.addFile(TestDags.random(99, 3000));
    gateway.otherRoot(other);
    lie(Fault.OTHER_DAG, 0, Reason.UNEXPECTED_BLOCK, root);
  }

  @Test
  void truncatedStream() throws IOException {
    lie(Fault.TRUNCATE, 3000, Reason.TRUNCATED, blockAtByte(3000));
  }

  @Test
  void stall() throws IOException {
    lie(Fault.STALL, 7, Reason.STALLED, block(7));
  }

  @Test
  void refusedCarThenCorruptRawBlock() throws IOException {
    gateway.flipRawBlock(block(3));
    lie(Fault.REFUSE_CAR, 0, Reason.CORRUPT_BLOCK, block(3));
  }

  @Test
  void serverError() throws IOException {
    lie(Fault.SERVER_ERROR, 0, Reason.HTTP_STATUS, root);
  }

  // ---------------------------------------------------------------------------------------------- decided by content

  @Test
  void aPathThatDoesNotExistIsNotAskedElsewhere() throws IOException {
    Path out = dir.resolve("x");
    assertThrows(EntryNotFoundException.class,
        () -> client(gateway, second).build().fetch(IpfsPath.of(root, "docs", "nope"), out));
    assertEquals(List.of(), second.requests(), "the verified directory proves the name absent");
    assertEquals(List.of(), leftovers());
  }

  @Test
  void anExistingOutputIsNeverReplaced() throws IOException {
    Path out = Files.writeString(dir.resolve("mine"), "keep");
    assertThrows(TargetNotEmptyException.class,
        () -> client(gateway).build().fetch(IpfsPath.of(root, "docs", "readme.txt"), out));
    assertEquals("keep", Files.readString(out));
    assertEquals(List.of(), gateway.requests());
  }

  @Test
  void limitsStopTheFetchAndAreNotRetried() throws IOException {
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> client(gateway, second).maxBlocks(5).build().verify(IpfsPath.of(root), DagScope.ALL));
    assertEquals("TrustlessGatewayClient.Builder.maxBlocks", e.setting());
    assertEquals(6, e.actual());
    assertEquals(List.of(), second.requests());
    LimitExceededException bytes = assertThrows(LimitExceededException.class,
        () -> client(gateway).maxBytes(10_000).build().verify(IpfsPath.of(root), DagScope.ALL));
    assertEquals("TrustlessGatewayClient.Builder.maxBytes", bytes.setting());
  }

  @Test
  void theWalkStopsAtItsDepthLimit() throws IOException {
    Cid tower = dags.add(List.of(io.carmint.unixfs.importer.ImportEntry.file("d/d/d/d/f", new byte[] {1})));
    assertEquals(6, client(gateway).maxDepth(4).build().verify(IpfsPath.of(tower), DagScope.ALL).blocks(),
        "the root, four directories d, the file");
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> client(gateway).maxDepth(3).build().verify(IpfsPath.of(tower), DagScope.ALL));
    assertEquals("TrustlessGatewayClient.Builder.maxDepth", e.setting());
    assertEquals(4, e.actual(), "d/d/d/d: four levels below the root");
  }

  @Test
  void unpackLimitsApply() throws IOException {
    Path out = dir.resolve("tree");
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> client(gateway)
        .unpacker(Unpacker.builder().maxEntries(10).build()).build().fetch(IpfsPath.of(root), out));
    assertEquals("Unpacker.Builder.maxEntries", e.setting());
    assertEquals(List.of(), leftovers());
  }

  // ---------------------------------------------------------------------------------------------- cancellation

  /** @return a listener counting {@code latch} down when the {@code n}-th block has been verified */
  private static FetchListener countDownAtBlock(long n, CountDownLatch latch) {
    return FetchListener.onBlock((cid, size, blocks, bytes) -> {
      if (blocks == n) {
        latch.countDown();
      }
    });
  }

  @Test
  void cancellingAStalledFetch() throws Exception {
    gateway.lie(Fault.STALL, 6);
    CountDownLatch stalled = new CountDownLatch(1);
    FetchListener l = countDownAtBlock(6, stalled);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Path out = dir.resolve("big.bin");
    CompletableFuture<FetchResult> f = client(gateway).readTimeout(Duration.ofMinutes(5)).executor(pool).build()
        .fetchAsync(FetchRequest.content(IpfsPath.of(root, "docs", "big.bin"), out).listener(l));
    assertTrue(stalled.await(1, TimeUnit.MINUTES));
    assertTrue(f.cancel(true));
    assertTrue(f.isCancelled());
    assertThrows(CancellationException.class, f::join);
    pool.shutdown();
    assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES), "the closed call ends the read at once");
    assertFalse(Files.exists(out));
    assertEquals(List.of(), leftovers(), "the worker removed its temporary directory");
  }

  /**
   * A gateway that stalls (or keeps sending, slowly) holds a fetch as long as the read timeout allows, for each
   * gateway in turn; the deadline bounds the whole fetch: the call is closed, nothing is left, later gateways are not
   * asked.
   */
  @Test
  void theDeadlineStopsAStalledFetchAndLeavesNothing() throws IOException {
    gateway.lie(Fault.STALL, 6);
    Path out = dir.resolve("big.bin");
    DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> client(gateway, second)
        .readTimeout(Duration.ofMinutes(5)).deadline(Duration.ofMillis(300)).build()
        .fetch(IpfsPath.of(root, "docs", "big.bin"), out));
    assertEquals("TrustlessGatewayClient.Builder.deadline", e.setting());
    assertEquals(Duration.ofMillis(300), e.timeout());
    assertEquals("The fetch of " + IpfsPath.of(root, "docs", "big.bin") + " did not finish within its deadline of "
        + "300 ms (TrustlessGatewayClient.Builder.deadline)", e.getMessage());
    assertFalse(Files.exists(out));
    assertEquals(List.of(), leftovers());
    assertEquals(List.of(), second.requests(), "the deadline is the whole fetch's, not one gateway's");
  }

  @Test
  void anAsyncFetchPastItsDeadlineFailsWithTheDeadline() throws Exception {
    gateway.lie(Fault.STALL, 6);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Path out = dir.resolve("big.bin");
    CompletableFuture<FetchResult> f = client(gateway).readTimeout(Duration.ofMinutes(5))
        .deadline(Duration.ofMillis(300)).executor(pool).build()
        .fetchAsync(FetchRequest.content(IpfsPath.of(root, "docs", "big.bin"), out));
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(1, TimeUnit.MINUTES));
    assertTrue(e.getCause() instanceof DeadlineExceededException, String.valueOf(e.getCause()));
    assertFalse(f.isCancelled(), "failed by its deadline, not cancelled by a caller");
    pool.shutdown();
    assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
    assertFalse(Files.exists(out));
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aFetchWithinItsDeadlineSucceeds() throws IOException {
    Path out = dir.resolve("readme.txt");
    client(gateway).deadline(Duration.ofMinutes(5)).build().fetch(IpfsPath.of(root, "docs", "readme.txt"), out);
    assertTrue(Files.isRegularFile(out));
  }

  /**
   * The cancel closes the stalled call, and the fetching thread fails at once; if it completed the future first,
   * {@code cancel} returned false although it had stopped the fetch. Many races: each cancel returns true.
   */
  @Test
  void aCancelThatStopsTheFetchAlwaysReturnsTrue() throws Exception {
    gateway.lie(Fault.STALL, 2);
    try (TrustlessGatewayClient client = client(gateway).readTimeout(Duration.ofMinutes(5)).build()) {
      for (int i = 0; i < 100; i++) {
        CountDownLatch stalled = new CountDownLatch(1);
        FetchListener l = countDownAtBlock(2, stalled);
        CompletableFuture<FetchResult> f = client.fetchAsync(FetchRequest.verify(IpfsPath.of(root), DagScope.ALL)
            .listener(l));
        assertTrue(stalled.await(1, TimeUnit.MINUTES));
        assertTrue(f.cancel(true), "race " + i);
        assertThrows(CancellationException.class, f::join);
      }
    }
  }

  @Test
  void anInterruptedThreadStopsBeforeAsking() {
    Thread.currentThread().interrupt();
    try {
      assertThrows(InterruptedIOException.class,
          () -> client(gateway).build().verify(IpfsPath.of(root), DagScope.ALL));
    } finally {
      Thread.interrupted();
    }
    assertEquals(List.of(), gateway.requests());
  }

  @Test
  void asyncResultOfAnHonestFetch() throws Exception {
    FetchResult r = client(gateway).build().fetchAsync(FetchRequest.verify(IpfsPath.of(root), DagScope.ENTITY))
        .get(1, TimeUnit.MINUTES);
    assertEquals(1, r.blocks(), "a directory's entity is its own block");
  }
}

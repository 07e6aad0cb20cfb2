package io.carmint.client.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.client.DeadlineExceededException;
import io.carmint.client.gateway.GatewayException.Reason;
import io.carmint.client.gateway.LyingGateway.Fault;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.UnixFsData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Block by block with requests ahead ({@code rawConcurrency} 8, the default): the same bytes and blocks as one
 * request at a time, each block asked once, failures ahead reported only when the walk needs the block, and a
 * cancel or deadline closing every call in flight.
 */
class RawPrefetchTest {
  static final long MINUTE = 60;

  @TempDir
  Path dir;

  final TestDags dags = new TestDags();
  final byte[] bigBytes = TestDags.tree().get("docs/big.bin");
  Cid root;
  Cid big;
  LyingGateway gateway;

  @BeforeEach
  void start() throws IOException {
    root = dags.addTree();
    big = dags.addFile(bigBytes);
    gateway = new LyingGateway(dags).lie(Fault.REFUSE_CAR, 0);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  TrustlessGatewayClient.Builder client() {
    return TrustlessGatewayClient.builder().gateway(gateway.uri()).readTimeout(Duration.ofMinutes(5));
  }

  /** @return the blocks the honest gateway's own walk gives for the path and scope, a block each time it occurs */
  List<Cid> honest(IpfsPath p, String scope) throws IOException {
    return gateway.walk(p.root(), p.segments(), scope).stream().map(Block::cid).toList();
  }

  List<String> leftovers() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Asserts no CID was asked for twice, and @return the CIDs asked for */
  Set<Cid> askedOnce() {
    List<Cid> asked = gateway.rawRequests();
    Set<Cid> once = new HashSet<>(asked);
    assertEquals(once.size(), asked.size(), "a block asked for twice: " + asked);
    return once;
  }

  // ---------------------------------------------------------------------------------------------- honest

  @Test
  void aMultiBlockFileIsIdenticalWithOneRequestPerBlock() throws IOException {
    IpfsPath p = IpfsPath.of(big);
    List<Cid> expected = honest(p, "all");
    assertEquals(expected.size(), new HashSet<>(expected).size(), "the file's blocks are all different");
    Path out = dir.resolve("big.bin");
    FetchResult r = client().build().fetch(p, out);
    assertArrayEquals(bigBytes, Files.readAllBytes(out));
    assertEquals(RetrievalMode.RAW_BLOCKS, r.mode());
    assertEquals(expected.size(), r.blocks());
    assertEquals(new HashSet<>(expected), askedOnce());
  }

  @Test
  void aDirectoryTreeIsIdenticalWithOneRequestPerBlock() throws IOException {
    List<Cid> expected = honest(IpfsPath.of(root), "all");
    assertEquals(expected.size(), new HashSet<>(expected).size(), "the tree's blocks are all different");
    Path out = dir.resolve("tree");
    FetchResult r = client().build().fetch(IpfsPath.of(root), out);
    for (Map.Entry<String, byte[]> e : TestDags.tree().entrySet()) {
      assertArrayEquals(e.getValue(), Files.readAllBytes(out.resolve(e.getKey())), e.getKey());
    }
    assertEquals(Path.of("docs/readme.txt"), Files.readSymbolicLink(out.resolve("link")));
    assertEquals(expected.size(), r.blocks());
    assertEquals(new HashSet<>(expected), askedOnce());
  }

  @Test
  void oneRequestAtATimeAsksInTheWalksOrder() throws IOException {
    FetchResult r = client().rawConcurrency(1).build().fetch(IpfsPath.of(root), dir.resolve("tree"));
    assertEquals(honest(IpfsPath.of(root), "all"), gateway.rawRequests());
    assertEquals(gateway.rawRequests().size(), r.blocks());
  }

  @Test
  void aBlockLinkedTwiceIsAskedOnceAndReceivedTwice() throws IOException {
    Cid small = dags.addFile("twice\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Cid twice = dags.put(Block.create(Multicodec.DAG_PB, HashFunction.SHA2_256, DagPb.encode(PbNode.of(List.of(
        PbLink.of(small, "a.txt", 6), PbLink.of(small, "b.txt", 6), PbLink.of(big, "c.bin", 0)),
        UnixFsData.directory().encode()))));
    List<Cid> expected = honest(IpfsPath.of(twice), "all");
    Path out = dir.resolve("d");
    FetchResult r = client().build().fetch(IpfsPath.of(twice), out);
    assertEquals("twice\n", Files.readString(out.resolve("a.txt")));
    assertEquals("twice\n", Files.readString(out.resolve("b.txt")));
    assertArrayEquals(bigBytes, Files.readAllBytes(out.resolve("c.bin")));
    assertEquals(expected.size(), r.blocks(), "the walk receives the block each time the DAG links it");
    assertEquals(new LinkedHashSet<>(expected), askedOnce(), "the gateway is asked for it once");
    assertEquals(expected.size() - 1, gateway.rawRequests().size());
  }

  // ---------------------------------------------------------------------------------------------- failures ahead

  @Test
  void aCorruptBlockAheadFailsTheFetchNamingIt() throws IOException {
    Cid leaf = honest(IpfsPath.of(big), "all").get(6);
    gateway.flipRawBlock(leaf);
    Path out = dir.resolve("big.bin");
    FetchException e = assertThrows(FetchException.class, () -> client().build().fetch(IpfsPath.of(big), out));
    GatewayException g = e.failures().get(0);
    assertEquals(Reason.CORRUPT_BLOCK, g.reason(), g.getMessage());
    assertEquals(java.util.Optional.of(leaf), g.cid());
    assertTrue(e.getMessage().contains(leaf.toString()) && e.getMessage().contains(gateway.uri().toString()),
        e.getMessage());
    assertEquals(List.of(), leftovers());
  }

  /** A listener that holds the walk, once it received {@code at}, until the gateway answered {@code ahead}. */
  FetchListener holdUntilAnswered(Cid at, Cid ahead) {
    return new FetchListener() {
      @Override
      public void onBlock(Cid cid, int size, long blocks, long bytes) {
        if (cid.equals(at)) {
          try {
            assertTrue(gateway.awaitAnswered(ahead, MINUTE, TimeUnit.SECONDS), "asked ahead: " + ahead);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
  }

  @Test
  void aCorruptBlockAheadThatAPathSkipsDoesNotFail() throws IOException {
    Cid many = honest(IpfsPath.of(root, "many"), "block").get(1);
    gateway.flipRawBlock(many);
    IpfsPath p = IpfsPath.of(root, "docs", "big.bin");
    Path out = dir.resolve("big.bin");
    FetchResult r = client().build().fetch(FetchRequest.content(p, out).listener(holdUntilAnswered(root, many)));
    assertArrayEquals(bigBytes, Files.readAllBytes(out));
    assertEquals(honest(p, "all").size(), r.blocks());
    assertTrue(gateway.rawRequests().contains(many), "the corrupt block was fetched ahead");
  }

  @Test
  void aCorruptBlockAheadThatScopeEntitySkipsDoesNotFail() throws IOException {
    Cid docs = honest(IpfsPath.of(root, "docs"), "block").get(1);
    gateway.flipRawBlock(docs);
    FetchResult r = client().build().fetch(FetchRequest.verify(IpfsPath.of(root), DagScope.ENTITY)
        .listener(holdUntilAnswered(root, docs)));
    assertEquals(1, r.blocks(), "a directory's entity is its own block");
    assertTrue(gateway.rawRequests().contains(docs));
  }

  // ---------------------------------------------------------------------------------------------- stopping

  /** Stalls every leaf of the file from the 4th on, and @return them; the walk waits for the 4th. */
  Set<Cid> stallLeaves() throws IOException {
    List<Cid> blocks = honest(IpfsPath.of(big), "all");
    Set<Cid> leaves = new HashSet<>();
    for (Cid c : blocks) {
      if (c.codecCode() == Multicodec.RAW.code()) {
        leaves.add(c);
      }
    }
    Set<Cid> stalled = new HashSet<>();
    int n = 0;
    for (Cid c : blocks) {
      if (leaves.contains(c) && n++ >= 3) {
        stalled.add(c);
      }
    }
    gateway.stallRawBlocks(stalled, 3); // three stalled requests in flight at once: the walk's and two ahead
    return stalled;
  }

  /** Waits for the fetch's request threads to end: they do only once their calls were closed. */
  static void assertRequestThreadsEnd() throws InterruptedException {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("carmint-fetch-raw")) {
        t.join(TimeUnit.MINUTES.toMillis(1));
        assertFalse(t.isAlive(), "a request still in flight");
      }
    }
  }

  @Test
  void cancellingStopsEveryRequestInFlight() throws Exception {
    stallLeaves();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Path out = dir.resolve("big.bin");
    CompletableFuture<FetchResult> f = client().executor(pool).build()
        .fetchAsync(FetchRequest.content(IpfsPath.of(big), out));
    assertTrue(gateway.awaitStalled(MINUTE, TimeUnit.SECONDS));
    assertTrue(f.cancel(true));
    assertThrows(CancellationException.class, f::join);
    pool.shutdown();
    assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
    assertRequestThreadsEnd();
    assertFalse(Files.exists(out));
    assertEquals(List.of(), leftovers());
  }

  @Test
  void theDeadlineStopsEveryRequestInFlight() throws Exception {
    Set<Cid> stalled = stallLeaves();
    Cid parent = honest(IpfsPath.of(big), "all").stream().filter(c -> c.codecCode() == Multicodec.DAG_PB.code())
        .filter(c -> linksTo(c, stalled)).findFirst().orElseThrow();
    // the walk holds at the parent of the first stalled leaves, its links requested ahead, until they are in flight
    FetchListener hold = new FetchListener() {
      @Override
      public void onBlock(Cid cid, int size, long blocks, long bytes) {
        if (cid.equals(parent)) {
          try {
            gateway.awaitStalled(MINUTE, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
    Path out = dir.resolve("big.bin");
    DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> client()
        .deadline(Duration.ofSeconds(1)).build().fetch(FetchRequest.content(IpfsPath.of(big), out).listener(hold)));
    assertEquals(Job.DEADLINE_SETTING, e.setting());
    assertTrue(gateway.awaitStalled(0, TimeUnit.SECONDS), "several requests were in flight");
    assertRequestThreadsEnd();
    assertFalse(Files.exists(out));
    assertEquals(List.of(), leftovers());
  }

  boolean linksTo(Cid node, Set<Cid> targets) {
    try {
      return DagPb.decode(dags.get(node).orElseThrow()).links().stream().anyMatch(l -> targets.contains(l.hash()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------- limits

  /**
   * The limit stops the walk at the same block as one request at a time does; blocks are requested ahead only while
   * those received plus those ahead are below the limit, so fewer than {@code maxBlocks} are ever downloaded beyond
   * the {@code maxBlocks + 1} the walk received.
   */
  @Test
  void maxBlocksHoldsAndBoundsWhatIsFetchedAhead() throws IOException {
    for (int concurrency : new int[] {1, 8}) {
      gateway.close();
      gateway = new LyingGateway(dags).lie(Fault.REFUSE_CAR, 0);
      LimitExceededException e = assertThrows(LimitExceededException.class,
          () -> client().maxBlocks(5).rawConcurrency(concurrency).build().verify(IpfsPath.of(big), DagScope.ALL));
      assertEquals("TrustlessGatewayClient.Builder.maxBlocks", e.setting());
      assertEquals(6, e.actual());
      assertTrue(gateway.rawRequests().size() <= (concurrency == 1 ? 6 : 6 + 4), "concurrency " + concurrency
          + ": " + gateway.rawRequests());
    }
  }

  @Test
  void rawConcurrencyIsChecked() {
    assertThrows(IllegalArgumentException.class, () -> TrustlessGatewayClient.builder().rawConcurrency(0));
    assertThrows(IllegalArgumentException.class, () -> TrustlessGatewayClient.builder()
        .rawConcurrency(TrustlessGatewayClient.MAX_RAW_CONCURRENCY + 1));
  }
}

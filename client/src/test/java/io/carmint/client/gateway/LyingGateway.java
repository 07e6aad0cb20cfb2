package io.carmint.client.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.carmint.block.Block;
import io.carmint.block.BlockSource;
import io.carmint.car.CarHeader;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Varint;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.UnixFsType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A trustless gateway test double over the JDK's HTTP server: serves {@code GET /ipfs/{cid}[/path]?format=car&
 * dag-scope=...} and {@code ?format=raw} from a {@link BlockSource}, honestly by default, and lies on demand (a
 * flipped byte, a block left out, added or repeated, another DAG, a truncated or stalled answer, a refused CAR, a
 * CAR without the asked order, an error status). Its depth-first walk is written here from the specification, not
 * taken from the code under test. Faults a real service would not produce are what it is for; the real service
 * ({@code carmint serve}) is tested as itself.
 */
public final class LyingGateway implements AutoCloseable {
  /** A lie. */
  public enum Fault {
    /** Tell the truth. */
    NONE,
    /** Flip one bit in the middle of block {@code at} of a CAR (raw blocks: see {@link LyingGateway#flipRawBlock}). */
    FLIP_BYTE,
    /** Leave block {@code at} out of a CAR. */
    DROP_BLOCK,
    /** Add a block that is not in the DAG before block {@code at} ({@code at} = the count: at the end). */
    EXTRA_BLOCK,
    /** Send block {@code at} twice in a row. */
    DUPLICATE_BLOCK,
    /** Answer with the blocks of another DAG (see {@link LyingGateway#otherRoot}). */
    OTHER_DAG,
    /** End the answer after {@code at} bytes, inside a block. */
    TRUNCATE,
    /** Send blocks up to block {@code at}, then nothing, holding the connection open until closed. */
    STALL,
    /** Answer CAR requests with 406 Not Acceptable. */
    REFUSE_CAR,
    /** Answer CAR requests with a plain {@code application/vnd.ipld.car; version=1} (no order, no dups). */
    UNORDERED_CAR,
    /** Answer every request with 500. */
    SERVER_ERROR
  }

  static {
    // Without it a small answer waits on Nagle's algorithm and the client's delayed ACK: 40 ms per raw block. Read
    // when the JDK's server is first used in the JVM, so this class sets it as early as it can.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final BlockSource blocks;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "lying-gateway");
    t.setDaemon(true);
    return t;
  });
  private final CountDownLatch released = new CountDownLatch(1);
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile Fault fault = Fault.NONE;
  private volatile long at;
  private volatile Cid otherRoot;
  private final Set<Cid> rawFlips = ConcurrentHashMap.newKeySet();
  private final Set<Cid> rawStalls = ConcurrentHashMap.newKeySet();
  /** Counted down once per raw request stalled. */
  private volatile CountDownLatch stalled = new CountDownLatch(0);
  /** Per CID, opened once a raw request for it was answered. */
  private final Map<Cid, CountDownLatch> answered = new ConcurrentHashMap<>();

  /** Starts serving {@code blocks} on a free port of the loopback address. */
  public LyingGateway(BlockSource blocks) throws IOException {
    this.blocks = blocks;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** @return the base URL */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Lies from now on in this way, at block (or byte) {@code where}. */
  public LyingGateway lie(Fault how, long where) {
    this.fault = how;
    this.at = where;
    return this;
  }

  /**
   * Flips one bit in the middle of block {@code cid} whenever it is asked for raw (by CID, not by the order of the
   * requests, which fetching ahead makes vary).
   */
  public LyingGateway flipRawBlock(Cid cid) {
    rawFlips.add(cid);
    return this;
  }

  /**
   * Never answers raw requests for these blocks, holding each open until closed.
   *
   * @param count how many such requests {@link #awaitStalled} waits for
   */
  public LyingGateway stallRawBlocks(Set<Cid> cids, int count) {
    rawStalls.addAll(cids);
    stalled = new CountDownLatch(count);
    return this;
  }

  /** @return whether the count given to {@link #stallRawBlocks} of stalled raw requests arrived in time */
  public boolean awaitStalled(long timeout, TimeUnit unit) throws InterruptedException {
    return stalled.await(timeout, unit);
  }

  /** @return whether a raw request for {@code cid} was answered (in full) in time */
  public boolean awaitAnswered(Cid cid, long timeout, TimeUnit unit) throws InterruptedException {
    return latch(cid).await(timeout, unit);
  }

  private CountDownLatch latch(Cid cid) {
    return answered.computeIfAbsent(cid, c -> new CountDownLatch(1));
  }

  /** @return the CIDs asked for with {@code ?format=raw}, in the order the requests arrived */
  public List<Cid> rawRequests() {
    return requests().stream().filter(q -> q.endsWith("?format=raw"))
        .map(q -> Cid.parse(q.substring("/ipfs/".length(), q.indexOf('?')))).toList();
  }

  /** @param root the root of the DAG served instead, for {@link Fault#OTHER_DAG} (its blocks must be in the source) */
  public LyingGateway otherRoot(Cid root) {
    this.otherRoot = root;
    return this;
  }

  /** @return the requests received, as {@code path?query} */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Releases stalled answers and stops. */
  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }

  // ---------------------------------------------------------------------------------------------- serving

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String raw = x.getRequestURI().getRawPath();
      String query = x.getRequestURI().getRawQuery();
      requests.add(raw + (query == null ? "" : "?" + query));
      Map<String, String> params = params(query);
      if (fault == Fault.SERVER_ERROR) {
        x.sendResponseHeaders(500, -1);
        return;
      }
      if (!raw.startsWith("/ipfs/")) {
        x.sendResponseHeaders(404, -1);
        return;
      }
      List<String> segments = new ArrayList<>();
      for (String s : raw.substring("/ipfs/".length()).split("/")) {
        if (!s.isEmpty()) {
          segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
      }
      Cid cid = Cid.parse(segments.remove(0));
      String format = params.getOrDefault("format", "");
      if (format.equals("raw")) {
        raw(x, cid, segments);
      } else if (format.equals("car")) {
        car(x, cid, segments, params.getOrDefault("dag-scope", "all"));
      } else {
        x.sendResponseHeaders(400, -1);
      }
    }
  }

  private void raw(HttpExchange x, Cid cid, List<String> segments) throws IOException {
    Optional<Block> b = blocks.get(cid);
    if (!segments.isEmpty() || b.isEmpty()) {
      x.sendResponseHeaders(segments.isEmpty() ? 404 : 400, -1);
      return;
    }
    if (rawStalls.contains(cid)) {
      stalled.countDown();
      try {
        released.await(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    byte[] data = b.get().toBytes();
    if (rawFlips.contains(cid)) {
      data[data.length / 2] ^= 1;
    }
    x.getResponseHeaders().set("Content-Type", "application/vnd.ipld.raw");
    x.sendResponseHeaders(200, data.length == 0 ? -1 : data.length);
    x.getResponseBody().write(data);
    x.getResponseBody().flush();
    latch(cid).countDown();
  }

  private void car(HttpExchange x, Cid root, List<String> segments, String scope) throws IOException {
    if (fault == Fault.REFUSE_CAR) {
      x.sendResponseHeaders(406, -1);
      return;
    }
    List<Block> answer;
    try {
      answer = walk(fault == Fault.OTHER_DAG ? otherRoot : root, fault == Fault.OTHER_DAG ? List.of() : segments,
          scope);
    } catch (IOException | IllegalArgumentException e) {
      x.sendResponseHeaders(404, -1);
      return;
    }
    answer = lie(answer);
    x.getResponseHeaders().set("Content-Type", fault == Fault.UNORDERED_CAR ? "application/vnd.ipld.car; version=1"
        : "application/vnd.ipld.car; version=1; order=dfs; dups=y");
    x.sendResponseHeaders(200, 0);
    OutputStream body = new BufferedOutputStream(x.getResponseBody(), 1 << 16);
    Counting out = new Counting(body, fault == Fault.TRUNCATE ? at : Long.MAX_VALUE);
    try {
      out.write(CarHeader.of(root).toBytes());
      for (int i = 0; i < answer.size(); i++) {
        if (fault == Fault.STALL && i == at) {
          body.flush();
          released.await(1, TimeUnit.MINUTES);
          return;
        }
        Block b = answer.get(i);
        byte[] cid = b.cid().toBytes();
        out.write(Varint.encode(cid.length + (long) b.length()));
        out.write(cid);
        out.write(b.toBytes());
      }
      body.flush();
    } catch (Truncated | InterruptedException e) {
      body.flush();
    } catch (IOException e) {
      // the client went away (it found a lie and stopped reading): nothing to do
    }
  }

  /** Applies the block-level lies to an honest answer. */
  private List<Block> lie(List<Block> honest) {
    List<Block> a = new ArrayList<>(honest);
    int i = (int) Math.min(at, a.size());
    switch (fault) {
      case FLIP_BYTE -> {
        byte[] data = a.get(i).toBytes();
        data[data.length / 2] ^= 1;
        a.set(i, Block.wrap(a.get(i).cid(), data));
      }
      case DROP_BLOCK -> a.remove(i);
      case EXTRA_BLOCK -> a.add(i, Block.create(Multicodec.RAW, io.carmint.multiformats.HashFunction.SHA2_256,
          "not part of this DAG".getBytes(StandardCharsets.UTF_8)));
      case DUPLICATE_BLOCK -> a.add(i, a.get(i));
      default -> {
      }
    }
    return a;
  }

  /** A stream that stops (throws {@link Truncated}) after {@code limit} bytes. */
  private static final class Counting {
    private final OutputStream out;
    private final long limit;
    private long written;

    Counting(OutputStream out, long limit) {
      this.out = out;
      this.limit = limit;
    }

    void write(byte[] b) throws IOException {
      int n = (int) Math.min(b.length, limit - written);
      out.write(b, 0, n);
      written += n;
      if (n < b.length) {
        throw new Truncated();
      }
    }
  }

  private static final class Truncated extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static Map<String, String> params(String query) {
    Map<String, String> p = new HashMap<>();
    if (query != null) {
      for (String kv : query.split("&")) {
        int eq = kv.indexOf('=');
        p.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
      }
    }
    return p;
  }

  // ---------------------------------------------------------------------------------------------- the walk

  /**
   * The blocks a trustless gateway sends for {@code /ipfs/root/segments} in {@code scope}: those on the path (each
   * directory; in a HAMT the shards from its root to the one holding the name), then the scope, depth first, links
   * in order, a block each time it occurs.
   */
  public List<Block> walk(Cid root, List<String> segments, String scope) throws IOException {
    List<Block> out = new ArrayList<>();
    Cid current = root;
    for (String name : segments) {
      Block b = block(current);
      UnixFsData data = UnixFsData.decode(DagPb.decode(b).data().orElseThrow());
      if (data.type() == UnixFsType.HAMT_SHARD) {
        int prefix = Long.toHexString(data.fanout().getAsLong() - 1).length();
        List<Block> chain = new ArrayList<>();
        current = findInShard(b, name, prefix, chain);
        out.addAll(chain);
      } else {
        out.add(b);
        current = null;
        for (PbLink l : DagPb.decode(b).links()) {
          if (l.name().orElse("").equals(name)) {
            current = l.hash();
          }
        }
      }
      if (current == null) {
        throw new IOException("no entry " + name);
      }
    }
    switch (scope) {
      case "block" -> out.add(block(current));
      case "entity" -> entity(current, out);
      default -> all(current, out);
    }
    return out;
  }

  /** Searches a HAMT shard by scanning its links (no hashing); adds the shards passed to {@code chain}. */
  private Cid findInShard(Block shard, String name, int prefix, List<Block> chain) throws IOException {
    chain.add(shard);
    for (PbLink l : DagPb.decode(shard).links()) {
      String n = l.name().orElse("");
      if (n.length() == prefix) {
        Cid found = findInShard(block(l.hash()), name, prefix, chain);
        if (found != null) {
          return found;
        }
      } else if (n.substring(prefix).equals(name)) {
        return l.hash();
      }
    }
    chain.remove(chain.size() - 1);
    return null;
  }

  private void all(Cid cid, List<Block> out) throws IOException {
    if (cid.multihash().code() == 0) {
      return; // an identity CID holds its block: a gateway must not send it
    }
    Block b = block(cid);
    out.add(b);
    if (cid.codecCode() == Multicodec.DAG_PB.code()) {
      for (PbLink l : DagPb.decode(b).links()) {
        all(l.hash(), out);
      }
    }
  }

  private void entity(Cid cid, List<Block> out) throws IOException {
    if (cid.codecCode() != Multicodec.DAG_PB.code()) {
      out.add(block(cid));
      return;
    }
    Block b = block(cid);
    PbNode node = DagPb.decode(b);
    UnixFsType type = UnixFsData.decode(node.data().orElseThrow()).type();
    if (type == UnixFsType.FILE || type == UnixFsType.RAW) {
      all(cid, out);
    } else if (type == UnixFsType.HAMT_SHARD) {
      out.add(b);
      int prefix = Long.toHexString(UnixFsData.decode(node.data().get()).fanout().getAsLong() - 1).length();
      for (PbLink l : node.links()) {
        if (l.name().orElse("").length() == prefix) {
          entity(l.hash(), out);
        }
      }
    } else {
      out.add(b);
    }
  }

  private Block block(Cid cid) throws IOException {
    return blocks.get(cid).orElseThrow(() -> new IOException("not held: " + cid));
  }
}

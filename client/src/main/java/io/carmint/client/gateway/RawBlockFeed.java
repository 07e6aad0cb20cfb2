package io.carmint.client.gateway;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.DagPbFormatException;
import io.carmint.dagpb.PbLink;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.UnsupportedHashException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One {@code GET /ipfs/{cid}?format=raw} per block, each body checked against its CID, for gateways that do not
 * serve the CAR asked for; with a concurrency above 1, the blocks the walk will ask for next are fetched ahead.
 *
 * <p><b>Fetching ahead.</b> The walk goes depth first, links in order, so when a dag-pb block it asked for arrives
 * (verified), its links are the blocks it will ask for next, before the rest of what was planned. The plan is
 * a stack of those link lists (one per level of the walk, like the walk's own nodes); the first planned blocks are
 * requested ahead, at most {@code concurrency} requests in flight, and handed to the walk only when it asks for
 * them, in its order. A block the walk skips (a path takes one link of a directory, scope {@code entity} stops at
 * a directory) is dropped with everything planned before the block it asks for; a block it asks for that was not
 * planned drops the whole plan, so a walk in another order costs speed, never correctness. A CID planned several
 * times among the next {@value #LOOKAHEAD} planned links is requested once and kept until its last occurrence
 * there: a DAG linking one block many times does not multiply requests.
 *
 * <p><b>Bounds.</b> Memory: the blocks ahead (in flight, each counted at {@code maxBlockSize}, and arrived, at their
 * size) never exceed {@code concurrency × maxBlockSize}, and there are at most {@value #MAX_AHEAD_FACTOR} ×
 * {@code concurrency} of them; the block the walk waits for is one of them. Limits: a block is requested ahead only
 * while the blocks received plus those ahead stay below {@code maxBlocks}, and the bytes received plus those ahead
 * below {@code maxBytes}, so fewer than {@code maxBlocks} blocks are ever downloaded ahead of the walk; the walk's
 * own count, made by {@link BlockFeed}, still decides when a limit is exceeded. A block the walk asks for when no
 * request can start waits for those in flight to end; only if blocks already arrived fill the memory bound alone
 * are those planned last dropped (asked again when the walk gets there).
 *
 * <p><b>Failures.</b> A block fetched ahead that fails (an HTTP error, a corrupt or oversized body) fails the fetch
 * only when the walk asks for it, with the {@link GatewayException} naming the block and the gateway; one the walk
 * never needs is dropped silently. Each call is {@linkplain Job#track tracked by the job}, so cancelling the fetch
 * or its deadline closes every call in flight at once; {@link #close} closes them when the walk ends, fails or is
 * stopped.
 *
 * <p><b>Threads.</b> The requests run as blocking OkHttp calls on this feed's own pool of {@code concurrency}
 * daemon threads (started on first use, ended by {@link #close}), not as OkHttp async calls: the dispatcher of an
 * {@link OkHttpClient} allows 5 calls per host by default and is shared with the caller's client, which would cap or
 * queue the window unseen; and a block is read and hashed on the thread that fetched it, so verifying uses other
 * cores than the walk. Not thread-safe: one thread (the walk's) calls {@link #get}, {@link #finish} and
 * {@link #close}; the pool's threads only complete the futures of their blocks.
 */
final class RawBlockFeed extends BlockFeed {
  static final String RAW = "application/vnd.ipld.raw";
  /** How many planned links ahead are searched for the block asked for, and for repeats of a CID. */
  static final int LOOKAHEAD = 1024;
  /** The blocks ahead, in flight or arrived, number at most this many times the concurrency. */
  static final int MAX_AHEAD_FACTOR = 4;

  private final OkHttpClient http;
  private final Gateways.Endpoint endpoint;
  private final Duration readTimeout;
  private final int maxBlockSize;
  private final int concurrency;
  private final Limits limits;
  /** The planned blocks: the unread links of each dag-pb block received, the latest on top. */
  private final Deque<Frame> plan = new ArrayDeque<>();
  /** The blocks requested ahead and not yet taken by the walk, in the order requested. */
  private final Map<Cid, Ahead> ahead = new LinkedHashMap<>();
  private ThreadPoolExecutor pool;

  RawBlockFeed(Gateways.Endpoint endpoint, Job job, Limits limits, FetchListener listener, BlockSink copy,
      OkHttpClient http, Duration readTimeout, int maxBlockSize, int concurrency) {
    super(endpoint.uri(), job, limits, listener, copy);
    this.http = http;
    this.endpoint = endpoint;
    this.readTimeout = readTimeout;
    this.maxBlockSize = maxBlockSize;
    this.concurrency = concurrency;
    this.limits = limits;
  }

  @Override
  RetrievalMode mode() {
    return RetrievalMode.RAW_BLOCKS;
  }

  @Override
  Block receive(Cid cid) throws IOException {
    if (concurrency == 1) {
      return download(cid, null);
    }
    int at = indexOf(cid);
    if (at < 0) {
      plan.clear();
      discardUnplanned(cid);
    } else {
      drop(at + 1);
      if (at > 0) {
        discardUnplanned(cid);
      }
    }
    Ahead a = ahead.get(cid);
    if (a == null) {
      makeRoom();
      a = start(cid);
    }
    refill();
    Block b = await(cid, a);
    if (cid.codecCode() == Multicodec.DAG_PB.code()) {
      plan(b);
      refill(); // while b is still ahead, so the limits count it
    }
    if (indexOf(cid) < 0) {
      ahead.remove(cid);
    }
    return b;
  }

  @Override
  void finish() {
    // every block was asked for by its CID: nothing can be left over
  }

  /** Closes the calls in flight and drops the blocks ahead; stops the pool's threads as their calls end. */
  @Override
  void close() {
    for (Ahead a : ahead.values()) {
      a.cancel();
    }
    ahead.clear();
    plan.clear();
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------------------------------------- the plan

  /** The unread links of one dag-pb block. */
  private static final class Frame {
    final List<Cid> links;
    int next;

    Frame(List<Cid> links) {
      this.links = links;
    }
  }

  /** Plans the links of a received dag-pb block, before everything planned so far. */
  private void plan(Block b) {
    List<Cid> links = new ArrayList<>();
    try {
      for (PbLink l : DagPb.decode(b).links()) {
        if (l.hash().multihash().code() != HashFunction.IDENTITY.code()) { // never asked of a gateway
          links.add(l.hash());
        }
      }
    } catch (DagPbFormatException e) {
      return; // the walk decodes the block too, and fails with the reason
    }
    if (!links.isEmpty()) {
      plan.push(new Frame(links));
    }
  }

  /** @return the position of {@code cid} among the first {@link #LOOKAHEAD} planned links, or -1 */
  private int indexOf(Cid cid) {
    int i = 0;
    for (Frame f : plan) {
      for (int j = f.next; j < f.links.size() && i < LOOKAHEAD; j++, i++) {
        if (f.links.get(j).equals(cid)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Removes the first {@code n} planned links. */
  private void drop(int n) {
    while (n > 0 && !plan.isEmpty()) {
      Frame f = plan.peek();
      int take = Math.min(n, f.links.size() - f.next);
      f.next += take;
      n -= take;
      if (f.next == f.links.size()) {
        plan.pop();
      }
    }
  }

  /** @return the first {@link #LOOKAHEAD} planned links, a CID at its first position */
  private Map<Cid, Integer> positions() {
    Map<Cid, Integer> at = new HashMap<>();
    int i = 0;
    for (Frame f : plan) {
      for (int j = f.next; j < f.links.size() && i < LOOKAHEAD; j++, i++) {
        at.putIfAbsent(f.links.get(j), i);
      }
    }
    return at;
  }

  /** Drops the blocks ahead, but {@code keep}, that are no longer planned (the walk skipped them). */
  private void discardUnplanned(Cid keep) {
    Map<Cid, Integer> at = positions();
    for (Iterator<Map.Entry<Cid, Ahead>> it = ahead.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Cid, Ahead> e = it.next();
      if (!e.getKey().equals(keep) && !at.containsKey(e.getKey())) {
        e.getValue().cancel();
        it.remove();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- the window

  /** A block requested ahead: its result, and its call while in flight. */
  private static final class Ahead {
    final CompletableFuture<Block> result = new CompletableFuture<>();
    private Call call;
    private boolean cancelled;

    synchronized void call(Call c) {
      call = c;
      if (cancelled) {
        c.cancel();
      }
    }

    synchronized void cancel() {
      cancelled = true;
      if (call != null) {
        call.cancel();
      }
    }

    /** @return the bytes it holds: its size once arrived, the largest block while in flight, 0 if it failed */
    long charge(int maxBlockSize) {
      if (!result.isDone()) {
        return maxBlockSize;
      }
      return result.isCompletedExceptionally() ? 0 : result.join().length();
    }
  }

  private Ahead start(Cid cid) {
    if (pool == null) {
      pool = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "carmint-fetch-raw");
        t.setDaemon(true);
        return t;
      });
      pool.allowCoreThreadTimeOut(true);
    }
    Ahead a = new Ahead();
    ahead.put(cid, a);
    pool.execute(() -> {
      try {
        a.result.complete(download(cid, a));
      } catch (IOException | RuntimeException | Error e) {
        a.result.completeExceptionally(e);
      }
    });
    return a;
  }

  private int inFlight() {
    int n = 0;
    for (Ahead a : ahead.values()) {
      n += a.result.isDone() ? 0 : 1;
    }
    return n;
  }

  private long charged() {
    long n = 0;
    for (Ahead a : ahead.values()) {
      n += a.charge(maxBlockSize);
    }
    return n;
  }

  /** Requests the first planned blocks not yet ahead, as far as the window, the memory bound and the limits allow. */
  private void refill() {
    int flying = inFlight();
    long charged = charged();
    long budget = (long) concurrency * maxBlockSize;
    int i = 0;
    for (Frame f : plan) {
      for (int j = f.next; j < f.links.size() && i < LOOKAHEAD; j++, i++) {
        if (flying >= concurrency || ahead.size() >= MAX_AHEAD_FACTOR * concurrency
            || charged + maxBlockSize > budget || blocks() + ahead.size() >= limits.maxBlocks()
            || bytes() + charged >= limits.maxBytes()) {
          return;
        }
        Cid c = f.links.get(j);
        if (!ahead.containsKey(c)) {
          start(c);
          flying++;
          charged += maxBlockSize;
        }
      }
    }
  }

  /**
   * Makes room for the block the walk asks for: waits for calls in flight to end while the window or the memory
   * bound is full, then, if blocks already arrived fill the memory bound alone, drops those planned last.
   */
  private void makeRoom() throws IOException {
    long budget = (long) concurrency * maxBlockSize;
    while (inFlight() >= concurrency || (inFlight() > 0 && charged() + maxBlockSize > budget)) {
      CompletableFuture<?>[] flying = ahead.values().stream().map(a -> a.result).filter(r -> !r.isDone())
          .toArray(CompletableFuture[]::new);
      if (flying.length == 0) {
        continue; // they ended since the count: anyOf() of nothing would never complete
      }
      try {
        CompletableFuture.anyOf(flying).get();
      } catch (ExecutionException e) {
        // a failure ahead is reported only if the walk asks for that block
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw job.stoppedException();
      }
      job.check();
    }
    if (charged() + maxBlockSize <= budget && ahead.size() < MAX_AHEAD_FACTOR * concurrency) {
      return;
    }
    Map<Cid, Integer> at = positions();
    List<Cid> latestFirst = new ArrayList<>(ahead.keySet());
    latestFirst.sort((x, y) -> Integer.compare(at.getOrDefault(y, Integer.MAX_VALUE),
        at.getOrDefault(x, Integer.MAX_VALUE)));
    for (Cid c : latestFirst) {
      if (charged() + maxBlockSize <= budget && ahead.size() < MAX_AHEAD_FACTOR * concurrency) {
        return;
      }
      ahead.remove(c).cancel();
    }
  }

  /** @return the block of {@code a}, once arrived; its failure if it failed */
  private Block await(Cid cid, Ahead a) throws IOException {
    try {
      return a.result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw job.stoppedException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("block " + cid, e.getCause());
    }
  }

  // ---------------------------------------------------------------------------------------------- one block

  /**
   * Requests and verifies one block, on the walk's thread or the pool's.
   *
   * @param a where to register the call so it can be cancelled alone, or null
   */
  private Block download(Cid cid, Ahead a) throws IOException {
    job.check();
    Request request = new Request.Builder().url(endpoint.raw(cid)).header("Accept", RAW)
        .header("User-Agent", Gateways.USER_AGENT).build();
    Call call = http.newCall(request);
    job.track(call);
    if (a != null) {
      a.call(call);
    }
    try (Response r = call.execute()) {
      int status = r.code();
      if (status == 404 || status == 410) {
        throw new GatewayException(gateway, cid, GatewayException.Reason.MISSING_BLOCK, "answered HTTP " + status
            + " for block " + cid + " (GET /ipfs/" + cid + "?format=raw)", null);
      }
      if (status < 200 || status > 299) {
        throw new GatewayException(gateway, cid, GatewayException.Reason.HTTP_STATUS, "answered HTTP " + status
            + " for block " + cid + " (GET /ipfs/" + cid + "?format=raw)", null);
      }
      byte[] bytes = readAtMost(r.body(), cid);
      if (!cid.matches(bytes, 0, bytes.length)) {
        throw new GatewayException(gateway, cid, GatewayException.Reason.CORRUPT_BLOCK, "sent " + fmt(bytes.length)
            + " bytes for block " + cid + " that do not hash to its CID (Content-Type "
            + r.header("Content-Type", "none") + ")", null);
      }
      return Block.wrap(cid, bytes);
    } catch (IOException e) {
      throw Failures.reading(gateway, job, readTimeout, cid, e);
    } catch (UnsupportedHashException e) {
      throw new GatewayException(gateway, cid, GatewayException.Reason.BAD_RESPONSE, "block " + cid
          + " cannot be verified: " + e.getMessage(), e);
    } finally {
      job.untrack(call);
    }
  }

  private byte[] readAtMost(ResponseBody body, Cid cid) throws IOException {
    try (InputStream in = body.byteStream()) {
      long declared = body.contentLength();
      if (declared >= 0 && declared <= maxBlockSize) {
        // the usual case: one array of the declared size, and a check that nothing follows
        byte[] bytes = new byte[(int) declared];
        int n = in.readNBytes(bytes, 0, bytes.length);
        if (n == declared && in.read() < 0) {
          return bytes;
        }
        throw new GatewayException(gateway, cid, GatewayException.Reason.TRUNCATED, "sent " + (n < declared
            ? "fewer" : "more") + " bytes than its Content-Length of " + fmt(declared) + " for block " + cid, null);
      }
      byte[] bytes = in.readNBytes(maxBlockSize + 1);
      if (bytes.length > maxBlockSize) {
        throw new GatewayException(gateway, cid, GatewayException.Reason.BAD_RESPONSE, "sent more than "
            + fmt(maxBlockSize) + " bytes (the block size limit) for block " + cid, null);
      }
      return bytes;
    }
  }
}

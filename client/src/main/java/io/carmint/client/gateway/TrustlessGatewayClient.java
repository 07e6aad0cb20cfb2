package io.carmint.client.gateway;

import io.carmint.car.CarReadOptions;
import io.carmint.car.CarReader;
import io.carmint.client.internal.AsyncWork;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.exporter.Exporter;
import io.carmint.unixfs.exporter.MissingBlockException;
import io.carmint.unixfs.unpack.Unpacker;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches content from IPFS trustless gateways and trusts none of them: every block is checked against its CID,
 * every block must be the one the walk of the DAG needs next, and the UnixFS structure (file sizes, HAMT shards) is
 * checked as it streams in. Output is written under a temporary name and appears only after the last check, so a
 * failed fetch leaves nothing.
 *
 * <pre>{@code
 * try (TrustlessGatewayClient client = TrustlessGatewayClient.builder()
 *     .gateway(URI.create("https://trustless-gateway.link"))   // tried in order; add fall-backs
 *     .build()) {
 *   FetchResult r = client.fetch(IpfsPath.parse("bafy.../docs/readme.txt"), Path.of("readme.txt"));
 *   System.out.println(r.blocks() + " blocks verified from " + r.gateway());
 * }
 * }</pre>
 *
 * <p><b>What is asked.</b> {@code GET {gateway}/ipfs/{cid}/{path}?format=car&dag-scope={scope}} with {@code Accept:
 * application/vnd.ipld.car; version=1; order=dfs; dups=y}: blocks in depth-first order, a block repeated each time
 * the DAG holds it. With that order every block is checked the moment it arrives and then dropped, so memory stays
 * a block plus one node per level of the DAG however large the content ({@code dups=n} would save the bytes of
 * repeated blocks but oblige the client to keep every block it might need again). A gateway that refuses that CAR
 * (HTTP 400, 404, 406, 415 or 501) or answers with something else (another media type, or a CAR whose
 * {@code Content-Type} does not confirm {@code order=dfs} and {@code dups=y}) is asked block by block instead
 * ({@code GET /ipfs/{cid}?format=raw}, {@code Accept: application/vnd.ipld.raw}), the same walk deciding which
 * block comes next; the links of each dag-pb block received are requested ahead, up to
 * {@link Builder#rawConcurrency} at once, and handed to the walk only when it asks for them.
 *
 * <p><b>Failures.</b> A gateway that answers with an error, breaks the connection, sends nothing for the read
 * timeout, or sends a corrupt, unexpected, missing or extra block fails with a {@link GatewayException}; the next
 * gateway is tried from scratch, and when all have failed a {@link FetchException} lists each one's reason. Once
 * blocks have verified, what they say is the content's own doing and no other gateway could say otherwise, so these
 * fail at once without trying others: a path that does not exist
 * ({@link io.carmint.unixfs.exporter.EntryNotFoundException}), malformed UnixFS
 * ({@link io.carmint.unixfs.UnixFsFormatException}), names or symlinks unsafe to write, limits
 * ({@link io.carmint.multiformats.LimitExceededException}, naming the builder setting to raise); so do failures to
 * write the output.
 *
 * <p><b>Cancellation.</b> {@link #fetchAsync} returns a future whose {@code cancel} closes the HTTP calls under way
 * (block by block, every block request in flight) at once; once {@code cancel} returned true nothing appears at the
 * output, and the fetching thread removes its temporary files as it stops. The blocking methods honour
 * {@link Thread#interrupt()} before every block and request; a read already waiting on a silent gateway then ends at
 * the read timeout. A {@link Builder#deadline} stops a fetch the same way when it has taken too long.
 *
 * <p>Supported: UnixFS (dag-pb and raw blocks: files, directories, HAMT-sharded directories, symlinks) along the
 * path and in the scope; scope {@link DagScope#BLOCK} also takes a final block of any codec. Not supported: IPNS
 * names, {@code entity-bytes} ranges, following symlinks in a path.
 *
 * <p>Immutable and thread-safe; fetches run independently. {@link #close()} releases idle connections of the
 * client's own connection pool.
 */
public final class TrustlessGatewayClient implements AutoCloseable {
  /** Default connect timeout: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default read timeout, the longest silence from a gateway before it counts as stalled: 30 s. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /**
   * Default largest block accepted: 4 MiB, twice the 2 MiB a block may have to travel over Bitswap, so any block a
   * gateway can get fits; the length is checked before anything is allocated.
   */
  public static final int DEFAULT_MAX_BLOCK_SIZE = 4 << 20;
  /** Default most blocks received in one fetch: 4,194,304 (2^22), as {@link Unpacker#DEFAULT_MAX_BLOCKS}. */
  public static final long DEFAULT_MAX_BLOCKS = Unpacker.DEFAULT_MAX_BLOCKS;
  /**
   * Default most bytes of blocks received in one fetch: 64 GiB, twice {@link Unpacker#DEFAULT_MAX_TOTAL_BYTES}, so
   * the default unpack limit, not this one, stops a large content.
   */
  public static final long DEFAULT_MAX_BYTES = 64L << 30;
  /**
   * Default most block requests in flight at once when asking block by block: 8. Over a local gateway 8 requests
   * fetched 1 GiB as fast as 16 did and well ahead of 4 (see the root README); beyond the
   * requests' latency it only adds memory ({@code rawConcurrency × maxBlockSize} at most, 32 MiB by default) and
   * connections to one host.
   */
  public static final int DEFAULT_RAW_CONCURRENCY = 8;
  /** Most {@link Builder#rawConcurrency}: 64. */
  public static final int MAX_RAW_CONCURRENCY = 64;

  static final String CAR_ACCEPT = "application/vnd.ipld.car; version=1; order=dfs; dups=y";
  /** Answers to a CAR request that mean "not this way": ask block by block. */
  private static final List<Integer> REFUSALS = List.of(400, 404, 406, 415, 501);

  private final List<Gateways.Endpoint> gateways;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Duration readTimeout;
  private final int maxBlockSize;
  private final BlockFeed.Limits limits;
  private final Unpacker unpacker;
  private final int maxDepth;
  private final Executor executor;
  private final CarReadOptions carOptions;
  private final Duration deadline;
  private final int rawConcurrency;

  private TrustlessGatewayClient(Builder b) {
    this.gateways = b.gateways.stream().map(Gateways.Endpoint::of).toList();
    OkHttpClient base = b.okHttpClient != null ? b.okHttpClient : new OkHttpClient();
    this.ownsHttp = b.okHttpClient == null;
    OkHttpClient.Builder hb = base.newBuilder()
        .connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(b.callTimeout.toMillis(), TimeUnit.MILLISECONDS);
    if (ownsHttp && b.rawConcurrency > 5) {
      // OkHttp keeps 5 idle connections by default: more requests in flight would reconnect on every block
      hb.connectionPool(new ConnectionPool(b.rawConcurrency, 5, TimeUnit.MINUTES));
    }
    this.http = hb.build();
    this.rawConcurrency = b.rawConcurrency;
    this.readTimeout = b.readTimeout;
    this.deadline = b.deadline;
    this.maxBlockSize = b.maxBlockSize;
    this.limits = new BlockFeed.Limits(b.maxBlocks, b.maxBytes);
    // The feeds verify every block. They serve each block once, in walk order, so the unpacker cannot count the
    // tree first; a gateway that repeats blocks (dups=y) must send every repeat, and maxBlocks/maxBytes bound that.
    this.unpacker = b.unpacker.toBuilder().verifyHashes(false).countFirst(false).build();
    this.maxDepth = b.maxDepth;
    this.executor = b.executor;
    // Section: a block and its CID (at most a few hundred bytes); header: a gateway's holds its roots only.
    this.carOptions = CarReadOptions.builder().maxSectionSize(maxBlockSize + 1024L).maxHeaderSize(1L << 20).build();
  }

  /** @return a builder; at least one {@link Builder#gateway gateway} is required */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the gateways, in the order they are tried */
  public List<URI> gateways() {
    return gateways.stream().map(Gateways.Endpoint::uri).toList();
  }

  /**
   * Fetches the content at {@code path} (scope {@link DagScope#ALL}) to {@code out}: a file's bytes, or a directory
   * tree written with {@link Unpacker}'s safety rules and limits (see {@link Builder#unpacker}). The content is
   * unpacked into a temporary directory beside {@code out} and moved to {@code out} after the last check.
   *
   * @param out where the content goes; must not exist (never replaced)
   * @param path the content path
   * @return what was fetched
   * @throws FetchException if every gateway failed (nothing is left at {@code out})
   * @throws io.carmint.unixfs.unpack.TargetNotEmptyException if {@code out} exists
   * @throws IOException as described in the class documentation: a path not found, malformed or unsafe content, a
   *     limit, a failure to write, or {@link java.io.InterruptedIOException} if interrupted
   */
  public FetchResult fetch(IpfsPath path, Path out) throws IOException {
    return fetch(FetchRequest.content(path, out));
  }

  /**
   * Fetches the verified blocks of {@code path} in {@code scope} into a CARv1 at {@code car}, whose root is the
   * path's root: the blocks that lead along the path, then those of the scope, in the order a trustless gateway
   * sends them (depth first, a block repeated each time the DAG holds it). Written to a temporary file beside
   * {@code car} and renamed over it after the last check, so an existing {@code car} stays as it was on failure.
   *
   * @param path the content path
   * @param scope which blocks beyond the path
   * @param car where the CAR goes
   * @return what was fetched, and from which gateway
   * @throws FetchException if every gateway failed
   * @throws IOException as {@link #fetch(IpfsPath, Path)}
   */
  public FetchResult fetchCar(IpfsPath path, DagScope scope, Path car) throws IOException {
    return fetch(FetchRequest.car(path, scope, car));
  }

  /**
   * Retrieves and verifies the blocks of {@code path} in {@code scope}, writing nothing: whether a gateway serves
   * the content complete and intact.
   *
   * @param path the content path
   * @param scope which blocks beyond the path
   * @return what was verified, and from which gateway
   * @throws FetchException if every gateway failed
   * @throws IOException as {@link #fetch(IpfsPath, Path)}
   */
  public FetchResult verify(IpfsPath path, DagScope scope) throws IOException {
    return fetch(FetchRequest.verify(path, scope));
  }

  /**
   * Runs {@code request} on the calling thread.
   *
   * @param request what to fetch, and where to
   * @return what was fetched, and from which gateway
   * @throws FetchException if every gateway failed
   * @throws IOException as {@link #fetch(IpfsPath, Path)}
   */
  public FetchResult fetch(FetchRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    return run(request, new Job(request.path().toString()));
  }

  /**
   * Runs {@code request} on the builder's {@link Builder#executor executor} (by default a new daemon thread). The
   * future's {@code cancel} (with or without interruption) stops the fetch: the HTTP calls under way are closed at
   * once, and once {@code cancel} has returned true nothing will appear at the output (it returns false if the
   * output was already in place). Futures derived from it ({@code thenApply}...) do not pass cancellation back.
   *
   * @param request what to fetch, and where to
   * @return a future completed with the result, or with the exceptions {@link #fetch(FetchRequest)} throws
   */
  public CompletableFuture<FetchResult> fetchAsync(FetchRequest request) {
    Objects.requireNonNull(request, "request");
    return AsyncWork.run(executor, new Job(request.path().toString()), job -> run(request, job));
  }

  private FetchResult run(FetchRequest request, Job job) throws IOException {
    if (deadline.isZero()) {
      return runOnce(request, job);
    }
    ScheduledFuture<?> timer = Deadlines.TIMER.schedule(() -> job.expire(deadline), deadline.toNanos(),
        TimeUnit.NANOSECONDS);
    try {
      return runOnce(request, job);
    } finally {
      timer.cancel(false);
    }
  }

  /** The thread that expires fetches past their {@link Builder#deadline}: one daemon thread, started when needed. */
  private static final class Deadlines {
    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "carmint-fetch-deadline");
      t.setDaemon(true);
      return t;
    });
  }

  private FetchResult runOnce(FetchRequest request, Job job) throws IOException {
    List<GatewayException> failures = new ArrayList<>();
    try (Output out = switch (request.target()) {
      case CONTENT -> Output.content(request.output());
      case CAR -> Output.car(request.output(), request.path().root());
      case NONE -> Output.none();
    }) {
      int attempt = 0;
      for (Gateways.Endpoint gateway : gateways) {
        job.check();
        out.begin(++attempt);
        try {
          return attempt(gateway, request, out, job, failures);
        } catch (GatewayException e) {
          failures.add(e);
          request.listener().onGatewayFailed(e);
        }
      }
    }
    throw new FetchException(request.path(), failures);
  }

  /** Asks one gateway: a CAR, or block by block if it will not serve that CAR. */
  private FetchResult attempt(Gateways.Endpoint gateway, FetchRequest request, Output out, Job job,
      List<GatewayException> failures) throws IOException {
    IpfsPath path = request.path();
    Request car = new Request.Builder().url(gateway.car(path, request.scope())).header("Accept", CAR_ACCEPT)
        .header("User-Agent", Gateways.USER_AGENT).build();
    Call call = http.newCall(car);
    job.track(call);
    BlockFeed feed;
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      job.untrack(call);
      throw Failures.reading(gateway.uri(), job, readTimeout, null, e);
    }
    try (Response r = response) {
      if (servesDfsCar(gateway, r, path)) {
        request.listener().onRequest(gateway.uri(), RetrievalMode.CAR);
        CarReader reader;
        try {
          reader = CarReader.open(r.body().byteStream(), carOptions);
        } catch (IOException e) {
          throw Failures.reading(gateway.uri(), job, readTimeout, path.root(), e);
        }
        // The header's roots are not checked: the trustless gateway spec leaves them unspecified.
        feed = new CarStreamFeed(gateway.uri(), job, limits, request.listener(), out.copy(), reader, readTimeout);
        return walk(feed, gateway, request, out, job, failures);
      }
    } finally {
      job.untrack(call);
    }
    request.listener().onRequest(gateway.uri(), RetrievalMode.RAW_BLOCKS);
    feed = new RawBlockFeed(gateway, job, limits, request.listener(), out.copy(), http, readTimeout, maxBlockSize,
        rawConcurrency);
    return walk(feed, gateway, request, out, job, failures);
  }

  /**
   * @return whether the answer is the CAR asked for; false if the gateway refused it in a way that means "ask block
   *     by block"
   * @throws GatewayException for another error status
   */
  private static boolean servesDfsCar(Gateways.Endpoint gateway, Response r, IpfsPath path) throws GatewayException {
    int status = r.code();
    if (REFUSALS.contains(status)) {
      return false;
    }
    if (status < 200 || status > 299) {
      throw new GatewayException(gateway.uri(), path.root(), GatewayException.Reason.HTTP_STATUS, "answered HTTP "
          + status + " for the CAR of " + path, null);
    }
    MediaType type = r.body().contentType();
    return type != null && type.type().equals("application") && type.subtype().equals("vnd.ipld.car")
        && "dfs".equalsIgnoreCase(type.parameter("order")) && "y".equalsIgnoreCase(type.parameter("dups"));
  }

  /** Walks the path and the scope over {@code feed}, writes the output, checks nothing is left, commits. */
  private FetchResult walk(BlockFeed feed, Gateways.Endpoint gateway, FetchRequest request, Output out, Job job,
      List<GatewayException> failures) throws IOException {
    Exporter exporter = Exporter.builder(feed).verifyHashes(false).build();
    IpfsPath path = request.path();
    Cid end;
    try {
      end = exporter.resolve(path.root(), path.path());
      if (request.target() == FetchRequest.Target.CONTENT) {
        unpacker.unpack(feed, end, out.staging());
      } else {
        new DagWalk(exporter, feed, maxDepth).run(end, request.scope());
      }
    } catch (MissingBlockException e) {
      throw new GatewayException(gateway.uri(), e.cid(), GatewayException.Reason.MISSING_BLOCK, "the answer ended "
          + "without a block the DAG needs: " + e.getMessage(), e);
    } finally {
      feed.close(); // the walk is over: nothing ahead is needed any more
    }
    feed.finish();
    Path written = out.commit(job);
    return new FetchResult(path, end, gateway.uri(), feed.mode(), feed.blocks(), feed.bytes(),
        Optional.ofNullable(written), failures);
  }

  /** Releases idle connections of the client's own connection pool (not of a shared {@code OkHttpClient}). */
  @Override
  public void close() {
    if (ownsHttp) {
      http.connectionPool().evictAll();
      http.dispatcher().executorService().shutdown();
    }
  }

  @Override
  public String toString() {
    return "TrustlessGatewayClient{gateways=" + gateways() + ", readTimeout=" + readTimeout + ", deadline="
        + deadline + ", maxBlockSize=" + maxBlockSize + ", rawConcurrency=" + rawConcurrency + "}";
  }

  /** Builds a {@link TrustlessGatewayClient}. Not thread-safe. */
  public static final class Builder {
    private final List<URI> gateways = new ArrayList<>();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration callTimeout = Duration.ZERO;
    private Duration deadline = Duration.ZERO;
    private int rawConcurrency = DEFAULT_RAW_CONCURRENCY;
    private int maxBlockSize = DEFAULT_MAX_BLOCK_SIZE;
    private long maxBlocks = DEFAULT_MAX_BLOCKS;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private Unpacker unpacker = Unpacker.of();
    private int maxDepth = Exporter.DEFAULT_MAX_DIRECTORY_DEPTH;
    private OkHttpClient okHttpClient;
    private Executor executor = r -> {
      Thread t = new Thread(r, "carmint-fetch");
      t.setDaemon(true);
      t.start();
    };

    private Builder() {
    }

    /**
     * Adds a gateway, tried after those added before.
     *
     * @param gateway its base URL, {@code http} or {@code https}, e.g. {@code https://trustless-gateway.link}; a
     *     path is kept ({@code https://host/api} asks {@code https://host/api/ipfs/...})
     * @throws IllegalArgumentException if it is not an http(s) URL, or carries credentials, a query or a fragment
     * @return this builder
     */
    public Builder gateway(URI gateway) {
      Gateways.Endpoint.of(gateway);
      gateways.add(gateway);
      return this;
    }

    /**
     * @param gateway the gateway's base URL
     * @return this builder
     * @see #gateway(URI)
     */
    public Builder gateway(String gateway) {
      return gateway(URI.create(Objects.requireNonNull(gateway, "gateway").strip()));
    }

    /**
     * @param timeout connect timeout (default 10 s; zero for none)
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = nonNegative(timeout, "connectTimeout");
      return this;
    }

    /**
     * @param timeout longest silence from a gateway, waiting for its answer or the next bytes of it, before it counts
     *     as stalled and the next gateway is tried (default 30 s; zero for none)
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = nonNegative(timeout, "readTimeout");
      return this;
    }

    /**
     * @param timeout deadline of one HTTP call: the whole CAR answer, or one block's (default none); a gateway past
     *     it counts as stalled
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = nonNegative(timeout, "callTimeout");
      return this;
    }

    /**
     * @param deadline time for a whole fetch, every gateway and fallback included (default none; zero for none).
     *     Past it the fetch stops as a cancelled one does (the call under way is closed, nothing appears at the
     *     output, temporary files are removed) and ends in a {@link io.carmint.client.DeadlineExceededException}
     *     naming this setting. Unlike the read timeout it also stops a gateway that keeps sending, slowly.
     * @return this builder
     */
    public Builder deadline(Duration deadline) {
      this.deadline = nonNegative(deadline, "deadline");
      return this;
    }

    /**
     * @param value most {@code ?format=raw} requests in flight at once when a gateway is asked block by block
     *     (default {@value #DEFAULT_RAW_CONCURRENCY}, 1 to {@value #MAX_RAW_CONCURRENCY}): the blocks the walk will
     *     need next are fetched ahead, each verified, and handed to it in its order; 1 asks one block at a time.
     *     Blocks ahead hold at most {@code value × maxBlockSize} bytes, and count towards {@link #maxBlocks} and
     *     {@link #maxBytes} while ahead
     * @throws IllegalArgumentException if out of range
     * @return this builder
     */
    public Builder rawConcurrency(int value) {
      if (value < 1 || value > MAX_RAW_CONCURRENCY) {
        throw new IllegalArgumentException("rawConcurrency must be 1.." + MAX_RAW_CONCURRENCY + ", got " + value);
      }
      this.rawConcurrency = value;
      return this;
    }

    /**
     * @param bytes largest block accepted (default {@value #DEFAULT_MAX_BLOCK_SIZE}), 1 KiB to 64 MiB
     * @throws IllegalArgumentException if out of range
     * @return this builder
     */
    public Builder maxBlockSize(int bytes) {
      if (bytes < 1024 || bytes > 64 << 20) {
        throw new IllegalArgumentException("maxBlockSize must be 1024.." + (64 << 20) + " bytes, got " + bytes);
      }
      this.maxBlockSize = bytes;
      return this;
    }

    /**
     * @param value most blocks received in one fetch, a block the DAG holds twice counting twice (default
     *     {@value #DEFAULT_MAX_BLOCKS})
     * @throws IllegalArgumentException if below 1
     * @return this builder
     */
    public Builder maxBlocks(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxBlocks must be at least 1, got " + value);
      }
      this.maxBlocks = value;
      return this;
    }

    /**
     * @param value most bytes of blocks received in one fetch (default {@value #DEFAULT_MAX_BYTES}, 64 GiB)
     * @throws IllegalArgumentException if negative
     * @return this builder
     */
    public Builder maxBytes(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxBytes must not be negative, got " + value);
      }
      this.maxBytes = value;
      return this;
    }

    /**
     * @param value deepest directory nesting below the end of the path that {@link #fetchCar} and {@link #verify}
     *     walk (default {@value Exporter#DEFAULT_MAX_DIRECTORY_DEPTH}); {@link #fetch(IpfsPath, Path)} keeps to the
     *     {@link #unpacker unpacker}'s
     * @throws IllegalArgumentException if below 0 or above {@value Exporter#DEFAULT_MAX_DIRECTORY_DEPTH}
     * @return this builder
     */
    public Builder maxDepth(int value) {
      if (value < 0 || value > Exporter.DEFAULT_MAX_DIRECTORY_DEPTH) {
        throw new IllegalArgumentException("maxDepth must be from 0 to " + Exporter.DEFAULT_MAX_DIRECTORY_DEPTH
            + ", got " + value);
      }
      this.maxDepth = value;
      return this;
    }

    /**
     * @param value how {@link #fetch(IpfsPath, Path)} writes content: its limits (entries, bytes, block reads,
     *     depth) and symlink policy (default {@link Unpacker#of()}); its hash setting is ignored, as every block is
     *     verified when received
     * @return this builder
     */
    public Builder unpacker(Unpacker value) {
      this.unpacker = Objects.requireNonNull(value, "unpacker");
      return this;
    }

    /**
     * @param client an OkHttp client to share connection pools with; timeouts set here override its own
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * @param value runs {@link #fetchAsync} (default: a new daemon thread per fetch)
     * @return this builder
     */
    public Builder executor(Executor value) {
      this.executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /**
     * @return the client
     * @throws IllegalStateException if no gateway was given
     */
    public TrustlessGatewayClient build() {
      if (gateways.isEmpty()) {
        throw new IllegalStateException("At least one gateway is required: Builder.gateway(URI)");
      }
      return new TrustlessGatewayClient(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
      return d;
    }
  }
}

package io.carmint.testkit;

import io.carmint.car.NftStorageLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An embedded NFT.Storage-compatible service with real behaviour, for tests and local development: the API's five
 * operations ({@code POST /upload}, {@code GET /{cid}}, {@code GET /check/{cid}}, {@code GET /?before=&limit=},
 * {@code DELETE /{cid}}) and a Trustless Gateway ({@code GET}/{@code HEAD /ipfs/{cid}[/{path}]}) over HTTP on the
 * loopback interface.
 *
 * <pre>{@code
 * try (LocalNftStorage service = LocalNftStorage.builder().token("secret").build().start()) {
 *   URI endpoint = service.endpoint();   // http://127.0.0.1:<port>/
 *   // point an NftStorageClient (or any HTTP client) at endpoint, with the token "secret"
 * }
 * }</pre>
 *
 * <p>What it does, as the real service did:
 *
 * <ul>
 *   <li>Bearer tokens from the configuration; {@code /check} and the gateway need none. Paths work with or without a
 *       trailing slash and under {@code /api}.
 *   <li>Uploads as a CAR ({@code application/car}, CARv1 or CARv2), a blob, or {@code multipart/form-data} files
 *       (blobs and files are packed here with the nft.storage UnixFS settings). Every CAR is verified: exactly one
 *       root, the root block present, every block's hash, blocks of at most 2 MiB, and the request at most
 *       {@value #DEFAULT_MAX_REQUEST_BYTES} bytes (else 413); beyond the real service, every dag-pb and dag-cbor
 *       block must decode, and multipart files must not clash (else 400).
 *   <li>The pieces of a split upload accumulate under their root; the pin is {@code pinning} until every block
 *       reachable from the root has arrived, then {@code pinned}; {@code failed}, with an {@code error}, when a
 *       block of the DAG is found damaged in storage, until an upload brings a sound copy of that block (the same
 *       CAR sent again, or any CAR holding it): the stored copy is replaced and the pin is {@code pinned} again.
 *       An upload also checks the stored copy (its hash) of each block it brings that is already held, so it
 *       repairs damage not yet found too. The state is worked out as blocks arrive: status, check and list read
 *       no block.
 *   <li>Errors in the API's JSON shape; lists newest first with the {@code Count} header; {@code before} inclusive.
 *   <li>The blocks of every upload are served by a
 *       <a href="https://specs.ipfs.tech/http-gateways/trustless-gateway/">Trustless Gateway</a> under
 *       {@code /ipfs/}: raw blocks ({@code application/vnd.ipld.raw}) and CAR streams ({@code
 *       application/vnd.ipld.car}) with paths, {@code dag-scope}, {@code entity-bytes}, {@code order=dfs} and
 *       {@code dups}.
 * </ul>
 *
 * <p>Differences: refusals of a CAR are 400 {@code ERROR_INVALID_CAR} (the real service answered some with 500);
 * there are no deals, no UCANs, no pinning API and no rate limit.
 *
 * <p>Facing a network: the HTTP server is Jetty, which reads requests without holding a thread while it waits for
 * bytes. Each connection has an {@linkplain Builder#idleTimeout idle timeout} and a {@linkplain
 * Builder#headerTimeout deadline for its request head}; request bodies are read asynchronously and must keep
 * {@linkplain Builder#minBodyRate a minimum rate}; each client address may hold at most {@linkplain
 * Builder#maxConnectionsPerAddress a number of connections}. Slow or silent clients therefore cannot take the
 * threads that answer others.
 *
 * <p>Storage is in memory, or in a {@linkplain Builder#dataDirectory(Path) data directory} where an acknowledged
 * upload survives {@code kill -9} and a crash mid-upload leaves nothing half-stored. Stored blocks are hash-checked
 * when read; a file of the data directory that cannot be read at start is set aside in {@code quarantine/} with a
 * {@linkplain Builder#warnings warning}; {@link #checkData(Path)} checks a whole data directory. No answer carries a
 * server path or a stack trace.
 *
 * <p>In JUnit 5 tests, {@link io.carmint.testkit.junit.LocalNftStorageExtension} starts and stops it around the
 * tests; the service itself does not need JUnit. Thread-safe.
 */
public final class LocalNftStorage implements AutoCloseable {
  /** Largest request body: 100 MB, NFT.Storage's limit per request ({@link NftStorageLimits#MAX_REQUEST_SIZE}). */
  public static final long DEFAULT_MAX_REQUEST_BYTES = NftStorageLimits.MAX_REQUEST_SIZE;
  /** Largest block: 2 MiB, NFT.Storage's {@code MAX_BLOCK_SIZE} ({@link NftStorageLimits#MAX_BLOCK_SIZE}). */
  public static final long DEFAULT_MAX_BLOCK_SIZE = NftStorageLimits.MAX_BLOCK_SIZE;
  /** Default name ({@code scope}) of a token. */
  public static final String DEFAULT_SCOPE = "default";
  /** Requests handled at once by default: 8. */
  public static final int DEFAULT_THREADS = 8;
  /**
   * A connection on which no byte arrives, and no byte of the answer is taken, for 30 s is closed (Jetty's default
   * idle timeout): a stalled body or a client that stops reading an answer.
   */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  /**
   * A request line and headers must be complete within 20 s of the connection opening or of its previous answer
   * (nginx allows 60 s; a local service's clients send their few hundred bytes at once). A connection quiet that
   * long between two requests is closed too, like an idle keep-alive connection.
   */
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(20);
  /**
   * A request body must arrive at 1,024 bytes per second or faster on average, checked once its first idle
   * timeout has passed: a body dribbled a byte at a time is refused with 408 however often its bytes come.
   */
  public static final long DEFAULT_MIN_BODY_RATE = 1024;
  /**
   * Connections one client address may hold at once: 64; more are closed as they open. Generous for browsers (6
   * per host), HTTP clients' pools and verified-fetch's parallel block requests.
   */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 64;

  private final int requestedPort;
  private final InetAddress bindAddress;
  private final Map<String, String> tokens;
  private final Path dataDirectory;
  private final long maxRequestBytes;
  private final long maxBlockSize;
  private final int threads;
  private final Clock clock;
  private final Duration idleTimeout;
  private final Duration headerTimeout;
  private final long minBodyRate;
  private final int maxConnectionsPerAddress;
  private final LongSupplier ticker;
  private final Consumer<String> warnings;
  private final UnaryOperator<Storage> decorator;

  private Server server;
  private ServerConnector connector;
  private Storage storage;

  private LocalNftStorage(Builder b) {
    this.requestedPort = b.port;
    this.bindAddress = b.bindAddress;
    this.tokens = Map.copyOf(b.tokens);
    this.dataDirectory = b.dataDirectory;
    this.maxRequestBytes = b.maxRequestBytes;
    this.maxBlockSize = b.maxBlockSize;
    this.threads = b.threads;
    this.clock = b.clock;
    this.idleTimeout = b.idleTimeout;
    this.headerTimeout = b.headerTimeout;
    this.minBodyRate = b.minBodyRate;
    this.maxConnectionsPerAddress = b.maxConnectionsPerAddress;
    this.ticker = b.ticker;
    this.warnings = b.warnings;
    this.decorator = b.decorator;
  }

  /** @return a builder: port 0 (any free port), loopback, in memory, no tokens */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts serving. With a data directory, what it holds is loaded first (a CAR or record that cannot be read is
   * moved to {@code quarantine/}, with a warning), the DAG of every upload is walked once (its interior blocks
   * read) to know its pin status, and scratch files of an interrupted run are removed.
   *
   * @return this
   * @throws IllegalStateException if already started
   * @throws IOException if the port cannot be bound or the data directory read
   */
  public synchronized LocalNftStorage start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started on port " + port());
    }
    Storage s = decorator.apply(dataDirectory == null ? new MemoryStorage() : DiskStorage.open(dataDirectory, warnings));
    Server jetty = null;
    try {
      Map<String, Account> accounts = new LinkedHashMap<>();
      tokens.forEach((token, scope) -> accounts.put(token, Account.of(token, scope)));
      Service service = new Service(s, clock, maxBlockSize, warnings);
      // Threads answer requests only: waiting for a request's head or body holds none (Jetty reads without
      // blocking), so `threads` bounds the work done at once. Jetty's acceptor and selector take two more, and
      // its budget check wants a few spare.
      QueuedThreadPool pool = new QueuedThreadPool(threads + 6, 2);
      pool.setName("local-nft-storage");
      pool.setDaemon(true);
      jetty = new Server(pool);
      HttpConfiguration http = new HttpConfiguration();
      http.setSendServerVersion(false);
      // Paths are decoded segment by segment by the handlers and never mapped to files, so percent-encoded
      // slashes, percent signs and dot segments (all legal in UnixFS names) are passed through as sent.
      http.setUriCompliance(UriCompliance.UNSAFE);
      ServerConnector c = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
      c.setHost(bindAddress.getHostAddress());
      c.setPort(requestedPort);
      c.setIdleTimeout(idleTimeout.toMillis());
      ConnectionGuard guard = new ConnectionGuard(maxConnectionsPerAddress, headerTimeout, jetty.getScheduler());
      c.addBean(guard);
      jetty.addConnector(c);
      BodyLimits limits = new BodyLimits(maxRequestBytes, minBodyRate, idleTimeout, ticker);
      jetty.setErrorHandler(new ErrorAnswers());
      jetty.setHandler(new ApiHandler(service, accounts, limits, new Packer(), clock, guard));
      jetty.start();
      server = jetty;
      connector = c;
      storage = s;
      return this;
    } catch (IOException | RuntimeException e) {
      stopQuietly(jetty);
      s.close();
      throw e;
    } catch (Exception e) {
      // Jetty's lifecycle declares Exception; binding failures arrive as IOException above
      stopQuietly(jetty);
      s.close();
      throw new IOException("Cannot start the HTTP server: " + e.getMessage(), e);
    }
  }

  /**
   * Checks a {@linkplain Builder#dataDirectory data directory} without serving it or changing anything in it: reads
   * every CAR whole (every block's hash and decoding, and the CAR's bytes against the CAR CID that names its file),
   * every upload record, and each upload's DAG, and lists what is damaged or unreadable, and the files set aside in
   * {@code quarantine/} at earlier starts. Safe while a service runs on the directory (it reads only); reads the
   * whole store, so it takes as long as hashing it.
   *
   * <pre>{@code
   * DataCheck check = LocalNftStorage.checkData(data);
   * check.problems().forEach(System.out::println);   // empty when the store is sound
   * }</pre>
   *
   * @param dataDirectory the directory to check
   * @return what was found
   * @throws java.nio.file.NoSuchFileException if {@code dataDirectory} has no {@code cars/} or {@code records/}
   * @throws IOException if reading fails (damage is reported in the result, not thrown)
   */
  public static DataCheck checkData(Path dataDirectory) throws IOException {
    return DataChecker.check(Objects.requireNonNull(dataDirectory, "dataDirectory"));
  }

  private static void log(String warning) {
    System.getLogger(LocalNftStorage.class.getName()).log(System.Logger.Level.WARNING, warning);
  }

  private static void stopQuietly(Server jetty) {
    if (jetty == null) {
      return;
    }
    try {
      jetty.stop();
    } catch (Exception e) {
      // already failing to start; the first failure is the one reported
    }
  }

  /** Stops serving and releases the storage (an in-memory one is lost). No-op if not started. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot stop the HTTP server: " + e.getMessage(), e);
    } finally {
      try {
        storage.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        server = null;
        connector = null;
        storage = null;
      }
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** @return whether the service is serving */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /**
   * @return the port served
   * @throws IllegalStateException if not started
   */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return connector.getLocalPort();
  }

  /**
   * @return the base URL, {@code http://<address>:<port>/}
   * @throws IllegalStateException if not started
   */
  public synchronized URI endpoint() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    String host = bindAddress.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
  }

  /** @return the address and settings; never the tokens */
  @Override
  public synchronized String toString() {
    return "LocalNftStorage{" + (server == null ? "stopped" : endpoint()) + ", tokens=" + tokens.size()
        + ", storage=" + (dataDirectory == null ? "memory" : dataDirectory) + "}";
  }

  /** Builds a {@link LocalNftStorage}. Not thread-safe. */
  public static final class Builder {
    private int port;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private Path dataDirectory;
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private long maxBlockSize = DEFAULT_MAX_BLOCK_SIZE;
    private int threads = DEFAULT_THREADS;
    private Clock clock = Clock.systemUTC();
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
    private long minBodyRate = DEFAULT_MIN_BODY_RATE;
    private int maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
    private LongSupplier ticker = System::nanoTime;
    private Consumer<String> warnings = LocalNftStorage::log;
    private UnaryOperator<Storage> decorator = UnaryOperator.identity();

    private Builder() {
    }

    /**
     * @param port the TCP port, 0 for any free one (default)
     * @throws IllegalArgumentException if outside 0..65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * @param address where to listen (default the loopback address; anything else exposes the service)
     * @return this builder
     */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Accepts {@code token} as a Bearer token, with scope {@value LocalNftStorage#DEFAULT_SCOPE}.
     *
     * @param token the Bearer token
     * @return this builder
     */
    public Builder token(String token) {
      return token(token, DEFAULT_SCOPE);
    }

    /**
     * Accepts {@code token} as a Bearer token of an account of its own, reported with {@code scope}.
     *
     * @param token the Bearer token
     * @param scope the account's scope, as {@code GET /} reports it
     * @return this builder
     * @throws IllegalArgumentException if the token is blank or holds whitespace
     */
    public Builder token(String token, String scope) {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(scope, "scope");
      if (token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("a token must be non-blank without whitespace");
      }
      tokens.put(token, scope);
      return this;
    }

    /**
     * @param dir where to keep uploads durably (created if needed); default none: in memory
     * @return this builder
     */
    public Builder dataDirectory(Path dir) {
      this.dataDirectory = dir;
      return this;
    }

    /**
     * @param bytes largest request body (default {@value LocalNftStorage#DEFAULT_MAX_REQUEST_BYTES})
     * @throws IllegalArgumentException if not positive
     * @return this builder
     */
    public Builder maxRequestBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxRequestBytes must be positive, got " + bytes);
      }
      this.maxRequestBytes = bytes;
      return this;
    }

    /**
     * @param bytes largest block accepted (default 2 MiB)
     * @throws IllegalArgumentException if not positive
     * @return this builder
     */
    public Builder maxBlockSize(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBlockSize must be positive, got " + bytes);
      }
      this.maxBlockSize = bytes;
      return this;
    }

    /**
     * @param threads requests handled at once (default {@value LocalNftStorage#DEFAULT_THREADS}); clients waiting
     *     for their turn, or still sending a request, hold none
     * @throws IllegalArgumentException if below 1
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * @param clock the clock for {@code created} times (default UTC system clock; {@link SettableClock} in tests)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @param timeout how long a connection may pass without a byte arriving or a byte of its answer being taken
     *     before it is closed (default 30 s, {@link LocalNftStorage#DEFAULT_IDLE_TIMEOUT})
     * @throws IllegalArgumentException if not positive
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive(timeout, "idleTimeout");
      return this;
    }

    /**
     * @param timeout how long a client may take to send a request line and headers, counted from the connection
     *     opening or from its previous answer (default 20 s, {@link LocalNftStorage#DEFAULT_HEADER_TIMEOUT}); a
     *     connection that has not sent a whole request head by then is closed
     * @throws IllegalArgumentException if not positive
     * @return this builder
     */
    public Builder headerTimeout(Duration timeout) {
      this.headerTimeout = positive(timeout, "headerTimeout");
      return this;
    }

    /**
     * @param bytesPerSecond the slowest average rate at which a request body is accepted once its first idle
     *     timeout has passed (default {@value LocalNftStorage#DEFAULT_MIN_BODY_RATE}); a slower one is answered
     *     408 and its connection closed; 0 turns the check off (the idle timeout still applies)
     * @throws IllegalArgumentException if negative
     * @return this builder
     */
    public Builder minBodyRate(long bytesPerSecond) {
      if (bytesPerSecond < 0) {
        throw new IllegalArgumentException("minBodyRate must not be negative, got " + bytesPerSecond);
      }
      this.minBodyRate = bytesPerSecond;
      return this;
    }

    /**
     * @param max connections one client address may hold at once (default {@value
     *     LocalNftStorage#DEFAULT_MAX_CONNECTIONS_PER_ADDRESS}); a connection beyond it is closed as it opens
     * @throws IllegalArgumentException if below 1
     * @return this builder
     */
    public Builder maxConnectionsPerAddress(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConnectionsPerAddress must be at least 1, got " + max);
      }
      this.maxConnectionsPerAddress = max;
      return this;
    }

    /**
     * @param listener receives the service's warnings, one line each, with no stack trace: a file of the data
     *     directory set aside at start because it cannot be read, and a stored block found damaged while serving.
     *     Default: logged through {@link System.Logger} at {@code WARNING}. Called on the thread that found the
     *     problem; it must not block.
     * @return this builder
     */
    public Builder warnings(Consumer<String> listener) {
      this.warnings = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Wraps the storage the service uses (tests count or disturb its reads). */
    Builder storage(UnaryOperator<Storage> decorator) {
      this.decorator = Objects.requireNonNull(decorator, "decorator");
      return this;
    }

    /** The monotonic clock, in nanoseconds, that times request bodies (tests set it by hand). */
    Builder ticker(LongSupplier nanoTime) {
      this.ticker = Objects.requireNonNull(nanoTime, "nanoTime");
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }

    /** @return the service, not yet started */
    public LocalNftStorage build() {
      return new LocalNftStorage(this);
    }
  }
}

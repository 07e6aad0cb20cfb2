package io.carmint.testkit;

import com.sun.net.httpserver.HttpServer;
import io.carmint.car.NftStorageLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded NFT.Storage-compatible service with real behaviour, for tests and local development: the API's five
 * operations ({@code POST /upload}, {@code GET /{cid}}, {@code GET /check/{cid}}, {@code GET /?before=&limit=},
 * {@code DELETE /{cid}}) over HTTP on the loopback interface.
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
 *   <li>Bearer tokens from the configuration; {@code /check} needs none. Paths work with or without a trailing
 *       slash and under {@code /api}.
 *   <li>Uploads as a CAR ({@code application/car}, CARv1 or CARv2), a blob, or {@code multipart/form-data} files
 *       (blobs and files are packed here with the nft.storage UnixFS settings). Every CAR is verified: exactly one
 *       root, the root block present, every block's hash, blocks of at most 2 MiB, and the request at most
 *       {@value #DEFAULT_MAX_REQUEST_BYTES} bytes (else 413).
 *   <li>The pieces of a split upload accumulate under their root; the pin is {@code pinning} until every block
 *       reachable from the root has arrived, then {@code pinned}.
 *   <li>Errors in the API's JSON shape; lists newest first with the {@code Count} header; {@code before} inclusive.
 * </ul>
 *
 * <p>Differences: refusals of a CAR are 400 {@code ERROR_INVALID_CAR} (the real service answered some with 500);
 * there are no deals, no UCANs, no pinning API and no rate limit.
 *
 * <p>Storage is in memory, or in a {@linkplain Builder#dataDirectory(Path) data directory} where an acknowledged
 * upload survives {@code kill -9} and a crash mid-upload leaves nothing half-stored.
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

  static {
    // The JDK server writes headers and body in two segments; with Nagle's algorithm the body then waits for the
    // client's delayed ACK (40 ms per request on Linux). The property is read once, when the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final int requestedPort;
  private final InetAddress bindAddress;
  private final Map<String, String> tokens;
  private final Path dataDirectory;
  private final long maxRequestBytes;
  private final long maxBlockSize;
  private final int threads;
  private final Clock clock;

  private HttpServer server;
  private ExecutorService executor;
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
  }

  /** @return a builder: port 0 (any free port), loopback, in memory, no tokens */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts serving. With a data directory, what it holds is loaded first and scratch files of an interrupted
   * run are removed.
   *
   * @return this
   * @throws IllegalStateException if already started
   * @throws IOException if the port cannot be bound or the data directory read
   */
  public synchronized LocalNftStorage start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started on port " + port());
    }
    Storage s = dataDirectory == null ? new MemoryStorage() : new DiskStorage(dataDirectory);
    try {
      Map<String, Account> accounts = new LinkedHashMap<>();
      tokens.forEach((token, scope) -> accounts.put(token, Account.of(token, scope)));
      Service service = new Service(s, clock, maxBlockSize);
      HttpServer http = HttpServer.create(new InetSocketAddress(bindAddress, requestedPort), 64);
      AtomicInteger n = new AtomicInteger();
      ThreadFactory daemons = r -> {
        Thread t = new Thread(r, "local-nft-storage-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
      executor = Executors.newFixedThreadPool(threads, daemons);
      http.setExecutor(executor);
      http.createContext("/", new ApiHandler(service, accounts, maxRequestBytes, new Packer(), clock));
      http.start();
      server = http;
      storage = s;
      return this;
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** Stops serving and releases the storage (an in-memory one is lost). No-op if not started. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      storage.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      server = null;
      executor = null;
      storage = null;
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
    return server.getAddress().getPort();
  }

  /**
   * @return the base URL, {@code http://<address>:<port>/}
   * @throws IllegalStateException if not started
   */
  public synchronized URI endpoint() {
    InetSocketAddress a = server == null ? null : server.getAddress();
    if (a == null) {
      throw new IllegalStateException("not started");
    }
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + "/");
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
    private int threads = 8;
    private Clock clock = Clock.systemUTC();

    private Builder() {
    }

    /**
     * @param port the TCP port, 0 for any free one (default)
     * @throws IllegalArgumentException if outside 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** @param address where to listen (default the loopback address; anything else exposes the service) */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Accepts {@code token} as a Bearer token, with scope {@value LocalNftStorage#DEFAULT_SCOPE}. */
    public Builder token(String token) {
      return token(token, DEFAULT_SCOPE);
    }

    /**
     * Accepts {@code token} as a Bearer token of an account of its own, reported with {@code scope}.
     *
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

    /** @param dir where to keep uploads durably (created if needed); default none: in memory */
    public Builder dataDirectory(Path dir) {
      this.dataDirectory = dir;
      return this;
    }

    /**
     * @param bytes largest request body (default {@value LocalNftStorage#DEFAULT_MAX_REQUEST_BYTES})
     * @throws IllegalArgumentException if not positive
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
     */
    public Builder maxBlockSize(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBlockSize must be positive, got " + bytes);
      }
      this.maxBlockSize = bytes;
      return this;
    }

    /**
     * @param threads requests served at once (default 8)
     * @throws IllegalArgumentException if below 1
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** @param clock the clock for {@code created} times (default UTC system clock; {@link SettableClock} in tests) */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @return the service, not yet started */
    public LocalNftStorage build() {
      return new LocalNftStorage(this);
    }
  }
}

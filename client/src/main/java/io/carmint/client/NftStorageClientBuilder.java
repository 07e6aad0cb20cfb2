package io.carmint.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds an {@link NftStorageClient}: {@code NftStorageClient.builder().endpoint(...).token(...).build()}. Every
 * setting but the endpoint has a default, named by a constant here. Not thread-safe.
 */
public final class NftStorageClientBuilder {
  /** Default connect timeout: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default read timeout (longest silence while waiting for an answer): 5 minutes, as a large CAR is checked. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);
  /** Default write timeout (longest stall while sending): 2 minutes. */
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofMinutes(2);
  /**
   * Default call timeout: 60 s for one attempt, request sent and whole answer read; an upload's attempt gets the time
   * to send its body at {@link #DEFAULT_MIN_UPLOAD_SPEED} on top. A status, check, list or delete answer is small:
   * a server taking longer is stalled, or dribbling bytes to hold the client.
   */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  /**
   * Default deadline: 5 minutes for one request with all its retries and the waits between them (an upload's: plus
   * the time to send its body at {@link #DEFAULT_MIN_UPLOAD_SPEED}), so that a failing service ends a command in
   * minutes, not the half hour six attempts of a stalled answer took.
   */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);
  /**
   * Default slowest upload speed given time for: 64 KiB/s (about 0.5 Mbit/s); a 50 MiB piece is given 13 min 20 s
   * to be sent, on top of the call timeout and the deadline.
   */
  public static final long DEFAULT_MIN_UPLOAD_SPEED = 64 * 1024;
  /** Default number of CAR pieces uploaded at once: 3, as the JS client. */
  public static final int DEFAULT_CONCURRENCY = io.carmint.car.NftStorageLimits.UPLOAD_CONCURRENCY;
  /** Default largest CAR piece of a split upload: 50 MiB, as the JS client ({@code MAX_CHUNK_SIZE}, which
   * names pieces, not UnixFS chunks). */
  public static final long DEFAULT_MAX_PIECE_SIZE = io.carmint.car.NftStorageLimits.DEFAULT_PIECE_SIZE;
  /** Largest allowed piece: 100 MB, the service's limit per request (pieces count header and framing too). */
  public static final long MAX_PIECE_SIZE = io.carmint.car.NftStorageLimits.MAX_PIECE_SIZE;
  /** Smallest allowed piece: 1 KiB. */
  public static final long MIN_PIECE_SIZE = 1024;
  /** Largest successful response body read: 64 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
  /** Most pieces of a split upload sent at once. */
  private static final int MAX_CONCURRENCY = 16;

  // Read by the client's constructor.
  HttpUrl endpoint;
  String token;
  Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
  Duration readTimeout = DEFAULT_READ_TIMEOUT;
  Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
  Duration callTimeout = DEFAULT_CALL_TIMEOUT;
  Duration deadline = DEFAULT_DEADLINE;
  long minUploadSpeed = DEFAULT_MIN_UPLOAD_SPEED;
  RetryPolicy retryPolicy = RetryPolicy.defaults();
  RateLimiter rateLimiter;
  TimeSource timeSource = TimeSource.SYSTEM;
  int concurrency = DEFAULT_CONCURRENCY;
  long maxPieceSize = DEFAULT_MAX_PIECE_SIZE;
  long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
  OkHttpClient okHttpClient;
  Path tempDirectory = Path.of(System.getProperty("java.io.tmpdir"));
  Executor executor = AsyncUploads::newUploadThread;

  NftStorageClientBuilder() {
  }

  /**
   * @param endpoint the service's base URL, {@code http} or {@code https}, for example
   *     {@code http://127.0.0.1:8787}; a path is kept ({@code https://host/api})
   * @throws IllegalArgumentException if it is not an http(s) URL
   * @return this builder
   */
  public NftStorageClientBuilder endpoint(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    HttpUrl url = HttpUrl.parse(endpoint.toString());
    if (url == null) {
      throw new IllegalArgumentException("Endpoint must be an http:// or https:// URL, got " + endpoint);
    }
    if (url.username().length() > 0 || url.password().length() > 0 || url.query() != null) {
      throw new IllegalArgumentException("Endpoint must not carry credentials or a query: give the token with"
          + " token(...)");
    }
    this.endpoint = url;
    return this;
  }

  /**
   * @param endpoint the service's base URL
   * @return this builder
   * @see #endpoint(URI)
   */
  public NftStorageClientBuilder endpoint(String endpoint) {
    return endpoint(URI.create(Objects.requireNonNull(endpoint, "endpoint").strip()));
  }

  /**
   * @param token the API token sent as {@code Authorization: Bearer}; null for a client that only calls
   *     {@link NftStorageClient#check} (other calls then get 401)
   * @throws IllegalArgumentException if it is blank or holds characters not allowed in a header
   * @return this builder
   */
  public NftStorageClientBuilder token(String token) {
    if (token != null) {
      token = token.strip();
      if (token.isEmpty()) {
        throw new IllegalArgumentException("token must not be blank");
      }
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (c < 0x21 || c > 0x7e) {
          throw new IllegalArgumentException("token holds a character not allowed in an HTTP header at index "
              + i);
        }
      }
    }
    this.token = token;
    return this;
  }

  /**
   * @param timeout connect timeout (default 10 s; zero for none)
   * @return this builder
   */
  public NftStorageClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = nonNegative(timeout, "connectTimeout");
    return this;
  }

  /**
   * @param timeout longest silence while reading an answer (default 5 minutes; zero for none)
   * @return this builder
   */
  public NftStorageClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = nonNegative(timeout, "readTimeout");
    return this;
  }

  /**
   * @param timeout longest stall while sending (default 2 minutes; zero for none)
   * @return this builder
   */
  public NftStorageClientBuilder writeTimeout(Duration timeout) {
    this.writeTimeout = nonNegative(timeout, "writeTimeout");
    return this;
  }

  /**
   * @param timeout limit on one attempt of a request, from sending it to the end of the answer (default 60 s,
   *     {@link #DEFAULT_CALL_TIMEOUT}; zero for none); an upload's attempt gets the time to send its body at
   *     {@link #minUploadSpeed} on top. An attempt that runs out of time is retried like a network failure; the
   *     last one ends in a {@link DeadlineExceededException} naming this setting.
   * @return this builder
   */
  public NftStorageClientBuilder callTimeout(Duration timeout) {
    this.callTimeout = nonNegative(timeout, "callTimeout");
    return this;
  }

  /**
   * @param deadline limit on one request with all its retries and the waits between them (default 5 minutes,
   *     {@link #DEFAULT_DEADLINE}; zero for none); an upload's (one piece, blob or set of files) gets the time to
   *     send its body at {@link #minUploadSpeed} on top. Past it, the request ends in a
   *     {@link DeadlineExceededException} naming this setting, with the last failure as its cause.
   * @return this builder
   */
  public NftStorageClientBuilder deadline(Duration deadline) {
    this.deadline = nonNegative(deadline, "deadline");
    return this;
  }

  /**
   * @param bytesPerSecond the slowest sending speed an upload is given time for, added to its call timeout and
   *     deadline (default 64 KiB/s, {@link #DEFAULT_MIN_UPLOAD_SPEED})
   * @throws IllegalArgumentException if not positive
   * @return this builder
   */
  public NftStorageClientBuilder minUploadSpeed(long bytesPerSecond) {
    if (bytesPerSecond < 1) {
      throw new IllegalArgumentException("minUploadSpeed must be positive, got " + bytesPerSecond);
    }
    this.minUploadSpeed = bytesPerSecond;
    return this;
  }

  /**
   * @param policy retries (default {@link RetryPolicy#defaults()})
   * @return this builder
   */
  public NftStorageClientBuilder retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * @param limiter the limiter every attempt passes (default: a new one of 30 per 10 s on the
   *     {@link #timeSource}); share one between clients of the same token
   * @return this builder
   */
  public NftStorageClientBuilder rateLimiter(RateLimiter limiter) {
    this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
    return this;
  }

  /**
   * @param time the clock and sleep for retries and the default rate limiter (default the system's)
   * @return this builder
   */
  public NftStorageClientBuilder timeSource(TimeSource time) {
    this.timeSource = Objects.requireNonNull(time, "time");
    return this;
  }

  /**
   * @param concurrency pieces of a split upload sent at once, 1 to 16 (default {@value #DEFAULT_CONCURRENCY})
   * @throws IllegalArgumentException if out of range
   * @return this builder
   */
  public NftStorageClientBuilder concurrency(int concurrency) {
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException("concurrency must be 1.." + MAX_CONCURRENCY + ", got " + concurrency);
    }
    this.concurrency = concurrency;
    return this;
  }

  /**
   * @param bytes largest CAR piece of a split upload, header and framing included (default 50 MiB, from
   *     {@link #MIN_PIECE_SIZE} to {@link #MAX_PIECE_SIZE})
   * @throws IllegalArgumentException if out of range
   * @return this builder
   */
  public NftStorageClientBuilder maxPieceSize(long bytes) {
    if (bytes < MIN_PIECE_SIZE || bytes > MAX_PIECE_SIZE) {
      throw new IllegalArgumentException("maxPieceSize must be " + MIN_PIECE_SIZE + ".." + MAX_PIECE_SIZE
          + " bytes, got " + bytes);
    }
    this.maxPieceSize = bytes;
    return this;
  }

  /**
   * @param bytes largest successful answer body read (default 64 MiB)
   * @throws IllegalArgumentException if not positive
   * @return this builder
   */
  public NftStorageClientBuilder maxResponseBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be positive, got " + bytes);
    }
    this.maxResponseBytes = bytes;
    return this;
  }

  /**
   * @param dir where split pieces and packed CARs are written while uploading (default {@code java.io.tmpdir})
   * @return this builder
   */
  public NftStorageClientBuilder tempDirectory(Path dir) {
    this.tempDirectory = Objects.requireNonNull(dir, "dir");
    return this;
  }

  /**
   * @param client an OkHttp client to share connection pools with; timeouts set here override its own
   * @return this builder
   */
  public NftStorageClientBuilder okHttpClient(OkHttpClient client) {
    this.okHttpClient = Objects.requireNonNull(client, "client");
    return this;
  }

  /**
   * @param value runs {@link NftStorageClient#storeCarAsync}, {@link NftStorageClient#uploadAsync} and
   *     {@link NftStorageClient#storeNftAsync} (default: a new
   *     daemon thread per upload; each upload's pieces are sent on threads of its own either way)
   * @return this builder
   */
  public NftStorageClientBuilder executor(Executor value) {
    this.executor = Objects.requireNonNull(value, "executor");
    return this;
  }

  /**
   * @return the client
   * @throws IllegalStateException if no endpoint was given
   */
  public NftStorageClient build() {
    if (endpoint == null) {
      throw new IllegalStateException("An endpoint is required: NFT.Storage-compatible services live at "
          + "different addresses (set it with NftStorageClientBuilder.endpoint)");
    }
    return new NftStorageClient(this);
  }

  private static Duration nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + d);
    }
    return d;
  }
}

package io.carmint.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends one API request with the rate limit, retries and error mapping; the only place that touches the token.
 * Thread-safe.
 */
final class Transport {
  private static final System.Logger LOG = System.getLogger(NftStorageClient.class.getName());
  private static final String REDACTED = "<redacted>";
  private static final String USER_AGENT = "carmint";
  /** Bytes of an error answer kept for its message. */
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final OkHttpClient http;
  private final String token;
  private final RetryPolicy retry;
  private final RateLimiter limiter;
  private final TimeSource time;
  private final long maxResponseBytes;

  Transport(OkHttpClient http, String token, RetryPolicy retry, RateLimiter limiter, TimeSource time,
      long maxResponseBytes) {
    this.http = http;
    this.token = token;
    this.retry = retry;
    this.limiter = limiter;
    this.time = time;
    this.maxResponseBytes = maxResponseBytes;
  }

  /** A successful answer: its status, headers and (bounded) body. */
  record Reply(int status, String request, Headers headers, byte[] body) {
  }

  /** Makes the body of one attempt, registering its file-backed parts with {@code parts}. */
  @FunctionalInterface
  interface BodyFactory {
    RequestBody newBody(LocalParts parts);
  }

  /**
   * What to send; {@code body} is null for requests without a body. {@code cancelled} is asked before every attempt
   * and retry: once true, the request stops with an {@link InterruptedIOException}.
   */
  record Spec(String method, HttpUrl url, boolean authenticated, BodyFactory body, BooleanSupplier cancelled) {
    Spec {
      Objects.requireNonNull(method);
      Objects.requireNonNull(url);
      cancelled = cancelled == null ? () -> false : cancelled;
    }

    Spec(String method, HttpUrl url, boolean authenticated, BodyFactory body) {
      this(method, url, authenticated, body, null);
    }

    String describe() {
      return method + " " + url.encodedPath();
    }
  }

  /** The file-backed parts of one attempt's body, to tell failures to read a file from network failures. */
  static final class LocalParts {
    private final List<FileRequestBody> parts = new ArrayList<>();

    FileRequestBody add(FileRequestBody part) {
      parts.add(part);
      return part;
    }

    IOException failure() {
      for (FileRequestBody p : parts) {
        if (p.localFailure() != null) {
          return p.localFailure();
        }
      }
      return null;
    }
  }

  /**
   * Sends the request until it succeeds, fails for good, or the retries run out.
   *
   * @return the 2xx answer
   * @throws ApiException (a subclass) for an error answer
   * @throws IOException the last network failure when retries ran out (earlier ones suppressed), or a failure to
   *     read a local file (never retried)
   */
  Reply send(Spec spec) throws IOException {
    String what = spec.describe();
    List<IOException> earlier = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      checkCancelled(spec);
      acquirePermit();
      checkCancelled(spec);
      Request.Builder rb = new Request.Builder().url(spec.url());
      if (spec.authenticated() && token != null) {
        rb.header("Authorization", "Bearer " + token);
      }
      rb.header("User-Agent", USER_AGENT);
      LocalParts parts = new LocalParts();
      rb.method(spec.method(), spec.body() == null ? null : spec.body().newBody(parts));

      int status;
      Headers headers;
      byte[] bytes;
      try (Response response = http.newCall(rb.build()).execute()) {
        status = response.code();
        headers = response.headers();
        bytes = readAtMost(response.body(), isSuccess(status) ? maxResponseBytes : MAX_ERROR_BODY);
      } catch (IOException e) {
        IOException local = parts.failure();
        if (local != null) {
          throw local;
        }
        if (Thread.currentThread().isInterrupted() || spec.cancelled().getAsBoolean() || !isRetryable(e)
            || attempt > retry.maxRetries()) {
          earlier.forEach(e::addSuppressed);
          throw e;
        }
        earlier.add(e);
        pause(what, attempt, null, e.getClass().getSimpleName() + ": " + redact(e.getMessage()));
        continue;
      }
      if (isSuccess(status)) {
        if (bytes.length > maxResponseBytes) {
          throw new MalformedResponseException(status, what, "body larger than " + maxResponseBytes + " bytes");
        }
        return new Reply(status, what, headers, bytes);
      }
      int len = Math.min(bytes.length, MAX_ERROR_BODY);
      ErrorReply reply = ErrorReply.read(status, what, redact(new String(bytes, 0, len, StandardCharsets.UTF_8)),
          headers.get("Content-Type"), headers.get("Retry-After"), time.now());
      boolean retryable = status == 429 || (status >= 500 && status < 600);
      if (!retryable || attempt > retry.maxRetries()
          || (reply.retryAfter() != null && reply.retryAfter().compareTo(retry.maxRetryAfter()) > 0)) {
        throw reply.toException(attempt);
      }
      pause(what, attempt, reply.retryAfter(), "HTTP " + status);
    }
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  private static void checkCancelled(Spec spec) throws InterruptedIOException {
    if (spec.cancelled().getAsBoolean()) {
      throw new InterruptedIOException(spec.describe() + " cancelled: another part of the upload failed");
    }
  }

  private void acquirePermit() throws InterruptedIOException {
    try {
      limiter.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted("waiting for the rate limiter");
    }
  }

  private void pause(String what, int attempt, Duration retryAfter, String cause) throws InterruptedIOException {
    Duration delay = retry.delayBefore(attempt, retryAfter);
    LOG.log(System.Logger.Level.INFO, () -> String.format("%s failed (%s); retry %d of %d in %d ms", what, cause,
        attempt, retry.maxRetries(), delay.toMillis()));
    try {
      time.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted("waiting to retry " + what);
    }
  }

  private static InterruptedIOException interrupted(String doing) {
    return new InterruptedIOException("Interrupted while " + doing);
  }

  /** Network failures worth repeating: not a host that does not resolve, not a certificate that does not match. */
  private static boolean isRetryable(IOException e) {
    return !(e instanceof UnknownHostException) && !(e instanceof SSLPeerUnverifiedException);
  }

  /** @return at most {@code limit + 1} bytes of the body, so that the caller can tell it was longer */
  private static byte[] readAtMost(ResponseBody body, long limit) throws IOException {
    try (InputStream in = body.byteStream()) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    }
  }

  /** @return {@code text} with every occurrence of the token replaced */
  String redact(String text) {
    if (text == null || token == null || token.isEmpty()) {
      return text;
    }
    return text.replace(token, REDACTED);
  }
}

package io.carmint.client;

import io.carmint.client.internal.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
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
  /** How OkHttp's message starts when a request was redirected more than 20 times. */
  private static final String TOO_MANY_FOLLOW_UPS = "Too many follow-up requests";
  /** Bytes of an error answer kept for its message. */
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final OkHttpClient http;
  private final String token;
  private final RetryPolicy retry;
  private final RateLimiter limiter;
  private final TimeSource time;
  private final long maxResponseBytes;
  private final Timeouts timeouts;

  Transport(OkHttpClient http, String token, RetryPolicy retry, RateLimiter limiter, TimeSource time,
      long maxResponseBytes, Timeouts timeouts) {
    this.http = http;
    this.token = token;
    this.retry = retry;
    this.limiter = limiter;
    this.time = time;
    this.maxResponseBytes = maxResponseBytes;
    this.timeouts = timeouts;
  }

  /**
   * How long requests may take; zero durations mean no limit.
   *
   * @param call one attempt, request sent and answer read
   * @param deadline one request with all its attempts and the waits between them
   * @param minUploadSpeed bytes per second a request body is given time to be sent at, on top of both
   */
  record Timeouts(Duration call, Duration deadline, long minUploadSpeed) {
    static final String CALL = "NftStorageClientBuilder.callTimeout";
    static final String DEADLINE = "NftStorageClientBuilder.deadline";
    static final String SPEED = "NftStorageClientBuilder.minUploadSpeed";

    /** @return the time to send {@code bodyBytes} at the minimum speed */
    Duration sending(long bodyBytes) {
      return bodyBytes <= 0 ? Duration.ZERO : Duration.ofMillis(Math.max(1, bodyBytes / minUploadSpeed * 1000
          + bodyBytes % minUploadSpeed * 1000 / minUploadSpeed));
    }
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
   * Whether a request is to stop, and where its HTTP calls are registered so that a canceller can close them. Asked
   * before every attempt and retry: once cancelled, the request stops with an {@link InterruptedIOException}.
   */
  interface Cancellation {
    /** Never cancelled. */
    Cancellation NONE = () -> false;

    /** @return whether the request is to stop */
    boolean isCancelled();

    /** @return why it stopped, for the exception's message */
    default String why() {
      return "cancelled";
    }

    /** Registers an attempt's call before it is executed; one registered after cancellation is cancelled at once. */
    default void track(Call call) {
    }

    /** Forgets an attempt's call once its answer was read or it failed. */
    default void untrack(Call call) {
    }
  }

  /**
   * What to send; {@code body} is null for requests without a body. {@code cancellation} is asked before every
   * attempt and retry, and holds the call under way.
   */
  record Spec(String method, HttpUrl url, boolean authenticated, BodyFactory body, Cancellation cancellation) {
    Spec {
      Objects.requireNonNull(method);
      Objects.requireNonNull(url);
      cancellation = cancellation == null ? Cancellation.NONE : cancellation;
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
   * Sends a request without a large body: {@code send(spec, 0)}.
   *
   * @throws IOException as {@link #send(Spec, long)}
   */
  Reply send(Spec spec) throws IOException {
    return send(spec, 0);
  }

  /**
   * Sends the request until it succeeds, fails for good, the retries run out or its deadline passes.
   *
   * @param bodyBytes the size of the request body, which the call timeout and the deadline leave time to send
   * @return the 2xx answer
   * @throws ApiException (a subclass) for an error answer
   * @throws DeadlineExceededException when the deadline passed, or the last attempt timed out
   * @throws IOException the last network failure when retries ran out (earlier ones suppressed), or a failure to
   *     read a local file (never retried)
   */
  Reply send(Spec spec, long bodyBytes) throws IOException {
    String what = spec.describe();
    List<IOException> earlier = new ArrayList<>();
    Clock clock = new Clock(what, bodyBytes);
    for (int attempt = 1; ; attempt++) {
      checkCancelled(spec);
      clock.checkDeadline(attempt - 1, earlier);
      acquirePermit();
      checkCancelled(spec);
      clock.checkDeadline(attempt - 1, earlier);
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
      Call call = http.newCall(RedirectLoops.track(rb));
      boolean deadlineFirst = clock.limit(call);
      spec.cancellation().track(call);
      try (Response response = call.execute()) {
        status = response.code();
        headers = response.headers();
        bytes = readAtMost(response.body(), isSuccess(status) ? maxResponseBytes : MAX_ERROR_BODY);
      } catch (IOException failure) {
        checkCancelled(spec); // a cancelled request ends here, whatever the call's failure
        IOException local = parts.failure();
        if (local != null) {
          throw local;
        }
        IOException e = failure;
        if (call.isCanceled()) { // not cancelled by the request's owner: the call timeout ended the attempt
          if (deadlineFirst) {
            throw clock.deadlinePassed(attempt, e, earlier);
          }
          e = clock.callTimedOut(e);
        }
        if (Thread.currentThread().isInterrupted() || !isRetryable(e)
            || attempt > retry.maxRetries()) {
          earlier.forEach(e::addSuppressed);
          throw e;
        }
        earlier.add(e);
        pause(clock, attempt, null, e.getClass().getSimpleName() + ": " + redact(e.getMessage()), e, earlier);
        continue;
      } finally {
        spec.cancellation().untrack(call);
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
      pause(clock, attempt, reply.retryAfter(), "HTTP " + status, reply.toException(attempt), earlier);
    }
  }

  /** The time limits of one request: when it started, and what its attempts and the whole may take. */
  private final class Clock {
    private final String what;
    private final long bodyBytes;
    private final long start = time.nanoTime();
    private final Duration call;
    private final Duration deadline;

    Clock(String what, long bodyBytes) {
      this.what = what;
      this.bodyBytes = bodyBytes;
      Duration sending = timeouts.sending(bodyBytes);
      this.call = timeouts.call().isZero() ? Duration.ZERO : timeouts.call().plus(sending);
      this.deadline = timeouts.deadline().isZero() ? Duration.ZERO : timeouts.deadline().plus(sending);
    }

    /** @return the time left before the deadline (a very long one when there is none) */
    private Duration left() {
      return deadline.isZero() ? ChronoUnit.FOREVER.getDuration()
          : deadline.minusNanos(time.nanoTime() - start);
    }

    /**
     * Sets {@code c}'s timeout: the call timeout, or the time left before the deadline if that is shorter.
     *
     * @return whether the deadline is the shorter
     */
    boolean limit(Call c) {
      Duration left = left();
      boolean deadlineFirst = call.isZero() || left.compareTo(call) < 0;
      Duration t = deadlineFirst ? left : call;
      if (!deadline.isZero() || !call.isZero()) {
        c.timeout().timeout(Math.max(1, t.toNanos()), TimeUnit.NANOSECONDS);
      }
      return deadlineFirst && !deadline.isZero();
    }

    /** @throws DeadlineExceededException if the deadline has passed, after {@code attempts} attempts */
    void checkDeadline(int attempts, List<IOException> earlier) throws DeadlineExceededException {
      if (!deadline.isZero() && left().compareTo(Duration.ZERO) <= 0) {
        throw deadlinePassed(attempts, earlier.isEmpty() ? null : earlier.get(earlier.size() - 1), earlier);
      }
    }

    /** @return whether waiting {@code delay} would pass the deadline */
    boolean wouldPass(Duration delay) {
      return !deadline.isZero() && delay.compareTo(left()) >= 0;
    }

    DeadlineExceededException deadlinePassed(int attempts, IOException last, List<IOException> earlier) {
      DeadlineExceededException e = new DeadlineExceededException(what + ": gave up after " + attempts
          + " attempt(s): the deadline of " + describe(deadline, timeouts.deadline()) + " for the request, retries "
          + "included, passed (" + Timeouts.DEADLINE + ")" + (last == null ? "" : "; the last failure: "
          + redact(last.getMessage())), Timeouts.DEADLINE, deadline, last);
      earlier.stream().filter(x -> x != last).forEach(e::addSuppressed);
      return e;
    }

    DeadlineExceededException callTimedOut(IOException cause) {
      return new DeadlineExceededException(what + ": no complete answer within the call timeout of "
          + describe(call, timeouts.call()) + " (" + Timeouts.CALL + ")", Timeouts.CALL, call, cause);
    }

    /** The limit, and the share of it given to send the body. */
    private String describe(Duration total, Duration setting) {
      return Durations.format(total) + (total.equals(setting) ? "" : ", " + Durations.format(setting) + " plus "
          + Durations.format(total.minus(setting)) + " to send "
          + String.format(java.util.Locale.ROOT, "%,d", bodyBytes)
          + " bytes at " + Timeouts.SPEED);
    }
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  private static void checkCancelled(Spec spec) throws InterruptedIOException {
    if (spec.cancellation().isCancelled()) {
      throw new InterruptedIOException(spec.describe() + " cancelled: " + spec.cancellation().why());
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

  /**
   * Waits before retry number {@code attempt}, unless the wait would pass the deadline.
   *
   * @param failure the failure retried, the last one if the deadline ends the request
   * @throws DeadlineExceededException if the wait would pass the deadline
   */
  private void pause(Clock clock, int attempt, Duration retryAfter, String cause, IOException failure,
      List<IOException> earlier) throws InterruptedIOException {
    String what = clock.what;
    Duration delay = retry.delayBefore(attempt, retryAfter);
    if (clock.wouldPass(delay)) {
      throw clock.deadlinePassed(attempt, failure, earlier);
    }
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

  /**
   * Network failures worth repeating: not a host that does not resolve, not a certificate that does not match, not
   * a redirect loop (ours, or OkHttp's "too many follow-up requests"): those would fail the same way again.
   */
  private static boolean isRetryable(IOException e) {
    return !(e instanceof UnknownHostException) && !(e instanceof SSLPeerUnverifiedException)
        && !(e instanceof RedirectLoopException) && !(e instanceof ProtocolException
        && String.valueOf(e.getMessage()).startsWith(TOO_MANY_FOLLOW_UPS));
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

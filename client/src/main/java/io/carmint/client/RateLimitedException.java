package io.carmint.client;

import java.time.Duration;
import java.util.Optional;

/**
 * 429 Too Many Requests, still answered after the retries, or with a {@code Retry-After} longer than the
 * {@link RetryPolicy#maxRetryAfter() policy} accepts. NFT.Storage allows 30 requests per 10 s per token; lower the
 * concurrency, share one {@link RateLimiter} between clients of the same token, or try again after
 * {@link #retryAfter()}.
 */
public final class RateLimitedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** What {@link #retryAfter()} returns. */
  private final Duration retryAfter;
  /** What {@link #attempts()} returns. */
  private final int attempts;

  RateLimitedException(ErrorReply reply, int attempts) {
    super(reply.withDetail(attempts + (attempts == 1 ? " attempt" : " attempts")
        + (reply.retryAfter() == null ? "" : ", Retry-After " + reply.retryAfter().toSeconds() + " s")));
    this.retryAfter = reply.retryAfter();
    this.attempts = attempts;
  }

  /** @return how long the service asked to wait, if it said */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** @return how many times the request was sent */
  public int attempts() {
    return attempts;
  }
}

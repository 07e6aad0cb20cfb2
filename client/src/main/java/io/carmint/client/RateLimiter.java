package io.carmint.client;

import io.carmint.car.NftStorageLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * A client-side limit of at most {@code permits} requests in any sliding window of {@code period}. The NFT.Storage
 * service answers 429 to "more than 30 requests with the same API token within a ten second window", so the
 * {@linkplain #forNftStorage() default} is 30 per 10 s; share one limiter between clients that use the same token.
 *
 * <p>Each {@link #acquire()} reserves the earliest slot that keeps every window of {@code period} at or below
 * {@code permits}, then waits for it. Unlike the JS client's fixed windows, a sliding window never lets 60 requests
 * through around a window boundary.
 *
 * <p>Thread-safe; waiting happens outside the lock, and slots are handed out in call order.
 */
public final class RateLimiter {
  /** NFT.Storage: {@value io.carmint.car.NftStorageLimits#RATE_LIMIT_REQUESTS} requests… */
  public static final int DEFAULT_PERMITS = NftStorageLimits.RATE_LIMIT_REQUESTS;
  /** …per 10 seconds, per token ({@link NftStorageLimits#RATE_LIMIT_PERIOD}). */
  public static final Duration DEFAULT_PERIOD = NftStorageLimits.RATE_LIMIT_PERIOD;

  private static final RateLimiter UNLIMITED = new RateLimiter(0, Duration.ZERO, TimeSource.SYSTEM);

  private final int permits;
  private final Duration period;
  private final long periodNanos;
  private final TimeSource time;
  /** Times (nanoTime) of the last {@code permits} grants, oldest at {@code next}; unused slots are empty. */
  private final long[] grants;
  private final boolean[] used;
  private int next;

  private RateLimiter(int permits, Duration period, TimeSource time) {
    this.permits = permits;
    this.period = period;
    this.periodNanos = period.toNanos();
    this.time = time;
    this.grants = new long[permits];
    this.used = new boolean[permits];
  }

  /** @return a limiter of {@value #DEFAULT_PERMITS} requests per 10 s on the system clock */
  public static RateLimiter forNftStorage() {
    return of(DEFAULT_PERMITS, DEFAULT_PERIOD, TimeSource.SYSTEM);
  }

  /**
   * @param permits requests allowed in any window, at least 1
   * @param period the window, positive
   * @param time the clock to measure windows with and to sleep on
   * @return the limiter
   * @throws IllegalArgumentException if {@code permits < 1} or {@code period} is not positive
   */
  public static RateLimiter of(int permits, Duration period, TimeSource time) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be at least 1, got " + permits);
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, got " + period);
    }
    return new RateLimiter(permits, period, Objects.requireNonNull(time, "time"));
  }

  /** @return a limiter that never waits */
  public static RateLimiter unlimited() {
    return UNLIMITED;
  }

  /**
   * Waits until one more request may start.
   *
   * @return how long this call waited (zero if it did not)
   * @throws InterruptedException if interrupted while waiting; the reserved slot is then lost, which only makes
   *     the limiter stricter
   */
  public Duration acquire() throws InterruptedException {
    if (permits == 0) {
      return Duration.ZERO;
    }
    long wait;
    synchronized (this) {
      long now = time.nanoTime();
      long at = used[next] ? Math.max(now, grants[next] + periodNanos) : now;
      grants[next] = at;
      used[next] = true;
      next = (next + 1) % permits;
      wait = at - now;
    }
    Duration d = Duration.ofNanos(wait);
    if (wait > 0) {
      time.sleep(d);
    }
    return d;
  }

  /** @return requests allowed per window (0 for {@link #unlimited()}) */
  public int permits() {
    return permits;
  }

  /** @return the window length */
  public Duration period() {
    return period;
  }

  @Override
  public String toString() {
    return permits == 0 ? "RateLimiter{unlimited}" : "RateLimiter{" + permits + " per " + period + "}";
  }
}

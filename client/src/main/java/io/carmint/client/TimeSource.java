package io.carmint.client;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock and the sleep used by {@link RetryPolicy retries} and the {@link RateLimiter}: injectable so that tests
 * can advance time instead of waiting. {@link #SYSTEM} is the real one.
 *
 * <p>Implementations must be thread-safe: the client calls them from its upload threads.
 */
public interface TimeSource {
  /** The JVM's clocks and {@link Thread#sleep}. */
  TimeSource SYSTEM = new TimeSource() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
      }
    }

    @Override
    public String toString() {
      return "TimeSource.SYSTEM";
    }
  };

  /** @return a monotonic time in nanoseconds, as {@link System#nanoTime()}; only differences are meaningful */
  long nanoTime();

  /** @return the wall-clock time, used to read {@code Retry-After} HTTP dates */
  Instant now();

  /**
   * Waits for {@code duration} (nothing for zero or negative durations).
   *
   * @param duration how long to wait
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}

package io.carmint.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final FakeTime time = new FakeTime();

  @Test
  void thirtyRequestsPassThenTheThirtyFirstWaitsForTheWindow() throws InterruptedException {
    RateLimiter limiter = RateLimiter.of(30, Duration.ofSeconds(10), time);
    for (int i = 0; i < 30; i++) {
      assertEquals(Duration.ZERO, limiter.acquire(), "request " + (i + 1));
    }
    assertEquals(Duration.ofSeconds(10), limiter.acquire());
    assertEquals(List.of(Duration.ofSeconds(10)), time.sleeps());
  }

  @Test
  void windowSlides() throws InterruptedException {
    RateLimiter limiter = RateLimiter.of(3, Duration.ofSeconds(10), time);
    limiter.acquire(); // t=0
    time.advance(Duration.ofSeconds(4));
    limiter.acquire(); // t=4
    limiter.acquire(); // t=4
    time.advance(Duration.ofSeconds(2)); // t=6: the first grant leaves the window at t=10
    assertEquals(Duration.ofSeconds(4), limiter.acquire());
    // now t=10; the next slot frees when the t=4 grants are 10 s old, at t=14
    assertEquals(Duration.ofSeconds(4), limiter.acquire());
    assertEquals(Duration.ZERO, limiter.acquire());
  }

  @Test
  void noWindowEverHoldsMoreThanThePermits() throws InterruptedException {
    RateLimiter limiter = RateLimiter.of(5, Duration.ofSeconds(1), time);
    long[] starts = new long[200];
    for (int i = 0; i < starts.length; i++) {
      if (i % 7 == 0) {
        time.advance(Duration.ofMillis(130));
      }
      limiter.acquire();
      starts[i] = time.nanoTime();
    }
    for (int i = 5; i < starts.length; i++) {
      long gap = starts[i] - starts[i - 5];
      assertEquals(true, gap >= 1_000_000_000L, "requests " + (i - 5) + " and " + i + " are " + gap + " ns apart");
    }
  }

  @Test
  void unlimitedNeverWaits() throws InterruptedException {
    RateLimiter limiter = RateLimiter.unlimited();
    for (int i = 0; i < 1000; i++) {
      assertEquals(Duration.ZERO, limiter.acquire());
    }
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> RateLimiter.of(0, Duration.ofSeconds(1), time));
    assertThrows(IllegalArgumentException.class, () -> RateLimiter.of(1, Duration.ZERO, time));
  }
}

package io.carmint.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void defaultsDoubleFromOneSecondLikeTheJsClient() {
    // p-retry in nft.storage 7.2.0: 1 s, 2 s, 4 s, 8 s, 16 s (no jitter)
    RetryPolicy p = RetryPolicy.builder().jitter(0).build();
    assertEquals(5, p.maxRetries());
    assertEquals(Duration.ofSeconds(1), p.delayBefore(1, null));
    assertEquals(Duration.ofSeconds(2), p.delayBefore(2, null));
    assertEquals(Duration.ofSeconds(4), p.delayBefore(3, null));
    assertEquals(Duration.ofSeconds(8), p.delayBefore(4, null));
    assertEquals(Duration.ofSeconds(16), p.delayBefore(5, null));
    assertEquals(Duration.ofSeconds(30), p.delayBefore(6, null), "capped by maxDelay");
  }

  @Test
  void jitterTakesOffAtMostItsFraction() {
    RetryPolicy low = RetryPolicy.builder().random(() -> 0.0).build();
    RetryPolicy high = RetryPolicy.builder().random(() -> 0.999999).build();
    assertEquals(Duration.ofSeconds(4), low.delayBefore(3, null));
    Duration d = high.delayBefore(3, null);
    assertEquals(2000, d.toMillis(), 1, "4 s minus just under half");
  }

  @Test
  void retryAfterIsAFloor() {
    RetryPolicy p = RetryPolicy.builder().jitter(0).build();
    assertEquals(Duration.ofSeconds(30), p.delayBefore(1, Duration.ofSeconds(30)));
    assertEquals(Duration.ofSeconds(8), p.delayBefore(4, Duration.ofSeconds(3)));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxRetries(-1));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().multiplier(0.5));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().jitter(1.5));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(-1)));
  }
}

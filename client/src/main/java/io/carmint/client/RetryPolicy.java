package io.carmint.client;

import io.carmint.car.NftStorageLimits;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before repeating a failed request. Network errors (connection refused or reset,
 * timeouts), 5xx answers and 429 are retried; other 4xx answers never are (the request itself is wrong, and
 * repeating it cannot help). Every request the client makes is safe to repeat: uploads are content-addressed, so a
 * piece stored twice is stored once.
 *
 * <p>The wait before retry {@code n} (1-based) is {@code min(maxDelay, initialDelay × multiplier^(n-1))}, reduced
 * by a random fraction of at most {@code jitter} so that parallel uploads do not retry in lockstep. When the service
 * sends {@code Retry-After}, the client waits at least that long; if it asks for more than
 * {@code maxRetryAfter}, the client gives up at once with a {@link RateLimitedException} or
 * {@link ServerErrorException} instead of blocking.
 *
 * <p>Defaults mirror the nft.storage JS client (5 retries, 1 s doubling): {@value #DEFAULT_MAX_RETRIES} retries,
 * 1 s initial delay, ×2, at most 30 s per wait, jitter 0.5, {@code Retry-After} honoured up to 2 minutes.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder().maxRetries(8).maxDelay(Duration.ofMinutes(1)).build();
 * }</pre>
 */
public final class RetryPolicy {
  /** Retries after the first attempt: 5, as {@code MAX_STORE_RETRIES} in the JS client. */
  public static final int DEFAULT_MAX_RETRIES = NftStorageLimits.MAX_RETRIES;
  /** Wait before the first retry: 1 s. */
  public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);
  /** Growth of the wait per retry: 2. */
  public static final double DEFAULT_MULTIPLIER = 2.0;
  /** Upper bound of a computed wait: 30 s. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);
  /** Largest random fraction taken off a wait: 0.5. */
  public static final double DEFAULT_JITTER = 0.5;
  /** Longest {@code Retry-After} the client agrees to wait: 2 minutes (NFT.Storage sent 28–35 s). */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(2);

  private static final RetryPolicy NONE = builder().maxRetries(0).build();

  private final int maxRetries;
  private final Duration initialDelay;
  private final double multiplier;
  private final Duration maxDelay;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final DoubleSupplier random;

  private RetryPolicy(Builder b) {
    this.maxRetries = b.maxRetries;
    this.initialDelay = b.initialDelay;
    this.multiplier = b.multiplier;
    this.maxDelay = b.maxDelay;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
    this.random = b.random;
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the default policy */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** @return a policy that never retries */
  public static RetryPolicy none() {
    return NONE;
  }

  /** @return a builder holding this policy's settings */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxRetries = maxRetries;
    b.initialDelay = initialDelay;
    b.multiplier = multiplier;
    b.maxDelay = maxDelay;
    b.jitter = jitter;
    b.maxRetryAfter = maxRetryAfter;
    b.random = random;
    return b;
  }

  /** @return retries allowed after the first attempt */
  public int maxRetries() {
    return maxRetries;
  }

  /** @return the longest {@code Retry-After} the client waits for */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * @param retry the retry about to happen, 1-based
   * @param retryAfter what the service asked for, or {@code null}
   * @return how long to wait before it
   */
  Duration delayBefore(int retry, Duration retryAfter) {
    double base = initialDelay.toNanos() * Math.pow(multiplier, retry - 1);
    double capped = Math.min(base, maxDelay.toNanos());
    double r = random.getAsDouble();
    if (!(r >= 0 && r < 1)) {
      r = 0;
    }
    Duration backoff = Duration.ofNanos((long) (capped * (1 - jitter * r)));
    if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
      return retryAfter;
    }
    return backoff;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", initialDelay=" + initialDelay + ", multiplier=" + multiplier
        + ", maxDelay=" + maxDelay + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter + "}";
  }

  /** Builds a {@link RetryPolicy}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialDelay = DEFAULT_INITIAL_DELAY;
    private double multiplier = DEFAULT_MULTIPLIER;
    private Duration maxDelay = DEFAULT_MAX_DELAY;
    private double jitter = DEFAULT_JITTER;
    private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {
    }

    /**
     * @param maxRetries retries after the first attempt, 0 or more (default {@value #DEFAULT_MAX_RETRIES})
     * @throws IllegalArgumentException if negative
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * @param initialDelay wait before the first retry (default 1 s)
     * @throws IllegalArgumentException if negative
     * @return this builder
     */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = nonNegative(initialDelay, "initialDelay");
      return this;
    }

    /**
     * @param multiplier growth per retry, at least 1 (default 2)
     * @throws IllegalArgumentException if below 1 or not finite
     * @return this builder
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be a finite number >= 1, got " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * @param maxDelay upper bound of a computed wait (default 30 s)
     * @throws IllegalArgumentException if negative
     * @return this builder
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = nonNegative(maxDelay, "maxDelay");
      return this;
    }

    /**
     * @param jitter largest random fraction taken off each wait, in [0, 1] (default 0.5); 0 makes waits exact
     * @throws IllegalArgumentException if outside [0, 1]
     * @return this builder
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be in [0, 1], got " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * @param maxRetryAfter longest {@code Retry-After} to wait for (default 2 minutes)
     * @throws IllegalArgumentException if negative
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * @param random source of jitter, values in [0, 1) (default {@link ThreadLocalRandom}); for tests
     * @return this builder
     */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** @return the immutable policy */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
      return d;
    }
  }
}

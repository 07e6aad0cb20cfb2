package io.carmint.client.internal;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * A future whose {@code cancel} first stops the work behind it: cancelled only if the work agreed to stop (it had
 * not already delivered its result). The work's thread must not complete the future once {@code stop} has agreed:
 * the cancel completes it, so that a cancel that stopped the work always returns true.
 *
 * @param <T> the result
 */
public final class StoppableFuture<T> extends CompletableFuture<T> {
  private final BooleanSupplier stop;

  /**
   * @param stop stops the work; returns whether it is stopped (false: it completed, or is completing, normally)
   */
  public StoppableFuture(BooleanSupplier stop) {
    this.stop = Objects.requireNonNull(stop, "stop");
  }

  /** Stops the work, then cancels the future if the work stopped. */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    return stop.getAsBoolean() && super.cancel(mayInterruptIfRunning);
  }
}

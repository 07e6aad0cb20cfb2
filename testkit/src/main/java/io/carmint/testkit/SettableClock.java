package io.carmint.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A {@link Clock} that tests set by hand, for {@link LocalNftStorage.Builder#clock}: uploads then get the
 * {@code created} times a test chooses (several uploads in one instant, say, to page through them).
 *
 * <pre>{@code
 * static final SettableClock CLOCK = new SettableClock(Instant.parse("2024-05-01T12:00:00Z"));
 * @RegisterExtension
 * static final LocalNftStorageExtension SERVICE =
 *     new LocalNftStorageExtension(LocalNftStorage.builder().token("t").clock(CLOCK).build());
 *
 * @Test
 * void laterUploadsAreNewer() {
 *   CLOCK.advance(Duration.ofMinutes(5));   // uploads from here on are created 5 minutes later
 * }
 * }</pre>
 *
 * <p>Always in UTC ({@link #withZone} returns this clock). Thread-safe: the time is read and set atomically.
 */
public final class SettableClock extends Clock {
  private volatile Instant now;

  /** @param start the time the clock shows until it is set or advanced */
  public SettableClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /**
   * Moves the clock by {@code d} (backwards if negative).
   *
   * @param d how far to move
   */
  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  /**
   * Sets the clock to {@code t}.
   *
   * @param t the new time
   */
  public synchronized void set(Instant t) {
    now = Objects.requireNonNull(t, "t");
  }

  /** @return UTC */
  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** @return this clock: it has no zone of its own to change */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  /** @return the time set */
  @Override
  public Instant instant() {
    return now;
  }
}

package io.carmint.unixfs;

import java.util.OptionalInt;

/**
 * A UnixFS 1.5 modification time: seconds since the epoch (may be negative) and optional nanoseconds.
 *
 * <p>Writers omit the nanoseconds when they are 0 ({@link #of(long, int)} does that); a decoded value keeps
 * whether they were present so it re-encodes to the same bytes. Immutable.
 *
 * @param seconds seconds since 1970-01-01T00:00:00Z
 * @param nanos fractional nanoseconds, 0 to 999,999,999, if present
 */
public record UnixFsTime(long seconds, OptionalInt nanos) {
  /** Largest fractional-nanoseconds value: 999,999,999. */
  public static final int MAX_NANOS = 999_999_999;

  /**
   * @param seconds seconds since 1970-01-01T00:00:00Z
   * @param nanos fractional nanoseconds, 0 to 999,999,999, if present
   * @throws IllegalArgumentException if {@code nanos} is outside [0, 999,999,999]
   */
  public UnixFsTime {
    if (nanos.isPresent() && (nanos.getAsInt() < 0 || nanos.getAsInt() > MAX_NANOS)) {
      throw new IllegalArgumentException("mtime nanoseconds must be in [0, " + MAX_NANOS + "], got "
          + nanos.getAsInt());
    }
  }

  /**
   * @param seconds seconds since 1970-01-01T00:00:00Z
   * @param nanos fractional nanoseconds
   * @return the time with nanoseconds present only when non-zero, as boxo's {@code SetModTime} writes it
   * @throws IllegalArgumentException if {@code nanos} is outside [0, 999,999,999]
   */
  public static UnixFsTime of(long seconds, int nanos) {
    return new UnixFsTime(seconds, nanos == 0 ? OptionalInt.empty() : OptionalInt.of(nanos));
  }
}

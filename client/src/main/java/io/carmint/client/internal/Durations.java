package io.carmint.client.internal;

import java.time.Duration;

/** Durations as messages say them. */
public final class Durations {
  private Durations() {
  }

  /**
   * @param d a non-negative duration
   * @return {@code d} for a message: {@code 90 s}, {@code 5 min}, {@code 1 min 30 s}, {@code 250 ms}
   */
  public static String format(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + " ms";
    }
    long s = d.toSeconds();
    if (s < 60 || (s % 60 != 0 && s < 120)) {
      return s + " s";
    }
    return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
  }
}

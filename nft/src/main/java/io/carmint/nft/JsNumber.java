package io.carmint.nft;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript's {@code Number::toString(x)} for radix 10 (ECMA-262 §6.1.6.1.20), which {@code JSON.stringify} uses
 * for finite numbers: the shortest decimal that reads back as the same double, in JavaScript's layout
 * ({@code 100}, {@code 0.000001}, {@code 1e-7}, {@code 1e+21}, {@code 1.5e+300}).
 *
 * <p>Java 17's {@link Double#toString(double)} cannot stand in: it writes {@code 1.0E21} and {@code 1.0E-7}, and it
 * is not always the shortest (JDK-4511638, fixed only in Java 19). The digits are found here from the exact binary
 * value with {@link BigDecimal}: for each length from 1 up, the decimals just below and just above the value are the
 * only candidates of that length that can read back as it, and the shorter wins, then the closer, then the even one,
 * as the specification says. Slow next to a Ryu-style algorithm (microseconds a number), which is irrelevant for
 * metadata. Stateless.
 */
final class JsNumber {
  private JsNumber() {}

  /**
   * @return {@code x} as JavaScript's {@code String(x)} spells it: {@code NaN}, {@code Infinity},
   *     {@code -Infinity}, {@code 0} for both zeros, else the shortest round-trip digits
   */
  static String toString(double x) {
    if (Double.isNaN(x)) {
      return "NaN";
    }
    if (x == 0) {
      return "0";
    }
    if (x < 0) {
      return "-" + toString(-x);
    }
    if (Double.isInfinite(x)) {
      return "Infinity";
    }
    BigDecimal digits = shortest(x).stripTrailingZeros();
    String s = digits.unscaledValue().toString();
    int k = s.length();
    int n = k - digits.scale(); // x = s × 10^(n−k)
    StringBuilder b = new StringBuilder(24);
    if (k <= n && n <= 21) {
      b.append(s);
      b.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      b.append(s, 0, n).append('.').append(s, n, k);
    } else if (-6 < n && n <= 0) {
      b.append("0.").append("0".repeat(-n)).append(s);
    } else {
      int e = n - 1;
      b.append(s.charAt(0));
      if (k > 1) {
        b.append('.').append(s, 1, k);
      }
      b.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return b.toString();
  }

  /** The decimal with the fewest significant digits that reads back as {@code x} (positive, finite). */
  private static BigDecimal shortest(double x) {
    BigDecimal exact = new BigDecimal(x);
    for (int p = 1; p < 17; p++) {
      BigDecimal below = exact.round(new MathContext(p, RoundingMode.FLOOR));
      BigDecimal above = exact.round(new MathContext(p, RoundingMode.CEILING));
      boolean belowOk = readsBack(below, x);
      boolean aboveOk = readsBack(above, x);
      if (belowOk && aboveOk) {
        int c = exact.subtract(below).compareTo(above.subtract(exact));
        if (c != 0) {
          return c < 0 ? below : above;
        }
        return lastDigitEven(below) ? below : above;
      }
      if (belowOk) {
        return below;
      }
      if (aboveOk) {
        return above;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)); // 17 digits always read back
  }

  private static boolean readsBack(BigDecimal d, double x) {
    return Double.parseDouble(d.toString()) == x; // parseDouble rounds correctly, half to even, as ToNumber does
  }

  private static boolean lastDigitEven(BigDecimal d) {
    return !d.unscaledValue().testBit(0);
  }
}

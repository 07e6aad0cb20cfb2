package io.carmint.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses byte sizes: a number with an optional unit, {@code B}, {@code KB}/{@code MB}/{@code GB} (powers of 1000)
 * or {@code KiB}/{@code MiB}/{@code GiB} (powers of 1024), case-insensitive, e.g. {@code 50MiB}, {@code 100MB},
 * {@code 1048576}. A bad size is a usage error.
 */
final class SizeConverter implements CommandLine.ITypeConverter<Long> {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]i?b?|b)?");

  @Override
  public Long convert(String value) {
    Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a size (e.g. 50MiB, 100MB, 1048576)");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is too large");
    }
    String unit = m.group(2) == null ? "b" : m.group(2);
    long mult = switch (unit.charAt(0)) {
      case 'k' -> unit.contains("i") ? 1L << 10 : 1000L;
      case 'm' -> unit.contains("i") ? 1L << 20 : 1000_000L;
      case 'g' -> unit.contains("i") ? 1L << 30 : 1000_000_000L;
      default -> 1L;
    };
    try {
      return Math.multiplyExact(n, mult);
    } catch (ArithmeticException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is too large");
    }
  }
}

package io.carmint.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One media range of an {@code Accept} header (RFC 9110 §12.5.1): type and parameters, names lower-cased,
 * quoted values unquoted; {@code q} is kept apart.
 */
record MediaRange(String type, Map<String, String> params, double q) {
  /** @return the ranges of all {@code Accept} values, highest {@code q} first (stable), {@code q=0} dropped */
  static List<MediaRange> parseAll(List<String> headers) {
    List<MediaRange> out = new ArrayList<>();
    for (String header : headers) {
      for (String range : header.split(",")) {
        MediaRange r = parse(range);
        if (r != null && r.q() > 0) {
          out.add(r);
        }
      }
    }
    out.sort(Comparator.comparingDouble(MediaRange::q).reversed());
    return out;
  }

  private static MediaRange parse(String text) {
    String[] parts = text.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    if (type.isEmpty()) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    double q = 1;
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq < 0) {
        continue;
      }
      String name = parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = parts[i].substring(eq + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      if (name.equals("q")) {
        try {
          q = Double.parseDouble(value);
        } catch (NumberFormatException e) {
          q = 0;
        }
      } else {
        params.put(name, value);
      }
    }
    return new MediaRange(type, Map.copyOf(params), q);
  }
}

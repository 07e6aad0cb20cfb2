package io.carmint.testkit;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CAR request asks for, from its URL parameters ({@code dag-scope}, {@code entity-bytes}, {@code car-version},
 * {@code car-order}, {@code car-dups}) and its {@code Accept} parameters ({@code version}, {@code order},
 * {@code dups}); the URL's take precedence (IPIP-523). Defaults: scope {@code all}, version 1, order {@code dfs},
 * {@code dups=n} (boxo's, for legacy clients). An {@code order=unk} request is served in {@code dfs} order, which
 * the response's {@code Content-Type} says. {@code entity-bytes} implies {@code dag-scope=entity} unless
 * {@code block} was asked for.
 *
 * @param scope which blocks of the path's terminal entity follow the path's blocks
 * @param range the requested byte range of a file, or null for all of it
 * @param dups whether a block is sent every time the walk meets it ({@code dups=y})
 */
record CarRequest(Scope scope, ByteRange range, boolean dups) {
  /** The {@code dag-scope} values. */
  enum Scope {
    /** The terminal block only. */
    BLOCK,
    /** The blocks needed to read a file or list a directory (its HAMT shards); other codecs: the block. */
    ENTITY,
    /** The whole DAG under the terminal block. */
    ALL
  }

  private static final Pattern RANGE = Pattern.compile("(-?\\d{1,18}):(-?\\d{1,18}|\\*)");

  /**
   * {@code entity-bytes=from:to}: byte offsets, {@code to} inclusive; negative values count from the end of the
   * file; {@code to} is null for {@code *} (the end).
   */
  record ByteRange(long from, Long to) {
    /**
     * @return the first and last byte offsets in a file of {@code size} bytes (last below first: an empty range)
     */
    long[] resolve(long size) {
      long first = from < 0 ? Math.max(0, size + from) : from;
      long last = to == null ? size - 1 : (to < 0 ? size + to : Math.min(to, size - 1));
      return new long[] {first, last};
    }

    @Override
    public String toString() {
      return from + ":" + (to == null ? "*" : to.toString());
    }
  }

  /**
   * @param query the URL's parameters
   * @param accept the parameters of the {@code Accept} media range chosen, or an empty map
   * @throws HttpError 400 for values this gateway does not serve
   */
  static CarRequest parse(Map<String, String> query, Map<String, String> accept) throws HttpError {
    String version = query.getOrDefault("car-version", accept.getOrDefault("version", ""));
    if (!version.isEmpty() && !version.equals("1")) {
      throw HttpError.gateway(400, "unsupported application/vnd.ipld.car version " + version
          + ": only version=1 is served");
    }
    String order = query.getOrDefault("car-order", accept.getOrDefault("order", ""));
    if (!order.isEmpty() && !order.equals("dfs") && !order.equals("unk")) {
      throw HttpError.gateway(400, "unsupported application/vnd.ipld.car order " + order + ": dfs (or unk) only");
    }
    String dups = query.getOrDefault("car-dups", accept.getOrDefault("dups", "n"));
    if (!dups.equals("y") && !dups.equals("n")) {
      throw HttpError.gateway(400, "unsupported application/vnd.ipld.car dups " + dups + ": y or n");
    }
    Scope scope = Scope.ALL;
    String s = query.get("dag-scope");
    if (s != null) {
      try {
        scope = Scope.valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw HttpError.gateway(400, "unsupported dag-scope " + s + ": block, entity or all");
      }
    }
    ByteRange range = null;
    String r = query.get("entity-bytes");
    if (r != null) {
      range = parseRange(r);
      if (scope != Scope.BLOCK) {
        scope = Scope.ENTITY;
      }
    }
    return new CarRequest(scope, range, dups.equals("y"));
  }

  private static ByteRange parseRange(String text) throws HttpError {
    Matcher m = RANGE.matcher(text);
    if (!m.matches()) {
      throw HttpError.gateway(400, "invalid entity-bytes " + text + ": from:to with integers, to may be *");
    }
    long from = Long.parseLong(m.group(1));
    Long to = m.group(2).equals("*") ? null : Long.valueOf(m.group(2));
    if (to != null && (from < 0) == (to < 0) && from > to) {
      throw HttpError.gateway(400, "invalid entity-bytes " + text + ": from is after to");
    }
    return new ByteRange(from, to);
  }

  /** @return the response's {@code Content-Type}, with every parameter the stream honours */
  String contentType() {
    return Gateway.CAR + "; version=1; order=dfs; dups=" + (dups ? "y" : "n");
  }

  /** @return what distinguishes this response from other CARs of the same path, for its {@code Etag} */
  String etagKey() {
    return "scope=" + scope.name().toLowerCase(Locale.ROOT) + "\u0000dups=" + (dups ? "y" : "n")
        + (range == null ? "" : "\u0000range=" + range);
  }
}

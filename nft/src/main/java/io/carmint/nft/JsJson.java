package io.carmint.nft;

import java.util.function.UnaryOperator;

/**
 * ECMAScript's {@code JSON.stringify(value)} without indentation (ECMA-262 §25.5.2), for the values the encoder
 * builds: keys in JavaScript order, numbers as {@link JsNumber} spells them ({@code null} when not finite), strings
 * escaped as {@code QuoteJSONString} does since ES2019. Stateless.
 */
final class JsJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsJson() {}

  /**
   * @param url what a {@link JsValue.Link} is written as, given its {@code ipfs://} URL (a {@code URL} object
   *     serialises as its {@code href})
   * @return the JSON text
   */
  static String stringify(JsValue value, UnaryOperator<String> url) {
    StringBuilder b = new StringBuilder(256);
    write(b, value, url);
    return b.toString();
  }

  private static void write(StringBuilder b, JsValue value, UnaryOperator<String> url) {
    if (value instanceof JsValue.Str s) {
      quote(b, s.value());
    } else if (value instanceof JsValue.Num n) {
      b.append(Double.isFinite(n.value()) ? JsNumber.toString(n.value()) : "null");
    } else if (value instanceof JsValue.Bool bool) {
      b.append(bool.value());
    } else if (value == JsValue.Null.INSTANCE) {
      b.append("null");
    } else if (value instanceof JsValue.Link link) {
      quote(b, url.apply(link.url()));
    } else if (value instanceof JsValue.Arr arr) {
      b.append('[');
      for (int i = 0; i < arr.items().size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        write(b, arr.items().get(i), url);
      }
      b.append(']');
    } else if (value instanceof JsValue.Obj obj) {
      b.append('{');
      boolean first = true;
      for (String k : obj.keys()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        quote(b, k);
        b.append(':');
        write(b, obj.entries().get(k), url);
      }
      b.append('}');
    } else if (value instanceof JsValue.File f) {
      quote(b, "[file " + f.asset() + "]"); // only toString shows metadata before its files are linked
    }
  }

  /**
   * Appends {@code s} as a JSON string: {@code "} and {@code \} escaped, {@code \b \t \n \f \r}, other controls
   * below U+0020 and lone surrogates as {@code \}{@code u00xx} (lowercase hex), everything else as it is.
   */
  static void quote(StringBuilder b, String s) {
    b.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\f' -> b.append("\\f");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            unicodeEscape(b, c);
          } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(b, c);
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  private static void unicodeEscape(StringBuilder b, char c) {
    b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
  }
}

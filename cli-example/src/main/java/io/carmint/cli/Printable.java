package io.carmint.cli;

import io.carmint.unixfs.exporter.EntryNames;

/**
 * Text from elsewhere (a CAR's entry names, a service's upload names, types and error messages) made safe to print
 * on a terminal: a control or format character (newline, carriage return, tab, escape, bidirectional override…)
 * could otherwise end the line, rewrite what is on screen, or forge a line of output.
 */
final class Printable {
  private Printable() {}

  /**
   * @return {@code text} as it is if it holds no control or format character, else quoted with those characters as
   *     {@code \}{@code uXXXX}, as {@link EntryNames#quote} does; {@code null} stays {@code null}
   */
  static String field(String text) {
    if (text == null) {
      return null;
    }
    String quoted = EntryNames.quote(text);
    return quoted.length() == text.length() + 2 ? text : quoted;
  }

  /**
   * @return {@code message} on one line: line breaks become spaces, and other control and format characters
   *     {@code \}{@code uXXXX}; tabs are kept
   */
  static String line(String message) {
    StringBuilder b = new StringBuilder(message.length());
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\n' || c == '\u2028' || c == '\u2029') {
        b.append(' ');
      } else if (c == '\t' || !special(c)) {
        b.append(c);
      } else {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return b.toString();
  }

  private static boolean special(char c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}

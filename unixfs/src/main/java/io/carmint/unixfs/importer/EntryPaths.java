package io.carmint.unixfs.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules for the names of an import: entry paths split into names by a profile's {@link PathRules}, and every
 * name checked to be a UnixFS name (not {@code .} or {@code ..}, no {@code /} or NUL, valid Unicode so that it has
 * a UTF-8 form). Failures are {@link InvalidEntryNameException}s naming the path. Stateless and thread-safe.
 */
final class EntryPaths {
  private EntryPaths() {}

  /**
   * Splits and checks a path under the given rules.
   *
   * @return the names, at least one
   * @throws InvalidEntryNameException if the path names nothing, has an empty segment (strict rules) or an invalid
   *     name
   */
  static List<String> segments(String path, PathRules rules) {
    List<String> out = rules == PathRules.NFT_STORAGE_CLIENT ? nftStorageSegments(path) : strictSegments(path);
    if (out.isEmpty()) {
      throw new InvalidEntryNameException("Path '" + path + "' names nothing");
    }
    for (String s : out) {
      checkName(s, path);
    }
    return out;
  }

  /** {@link PathRules#NFT_STORAGE_CLIENT}: trimmed, split on {@code /} and {@code \}, empty segments dropped. */
  private static List<String> nftStorageSegments(String path) {
    List<String> out = new ArrayList<>();
    String p = jsTrim(path);
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\' && i + 1 < p.length() && p.charAt(i + 1) == '/') {
        cur.append("\\/");
        i++;
      } else if (c == '/' || c == '\\') {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  /** {@link PathRules#STRICT}: split on {@code /}; an empty segment is an error. */
  private static List<String> strictSegments(String path) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        String s = path.substring(start, i);
        if (s.isEmpty()) {
          throw new InvalidEntryNameException("Path '" + path + "' has an empty segment"
              + (path.isEmpty() ? "" : " (leading, trailing or double '/')"));
        }
        out.add(s);
        start = i + 1;
      }
    }
    return out;
  }

  /**
   * Checks one UnixFS name: not {@code .}/{@code ..}, no {@code /} or NUL, valid UTF-16 (so valid UTF-8).
   *
   * @param path the path the name is part of, for the message
   * @throws InvalidEntryNameException if it is not a valid name
   */
  static void checkName(String name, String path) {
    if (name.isEmpty()) {
      throw new InvalidEntryNameException("Path '" + path + "' has an empty name");
    }
    if (name.equals(".") || name.equals("..")) {
      throw new InvalidEntryNameException("Path '" + path + "' has a '" + name + "' segment; names cannot be . or ..");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == 0) {
        throw new InvalidEntryNameException("Name '" + name.replace("\0", "\\0") + "' in path '"
            + path.replace("\0", "\\0") + "' contains " + (c == 0 ? "NUL" : "'/'"));
      }
      if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidEntryNameException("Name in path '" + path + "' is not valid Unicode (unpaired surrogate "
            + String.format("U+%04X", (int) c) + "), so it has no UTF-8 form");
      }
    }
  }

  /**
   * Checks a name read from directory {@code dir}: a name the JVM could not decode holds U+FFFD and then does not
   * round-trip to the same path. (A real U+FFFD in a UTF-8 name does.)
   *
   * @throws InvalidEntryNameException if the name is not the file's (not UTF-8, or not decodable by the JVM)
   */
  static void checkDiskName(Path dir, String name) throws IOException {
    if (name.indexOf('\uFFFD') >= 0 && !Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidEntryNameException("A file name in " + dir + " is not valid UTF-8 (or not decodable with "
          + "the JVM's file name encoding " + System.getProperty("sun.jnu.encoding") + "; run with a UTF-8 locale, "
          + "e.g. LC_ALL=C.UTF-8): " + new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
  }

  /** JavaScript's {@code String.prototype.trim()}: strips WhiteSpace and LineTerminator code points. */
  static String jsTrim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isJsWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isJsWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isJsWhitespace(char c) {
    return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0xA0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000
        || c == 0xFEFF;
  }
}

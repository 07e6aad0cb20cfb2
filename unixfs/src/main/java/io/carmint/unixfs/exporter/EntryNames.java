package io.carmint.unixfs.exporter;

import java.util.Optional;

/**
 * The rules an entry name must follow to be used as a file name when extracting, and a quoting helper for messages.
 *
 * <p>UnixFS says names MUST NOT contain {@code /} and SHOULD NOT be empty, {@code .} or {@code ..}. Extraction is
 * stricter, because a name is joined to a directory path on some operating system: a name is refused if it is
 * empty, {@code .} or {@code ..}, contains NUL, is absolute (starts with {@code /} or {@code \}, or with a drive
 * letter and colon such as {@code C:}), or contains {@code /} or {@code \}. Everything else is accepted as stored,
 * including non-ASCII, percent signs, spaces, leading dots and control characters. Thread-safe (stateless).
 */
public final class EntryNames {
  private EntryNames() {}

  /**
   * @param name an entry name
   * @return why {@code name} is not a safe path segment, or empty if it is
   */
  public static Optional<UnsafeNameException.Reason> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of(UnsafeNameException.Reason.EMPTY);
    }
    if (name.equals(".")) {
      return Optional.of(UnsafeNameException.Reason.DOT);
    }
    if (name.equals("..")) {
      return Optional.of(UnsafeNameException.Reason.DOT_DOT);
    }
    if (name.indexOf('\0') >= 0) {
      return Optional.of(UnsafeNameException.Reason.NUL);
    }
    char c = name.charAt(0);
    if (c == '/' || c == '\\' || hasDrivePrefix(name)) {
      return Optional.of(UnsafeNameException.Reason.ABSOLUTE);
    }
    if (name.indexOf('/') >= 0) {
      return Optional.of(UnsafeNameException.Reason.SLASH);
    }
    if (name.indexOf('\\') >= 0) {
      return Optional.of(UnsafeNameException.Reason.BACKSLASH);
    }
    return Optional.empty();
  }

  /**
   * @param s a name or path
   * @return whether {@code s} starts with an ASCII letter and a colon, as a Windows drive ({@code C:}) does
   */
  public static boolean hasDrivePrefix(String s) {
    if (s.length() < 2 || s.charAt(1) != ':') {
      return false;
    }
    char d = s.charAt(0);
    return (d >= 'A' && d <= 'Z') || (d >= 'a' && d <= 'z');
  }

  /**
   * Checks one name of the directory at {@code parentPath}.
   *
   * @param parentPath the directory's path relative to the walked root ({@code ""} for the root)
   * @param where which block holds the name, for the message
   * @param name the entry name
   * @throws UnsafeNameException if the name is refused; it carries the entry path and the reason
   */
  public static void check(String name, String parentPath, String where) throws UnsafeNameException {
    Optional<UnsafeNameException.Reason> problem = problem(name);
    if (problem.isPresent()) {
      throw new UnsafeNameException(parentPath.isEmpty() ? name : parentPath + "/" + name, problem.get(), where);
    }
  }

  /**
   * Quotes a name or path for a one-line message: in single quotes, with control, format and line-separator
   * characters (NUL, newline, escape, bidirectional overrides, zero-width characters…) written as {@code \}{@code
   * uXXXX}, so a hostile name cannot break or disguise the line. Other characters are kept.
   *
   * @param s a name or path
   * @return the quoted text, on one line
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE && !validSurrogate(s, i)) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('\'').toString();
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}

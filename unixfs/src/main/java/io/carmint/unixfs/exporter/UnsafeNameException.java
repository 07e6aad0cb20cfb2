package io.carmint.unixfs.exporter;

import io.carmint.unixfs.UnixFsFormatException;
import java.util.Objects;

/**
 * Thrown when an entry name is not a safe single path segment (see {@link EntryNames#check}): empty, {@code .},
 * {@code ..}, absolute, or containing {@code /}, {@code \} or NUL. Extracting it could write outside the target
 * directory, or somewhere else on another operating system.
 */
public final class UnsafeNameException extends UnixFsFormatException {
  private static final long serialVersionUID = 1L;

  /** Why a name is refused. */
  public enum Reason {
    /** The name is empty. */
    EMPTY("is empty"),
    /** The name is {@code .}. */
    DOT("is '.'"),
    /** The name is {@code ..}. */
    DOT_DOT("is '..'"),
    /** The name contains the NUL character, which no file system accepts. */
    NUL("contains NUL"),
    /** The name starts with {@code /} or {@code \}, or with a drive letter and colon such as {@code C:}. */
    ABSOLUTE("is absolute (starts with '/', '\\' or a drive such as 'C:')"),
    /** The name contains {@code /}: it would be several path segments. */
    SLASH("contains '/'"),
    /** The name contains {@code \}: a path separator on Windows. */
    BACKSLASH("contains '\\'");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    /** @return the reason in words, e.g. {@code contains '/'} */
    public String description() {
      return description;
    }
  }

  /** What {@link #path()} returns. */
  private final String path;
  /** What {@link #reason()} returns. */
  private final Reason reason;

  /**
   * An exception without {@link #path()} and {@link #reason()} (both null); prefer
   * {@link #UnsafeNameException(String, Reason, String)}.
   *
   * @param message which name, in which directory
   */
  public UnsafeNameException(String message) {
    super(message);
    this.path = null;
    this.reason = null;
  }

  /**
   * @param path the entry's path relative to the walked root, the unsafe name last (as stored, not escaped)
   * @param reason why the name is refused
   * @param where which directory block holds it, for the message
   */
  public UnsafeNameException(String path, Reason reason, String where) {
    super("Unsafe entry name: " + EntryNames.quote(path) + " " + Objects.requireNonNull(reason, "reason")
        .description() + " (" + where + "); a name must be one path segment, so it is refused");
    this.path = path;
    this.reason = reason;
  }

  /** @return the refused entry's path relative to the walked root, as stored; null if not given */
  public String path() {
    return path;
  }

  /** @return why the name is refused; null if not given */
  public Reason reason() {
    return reason;
  }
}

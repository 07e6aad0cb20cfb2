package io.carmint.unixfs.importer;

/**
 * Thrown when an entry's path cannot become a UnixFS name: an empty segment, {@code .} or {@code ..}, a NUL, a
 * {@code /} inside a name, a name that is not valid UTF-8, or a path given twice or as both a file and a
 * directory. The message quotes the path.
 */
public final class InvalidEntryNameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong with which path */
  public InvalidEntryNameException(String message) {
    super(message);
  }
}

package io.carmint.unixfs.exporter;

import java.io.IOException;

/**
 * Thrown by {@link Exporter#resolve} when a path does not lead to an entry: a name is not in its directory, or a
 * name before the last is a file or symlink rather than a directory.
 */
public final class EntryNotFoundException extends IOException {
  private static final long serialVersionUID = 1L;
  /** What {@link #path()} returns. */
  private final String path;

  /**
   * @param path the path asked for
   * @param message what is missing where
   */
  public EntryNotFoundException(String path, String message) {
    super(message);
    this.path = path;
  }

  /** @return the path asked for */
  public String path() {
    return path;
  }
}

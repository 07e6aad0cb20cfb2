package io.carmint.unixfs.exporter;

import io.carmint.multiformats.Cid;
import io.carmint.unixfs.UnixFsFormatException;
import java.util.Objects;

/**
 * Thrown when a directory has two entries with the same name. Extracting both would let the second replace the
 * first or, if the first is a symlink, write through it; so the directory is refused.
 */
public final class DuplicateNameException extends UnixFsFormatException {
  private static final long serialVersionUID = 1L;
  /** What {@link #path()} returns. */
  private final String path;
  private final transient Cid directory;

  /**
   * @param path the repeated entry's path relative to the walked (or listed) directory
   * @param directory the directory block holding the name twice
   */
  public DuplicateNameException(String path, Cid directory) {
    super("Directory " + Objects.requireNonNull(directory, "directory") + " has two entries named "
        + EntryNames.quote(path.substring(path.lastIndexOf('/') + 1)) + " (at " + EntryNames.quote(path) + ")");
    this.path = path;
    this.directory = directory;
  }

  /** @return the repeated entry's path */
  public String path() {
    return path;
  }

  /** @return the directory block holding the name twice */
  public Cid directory() {
    return directory;
  }
}

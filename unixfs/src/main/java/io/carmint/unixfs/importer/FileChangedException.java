package io.carmint.unixfs.importer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown when a file on disk changes size while it is being imported: its chunks are planned from the size it had
 * when the tree was read, so a file that shrinks or grows meanwhile would get a CID of neither version. Import it
 * again once nothing writes to it.
 */
public final class FileChangedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;
  /** What {@link #expectedSize()} returns. */
  private final long expectedSize;

  /**
   * @param path the file
   * @param expectedSize its size when the tree was read
   * @param what what was found instead, e.g. "it ended at byte 1000"
   */
  public FileChangedException(Path path, long expectedSize, String what) {
    super(path + " changed while it was being imported: it had " + expectedSize + " bytes when it was listed, and "
        + what);
    this.path = path;
    this.expectedSize = expectedSize;
  }

  /** @return the file that changed (null after deserialization) */
  public Path path() {
    return path;
  }

  /** @return its size when the tree was read */
  public long expectedSize() {
    return expectedSize;
  }
}

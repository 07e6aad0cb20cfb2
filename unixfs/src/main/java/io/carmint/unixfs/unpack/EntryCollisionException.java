package io.carmint.unixfs.unpack;

import io.carmint.unixfs.exporter.EntryNames;
import java.nio.file.FileAlreadyExistsException;

/**
 * Thrown when an entry's path already exists on disk as something the unpacker may not use: any existing path under
 * {@link TargetPolicy#REQUIRE_EMPTY} (so the DAG names it twice, or the file system folds two names into one, as
 * case-insensitive ones do), or under {@link TargetPolicy#MERGE} an existing file, symlink or other non-directory.
 * Nothing is replaced and no existing symlink is followed.
 */
public final class EntryCollisionException extends FileAlreadyExistsException {
  private static final long serialVersionUID = 1L;
  /** What {@link #entryPath()} returns. */
  private final String entryPath;

  /**
   * @param entryPath the entry's path relative to the unpacked root
   * @param file the path on disk
   * @param reason what is there
   */
  public EntryCollisionException(String entryPath, String file, String reason) {
    super(file, null, "entry " + EntryNames.quote(entryPath) + " collides with " + reason
        + "; nothing is replaced and no symlink is followed");
    this.entryPath = entryPath;
  }

  /** @return the entry's path relative to the unpacked root */
  public String entryPath() {
    return entryPath;
  }
}

package io.carmint.unixfs.unpack;

import java.nio.file.FileSystemException;

/**
 * Thrown under {@link TargetPolicy#REQUIRE_EMPTY} when the target exists and is not an empty directory (or, for a
 * DAG whose root is a file, exists at all). Unpack into a new or empty directory, or use {@link TargetPolicy#MERGE}.
 */
public final class TargetNotEmptyException extends FileSystemException {
  private static final long serialVersionUID = 1L;

  /**
   * @param target the target path
   * @param reason what is there
   */
  public TargetNotEmptyException(String target, String reason) {
    super(target, null, reason);
  }
}

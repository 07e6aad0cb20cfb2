package io.carmint.unixfs.exporter;

import io.carmint.unixfs.UnixFsFormatException;

/**
 * Thrown when walking a tree meets an entry name that is not a safe single path segment: empty, {@code .},
 * {@code ..}, or containing {@code /} or NUL. Extracting it could write outside the target directory.
 */
public final class UnsafeNameException extends UnixFsFormatException {
  private static final long serialVersionUID = 1L;

  /** @param message which name, in which directory */
  public UnsafeNameException(String message) {
    super(message);
  }
}

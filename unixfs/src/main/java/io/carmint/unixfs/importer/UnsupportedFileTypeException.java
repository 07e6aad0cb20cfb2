package io.carmint.unixfs.importer;

import java.io.IOException;

/**
 * Thrown when an imported path is neither a regular file, a directory nor a symbolic link (a FIFO, socket or device):
 * UnixFS cannot store it. Remove it from the tree to import the rest.
 */
public final class UnsupportedFileTypeException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param message which path and why */
  public UnsupportedFileTypeException(String message) {
    super(message);
  }
}

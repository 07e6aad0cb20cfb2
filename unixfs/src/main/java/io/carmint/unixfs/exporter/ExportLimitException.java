package io.carmint.unixfs.exporter;

import java.io.IOException;

/**
 * Thrown when a DAG goes beyond a configured limit (file tree depth, directory depth): a sign of a hostile or broken
 * DAG. If the DAG is genuine, raise the limit on {@link Exporter.Builder}.
 */
public final class ExportLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param message which limit, its value, and where */
  public ExportLimitException(String message) {
    super(message);
  }
}

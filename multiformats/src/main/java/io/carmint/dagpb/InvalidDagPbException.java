package io.carmint.dagpb;

/**
 * Thrown when an in-memory value cannot be encoded as dag-pb: links not sorted by Name bytes, or a data-model
 * value that does not have the dag-pb shape ({@code {Links: [...], Data?: bytes}}). The message says which rule
 * was broken and where.
 */
public final class InvalidDagPbException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message which rule was broken and where */
  public InvalidDagPbException(String message) {
    super(message);
  }
}

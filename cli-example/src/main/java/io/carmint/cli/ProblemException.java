package io.carmint.cli;

/**
 * A problem found in the data (verification failed, CID mismatch) that has already been described: exit code
 * {@value Main#EXIT_PROBLEM}.
 */
final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ProblemException(String message) {
    super(message);
  }
}

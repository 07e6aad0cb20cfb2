package io.carmint.cli;

/** Bad usage detected after parsing (an unknown profile name, say): exit code {@value Main#EXIT_USAGE}. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}

package io.carmint.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of an output path before any work, so that a failure names the path given, not a temporary file. */
final class Outputs {
  private Outputs() {}

  /**
   * @throws ProblemException if {@code file} is a directory, or the directory it would go in does not exist or is
   *     not a directory
   */
  static void requireWritableFile(Path file) {
    if (Files.isDirectory(file)) {
      throw new ProblemException("Is a directory: " + file + " (a file name is expected)");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new ProblemException((Files.exists(parent) ? "not a directory: " : "no such directory: ")
          + (file.getParent() == null ? parent : file.getParent()) + " (for " + file + ")");
    }
  }
}

package io.carmint.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;

/**
 * Where a command's binary output (a CAR, an index) goes: a file, or standard output for {@code -} (or no
 * {@code -o} when standard output is not a terminal). It is always built complete in a temporary file first, so a
 * failed command leaves an existing output file as it was and writes nothing to standard output; a file is then
 * renamed into place, except a symbolic link, device or named pipe, which is written through.
 */
final class FileOutput {
  /** Writes a complete output into the channel of an empty temporary file. */
  @FunctionalInterface
  interface Writer<T> {
    T write(FileChannel out) throws IOException;
  }

  /** @return the process's standard output, read when it is written (tests replace it with System.setOut) */
  static PrintStream stdout() {
    return System.out;
  }

  private FileOutput() {}

  /** @return whether {@code output} means standard output: {@code -}, or absent while stdout is not a terminal */
  static boolean isStdout(Path output) {
    return output == null ? System.console() == null : output.toString().equals("-");
  }

  /**
   * Runs {@code writer} into a temporary file, then delivers the file to {@code output} (standard output if
   * {@link #isStdout}).
   *
   * @return what the writer returned
   * @throws IOException if the writer or the delivery fails; the temporary file is removed either way
   */
  static <T> T write(Path output, Writer<T> writer) throws IOException {
    Path tmp;
    boolean sibling = !isStdout(output) && !writtenThrough(output);
    if (sibling) {
      Path dir = output.toAbsolutePath().getParent();
      tmp = dir.resolve("." + output.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
          + ".part");
      Files.createFile(tmp);
    } else {
      tmp = Files.createTempFile("carmint-", ".out");
    }
    try {
      T result;
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
        result = writer.write(ch);
      }
      if (sibling) {
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else if (isStdout(output)) {
        PrintStream out = stdout();
        Files.copy(tmp, out);
        out.flush();
      } else {
        try (OutputStream out = Files.newOutputStream(output)) { // opened only now: a failure leaves it as it was
          Files.copy(tmp, out);
        }
      }
      return result;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A symbolic link, or an existing device, pipe or socket, which a rename would replace with a regular file. */
  private static boolean writtenThrough(Path output) {
    return Files.isSymbolicLink(output)
        || Files.exists(output) && !Files.isRegularFile(output) && !Files.isDirectory(output);
  }

  /** @return how the output is named in messages */
  static String name(Path output) {
    return isStdout(output) ? "standard output" : output.toString();
  }

  /**
   * @throws UsageException if there is no {@code -o} and standard output is a terminal, or {@code -o} is a directory
   */
  static void check(Path output) {
    if (output == null && !isStdout(null)) {
      throw new UsageException("Standard output is a terminal; give -o FILE (or -o - to write binary there anyway)");
    }
    if (output != null && !isStdout(output) && Files.isDirectory(output)) {
      throw new UsageException("Is a directory: " + output + "; -o names the file to write");
    }
  }

  /** @return {@code output} as JSON: null for standard output */
  static String json(Path output) {
    return isStdout(output) ? "null" : CidCommand.quote(output.toString());
  }

  /** @return where a command reports on what it wrote: stderr when the data went to stdout, else stdout */
  static PrintWriter report(CommandLine cl, Path output) {
    return isStdout(output) ? cl.getErr() : cl.getOut();
  }
}

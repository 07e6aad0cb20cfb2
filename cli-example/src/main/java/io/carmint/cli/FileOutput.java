package io.carmint.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a command's binary output (a CAR, an index) goes: a file, or standard output for {@code -} or
 * {@code /dev/stdout} (or no {@code -o} when standard output is not a terminal). It is always built complete in a
 * temporary file first, so a failed command leaves an existing output file as it was and writes nothing to standard
 * output; a file is then renamed into place, except a symbolic link, device or named pipe, which is written
 * through. Standard output is the {@link Console}'s.
 */
final class FileOutput {
  /** Writes a complete output into the channel of an empty temporary file. */
  @FunctionalInterface
  interface Writer<T> {
    T write(FileChannel out) throws IOException;
  }

  private final CommandSpec spec;
  private final Path output;
  private final boolean stdout;

  private FileOutput(CommandSpec spec, Path output) {
    this.spec = spec;
    this.output = output;
    this.stdout = output == null ? !Main.of(spec).console().outIsTerminal()
        : output.toString().equals("-") || PackCommand.isStandardOutput(output);
  }

  /**
   * @param spec the command writing
   * @param output its {@code -o} argument, or null if none was given
   * @return the output, checked before any work
   * @throws UsageException if there is no {@code -o} and standard output is a terminal
   * @throws ProblemException if {@code -o} is a directory or its directory does not exist
   */
  static FileOutput of(CommandSpec spec, Path output) {
    FileOutput o = new FileOutput(spec, output);
    if (output == null && !o.stdout) {
      throw new UsageException("Standard output is a terminal; give -o FILE (or -o - to write binary there anyway)");
    }
    if (!o.stdout) {
      Outputs.requireWritableFile(output);
    }
    return o;
  }

  /** @return whether the output is standard output */
  boolean isStdout() {
    return stdout;
  }

  /**
   * Runs {@code writer} into a temporary file, then delivers the file to the output.
   *
   * @return what the writer returned
   * @throws IOException if the writer or the delivery fails; the temporary file is removed either way
   */
  <T> T write(Writer<T> writer) throws IOException {
    Path tmp;
    boolean sibling = !stdout && !writtenThrough(output);
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
      } else if (stdout) {
        OutputStream out = Main.of(spec).console().out();
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
  String name() {
    return stdout ? "standard output" : output.toString();
  }

  /** @return the output for {@code --json}: null for standard output */
  String json() {
    return stdout ? null : output.toString();
  }

  /** @return where the command reports on what it wrote: stderr when the data went to stdout, else stdout */
  PrintWriter report() {
    return stdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
  }
}

package io.carmint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's standard input and output as byte streams (a CAR read from {@code -} or written to standard output)
 * and whether standard output and standard error are terminals. Commands read it from {@link Main}, never from
 * {@link System}, so that tests can run a command in-process with their own streams and decide what is a terminal.
 *
 * @param in standard input
 * @param inIsTerminal whether standard input is a terminal (then a command reading a CAR there by default refuses)
 * @param out standard output, for bytes (text goes through picocli's writers)
 * @param outIsTerminal whether standard output is a terminal (then {@code pack} will not write a CAR to it)
 * @param errIsTerminal whether standard error is a terminal (then long work shows a progress bar there)
 */
record Console(InputStream in, boolean inIsTerminal, OutputStream out, boolean outIsTerminal,
    boolean errIsTerminal) {
  /** @return the process's streams, terminals as the operating system reports them */
  static Console system() {
    boolean console = System.console() != null;
    return new Console(System.in, isTerminal(0, console), System.out, isTerminal(1, console),
        isTerminal(2, console));
  }

  /** @return these streams, neither a terminal */
  static Console of(InputStream in, OutputStream out) {
    return new Console(in, false, out, false, false);
  }

  /** @return this console with standard error a terminal or not */
  Console withErrTerminal(boolean terminal) {
    return new Console(in, inIsTerminal, out, outIsTerminal, terminal);
  }

  /** @return this console with standard output a terminal or not */
  Console withOutTerminal(boolean terminal) {
    return new Console(in, inIsTerminal, out, terminal, errIsTerminal);
  }

  /**
   * Whether file descriptor {@code fd} is a terminal. On Linux its {@code /proc/self/fd} link names the device; Java
   * has no portable test for one descriptor, so elsewhere the answer is whether the JVM has a console (standard
   * input and output both terminals).
   */
  private static boolean isTerminal(int fd, boolean console) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return console;
    }
  }
}

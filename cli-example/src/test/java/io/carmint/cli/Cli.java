package io.carmint.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Test helper: runs {@code carmint} in-process and keeps its exit code, standard output and standard error. Neither
 * output is a terminal unless a {@link Console} says so; standard input is empty unless given.
 */
final class Cli {
  private Cli() {}

  /**
   * What a run printed (line ends normalised to {@code \n}) and its exit code.
   *
   * @param bytes what went to standard output as bytes (a CAR, a block), apart from {@code out}'s text
   */
  record Run(int code, String out, String err, byte[] bytes) {
    List<String> lines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
  }

  /** Runs with the process's environment variables. */
  static Run run(String... args) {
    return run(System.getenv(), args);
  }

  /** Runs with {@code env} as the environment variables. */
  static Run run(Map<String, String> env, String... args) {
    return run(env, new ByteArrayInputStream(new byte[0]), false, false, args);
  }

  /** Runs with {@code stdin} as standard input. */
  static Run runWithInput(byte[] stdin, String... args) {
    return run(System.getenv(), new ByteArrayInputStream(stdin), false, false, args);
  }

  /** Runs with standard output and standard error terminals or not, as given. */
  static Run run(Map<String, String> env, InputStream stdin, boolean outTerminal, boolean errTerminal,
      String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Console console = new Console(stdin, false, bytes, outTerminal, errTerminal);
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err), env, Main.SUBCOMMANDS, console)
        .execute(args);
    return new Run(code, out.toString().replace("\r", ""), err.toString().replace("\r", ""), bytes.toByteArray());
  }
}

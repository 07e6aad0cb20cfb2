package io.carmint.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** Test helper: runs {@code carmint} in-process and keeps its exit code, standard output and standard error. */
final class Cli {
  private Cli() {}

  /** What a run printed (line ends normalised to {@code \n}) and its exit code. */
  record Run(int code, String out, String err) {
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
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err), env).execute(args);
    return new Run(code, out.toString().replace("\r", ""), err.toString().replace("\r", ""));
  }
}

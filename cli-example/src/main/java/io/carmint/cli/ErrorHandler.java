package io.carmint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/**
 * Maps exceptions to exit codes and one-line messages on stderr. A stack trace is printed only with
 * {@code --verbose}.
 *
 * <ul>
 *   <li>usage errors (picocli parameter errors, {@link UsageException}) → {@value Main#EXIT_USAGE}
 *   <li>bad input data and I/O or service failures ({@link IOException}, {@link IllegalArgumentException},
 *       {@link ProblemException}) → {@value Main#EXIT_PROBLEM}
 * </ul>
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  private final BooleanSupplier verbose;

  ErrorHandler(BooleanSupplier verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    PrintWriter err = ex.getCommandLine().getErr();
    err.println("carmint: " + ex.getMessage());
    if (verbose.getAsBoolean()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return Main.EXIT_USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    int code = ex instanceof UsageException ? Main.EXIT_USAGE : Main.EXIT_PROBLEM;
    err.println("carmint: " + oneLine(ex));
    if (verbose.getAsBoolean()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static String oneLine(Throwable ex) {
    String msg = ex.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = ex.getClass().getSimpleName();
    }
    if (ex instanceof java.nio.file.NoSuchFileException) {
      msg = "no such file: " + msg;
    } else if (ex instanceof java.nio.file.AccessDeniedException) {
      msg = "permission denied: " + msg;
    }
    return msg.replace('\n', ' ');
  }
}

package io.carmint.cli;

import io.carmint.multiformats.LimitExceededException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
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
 *
 * <p>Library messages name the library's own settings as the remedy (a {@link LimitExceededException}'s
 * {@link LimitExceededException#setting() setting}, such as {@code Unpacker.Builder.maxEntries}, or a policy such as
 * {@code TargetPolicy.MERGE}); the handler puts the option of the command that changes it in their place, so the
 * user reads {@code raise --max-entries}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  /** Per command: the library settings its options change, and those options. */
  static final Map<String, Map<String, String>> OPTIONS = Map.of(
      "unpack", Map.of(
          "Unpacker.Builder.maxEntries", "--max-entries",
          "Unpacker.Builder.maxTotalBytes", "--max-bytes",
          "Unpacker.Builder.maxBlocks", "--max-blocks",
          "Unpacker.Builder.maxDepth", "--max-depth",
          "TargetPolicy.MERGE", "--merge",
          "EscapingSymlinkPolicy.SKIP", "--skip-escaping-symlinks"),
      "split", Map.of("TreewalkSplitter.Builder.maxPieceSize", "--max-size"),
      "upload", Map.of("TreewalkSplitter.Builder.maxPieceSize", "--max-chunk-size"),
      "blocks", Map.of("CarReadOptions.verifyHashes(false)", "--no-verify"));

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
    err.println("carmint: " + oneLine(ex, OPTIONS.getOrDefault(cl.getCommandName(), Map.of())));
    if (verbose.getAsBoolean()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** @param options the library settings the command's options change, and those options */
  static String oneLine(Throwable ex, Map<String, String> options) {
    String msg = ex.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = ex.getClass().getSimpleName();
    }
    for (Map.Entry<String, String> e : options.entrySet()) {
      msg = msg.replace(e.getKey(), e.getValue());
    }
    if (ex instanceof java.nio.file.NoSuchFileException) {
      msg = "no such file: " + msg;
    } else if (ex instanceof java.nio.file.AccessDeniedException) {
      msg = "permission denied: " + msg;
    }
    return msg.replace('\n', ' ');
  }
}

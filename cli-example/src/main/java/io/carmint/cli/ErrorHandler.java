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
 *   <li>errors of the JVM ({@link OutOfMemoryError}, {@link StackOverflowError}) and any other {@link Error} →
 *       {@value Main#EXIT_PROBLEM}, one line too
 * </ul>
 *
 * <p>Library messages name the library's own settings as the remedy (a {@link LimitExceededException}'s
 * {@link LimitExceededException#setting() setting}, such as {@code Unpacker.Builder.maxEntries}, or a policy such as
 * {@code TargetPolicy.MERGE}); the handler puts the option of the command that changes it in their place, so the
 * user reads {@code raise --max-entries}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  /** Per command: the library settings its options change, and those options. */
  static final Map<String, Map<String, String>> OPTIONS = Map.ofEntries(
      Map.entry("unpack", unpackOptions()),
      Map.entry("extract", unpackOptions()),
      Map.entry("detach-index", Map.of("CarIndexer.build", "carmint index --index-only")),
      Map.entry("filter", Map.of("CarFilter.readCids(maxCids)", "--max-cids")),
      Map.entry("split", Map.of("TreewalkSplitter.Builder.maxPieceSize", "--max-size",
          "TreewalkSplitter.Builder.maxTotalSize", "--max-total")),
      Map.entry("upload", withTimeouts(Map.of("TreewalkSplitter.Builder.maxPieceSize", "--max-chunk-size",
          "NftStorageClient.Builder.minUploadSpeed", "--min-upload-speed"))),
      Map.entry("nft", withTimeouts(Map.of())),
      Map.entry("collection", withTimeouts(Map.of())),
      Map.entry("status", withTimeouts(Map.of())),
      Map.entry("check", withTimeouts(Map.of())),
      Map.entry("list", withTimeouts(Map.of())),
      Map.entry("delete", withTimeouts(Map.of())),
      Map.entry("blocks", Map.of("CarReadOptions.verifyHashes(false)", "--no-verify")),
      Map.entry("fetch", Map.of(
          "TrustlessGatewayClient.Builder.maxBlocks", "--max-blocks",
          "TrustlessGatewayClient.Builder.maxBytes", "--max-bytes",
          "TrustlessGatewayClient.Builder.maxDepth", "--max-depth",
          "Unpacker.Builder.maxEntries", "--max-entries",
          "Unpacker.Builder.maxTotalBytes", "--max-bytes",
          "Unpacker.Builder.maxBlocks", "--max-blocks",
          "Unpacker.Builder.maxDepth", "--max-depth",
          "EscapingSymlinkPolicy.SKIP", "--skip-escaping-symlinks")));

  /** @return the library settings that {@link UnpackOptions} change, and those options */
  private static Map<String, String> unpackOptions() {
    return Map.of(
        "Unpacker.Builder.maxEntries", "--max-entries",
        "Unpacker.Builder.maxTotalBytes", "--max-bytes",
        "Unpacker.Builder.maxBlocks", "--max-blocks",
        "Unpacker.Builder.maxDepth", "--max-depth",
        "TargetPolicy.MERGE", "--merge",
        "EscapingSymlinkPolicy.SKIP", "--skip-escaping-symlinks");
  }

  /** @return {@code options} and the client's time limits, which every command talking to a service sets */
  private static Map<String, String> withTimeouts(Map<String, String> options) {
    Map<String, String> all = new java.util.HashMap<>(options);
    all.put("NftStorageClient.Builder.callTimeout", "--call-timeout");
    all.put("NftStorageClient.Builder.deadline", "--deadline");
    return Map.copyOf(all);
  }

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

  /**
   * Prints an {@link Error} thrown by a command as one line (its stack trace only with {@code --verbose}).
   *
   * @return {@value Main#EXIT_PROBLEM}
   */
  int handleError(Error e, CommandLine cl) {
    PrintWriter err = cl.getErr();
    String what;
    if (e instanceof OutOfMemoryError) {
      what = "out of memory (" + e.getMessage() + "); give Java a larger heap, e.g. CARMINT_JAVA_OPTS=-Xmx2g";
    } else if (e instanceof StackOverflowError) {
      what = "stack overflow: the input nests too deeply for this thread's stack; a larger one, e.g. "
          + "CARMINT_JAVA_OPTS=-Xss16m, may help";
    } else {
      what = "internal error: " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + " (run with --verbose for its stack trace)";
    }
    err.println("carmint: " + Printable.line(what));
    if (verbose.getAsBoolean()) {
      e.printStackTrace(err);
    }
    err.flush();
    return Main.EXIT_PROBLEM;
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
    return Printable.line(msg); // a service's message, a name in a CAR: nothing may rewrite the terminal
  }
}

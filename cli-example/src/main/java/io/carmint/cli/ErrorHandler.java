package io.carmint.cli;

import io.carmint.multiformats.LimitExceededException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
      Map.entry("upload", withTimeouts(Map.of("TreewalkSplitter.Builder.maxPieceSize", "--max-piece-size",
          "NftStorageClientBuilder.minUploadSpeed", "--min-upload-speed"))),
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
          "TrustlessGatewayClient.Builder.deadline", "--deadline",
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
    all.put("NftStorageClientBuilder.callTimeout", "--call-timeout");
    all.put("NftStorageClientBuilder.deadline", "--deadline");
    return Map.copyOf(all);
  }

  private final BooleanSupplier verbose;

  ErrorHandler(BooleanSupplier verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    PrintWriter err = ex.getCommandLine().getErr();
    err.println("carmint: " + Printable.line(usageMessage(ex, args)));
    if (verbose.getAsBoolean()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return Main.EXIT_USAGE;
  }

  /**
   * @return the line for a usage error: a mistyped command or option is named first, with the closest names ("did
   *     you mean"), even when picocli saw a missing parameter first (the mistyped option took its place)
   */
  static String usageMessage(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    String word = null;
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      word = u.getUnmatched().get(0);
    } else if (ex instanceof CommandLine.MissingParameterException) {
      word = unknownOption(args, cl.getCommandSpec());
    }
    if (word == null) {
      // picocli: "Invalid value for positional parameter at index 1 (CID): Invalid CID 'x': …"; the index says
      // nothing to the user and the label is repeated by our converters' messages.
      Matcher m = POSITIONAL.matcher(ex.getMessage());
      if (m.lookingAt()) {
        String rest = ex.getMessage().substring(m.end());
        return rest.startsWith("Invalid") || rest.startsWith("'") ? rest : "Invalid " + m.group(1) + ": " + rest;
      }
      return ex.getMessage();
    }
    List<String> near = Suggestions.near(word, cl.getCommandSpec());
    String suggestion = near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    boolean root = cl.getCommandSpec().parent() == null;
    if (word.length() > 1 && word.startsWith("-")) {
      return "Unknown option '" + word + "'" + (root ? "" : " of '" + cl.getCommandName() + "'") + suggestion
          + " (see 'carmint " + (root ? "" : cl.getCommandName() + " ") + "--help')";
    }
    if (!cl.getSubcommands().isEmpty()) {
      return "Unknown command '" + word + "'" + suggestion + " (see 'carmint --help')";
    }
    return ex.getMessage() + suggestion;
  }

  private static final Pattern POSITIONAL =
      Pattern.compile("Invalid value for positional parameter at index \\d+ \\(([^)]*)\\): ");

  /** @return the first argument that looks like an option and is none of {@code spec}'s, or null */
  private static String unknownOption(String[] args, CommandLine.Model.CommandSpec spec) {
    for (String a : args) {
      if (a.equals("--")) {
        return null;
      }
      if (a.length() > 1 && a.startsWith("-") && !Character.isDigit(a.charAt(1))) {
        String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
        boolean known = spec.findOption(name) != null || (!name.startsWith("--") && name.length() > 2
            && spec.findOption(name.substring(0, 2)) != null); // -ofile, -lH
        if (!known) {
          return name;
        }
      }
    }
    return null;
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

  /**
   * @return a file system failure of the JDK as {@code what: FILE}, e.g. {@code no such file: x.car}, {@code Is a
   *     directory: out}; any other (a library's own reason) as {@code FILE: reason}
   */
  static String fileProblem(java.nio.file.FileSystemException f) {
    String what;
    if (f instanceof java.nio.file.NoSuchFileException) {
      what = "no such file";
    } else if (f instanceof java.nio.file.AccessDeniedException) {
      what = "permission denied";
    } else if (f instanceof java.nio.file.FileAlreadyExistsException) {
      what = "already exists";
    } else if (f instanceof java.nio.file.NotDirectoryException) {
      what = "not a directory";
    } else if (f instanceof java.nio.file.DirectoryNotEmptyException) {
      what = "directory not empty";
    } else if ("Is a directory".equals(f.getReason()) || "Not a directory".equals(f.getReason())) {
      what = f.getReason(); // the JDK's words for EISDIR and ENOTDIR
    } else {
      return f.getMessage();
    }
    return what + ": " + f.getFile() + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")");
  }

  /** @param options the library settings the command's options change, and those options */
  static String oneLine(Throwable ex, Map<String, String> options) {
    String msg = ex.getMessage();
    if (ex instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
      msg = fileProblem(f);
    } else if (msg == null || msg.isBlank()) {
      msg = "failed without a message (run with --verbose for its stack trace)";
    }
    for (Map.Entry<String, String> e : options.entrySet()) {
      msg = msg.replace(e.getKey(), e.getValue());
    }
    // A library message may quote a cause as "ConnectException: …": the class name says nothing to the user.
    msg = msg.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)*[A-Z][A-Za-z0-9]*(?:Exception|Error): ", "");
    return Printable.line(msg); // a service's message, a name in a CAR: nothing may rewrite the terminal
  }
}

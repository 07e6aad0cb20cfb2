package io.carmint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code carmint} command. This class owns the only {@code System.exit}; every subcommand is a class of its
 * own that calls library code, and {@link ErrorHandler} turns exceptions into one-line messages and exit codes.
 *
 * <p>Exit codes: 0 success, 1 a problem found (bad input data, verification failure, service error),
 * 2 bad usage (unknown option or profile, malformed argument).
 */
@Command(
    name = "carmint",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Turn files and folders into IPFS content (UnixFS DAGs, CAR files) locally, and upload them to an "
        + "NFT.Storage-compatible service, checking the CID.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint pack photos -o photos.car",
        "      Pack the folder photos into a CAR; print its root CID.",
        "  carmint cid photos --profile kubo",
        "      The CID 'ipfs add -r photos' would print, without writing anything.",
        "  carmint upload photos --endpoint http://127.0.0.1:8787",
        "      Pack, split and upload; print the CID the service confirmed.",
        "  carmint pack --help",
        "      Everything about one command.",
        "",
        "Exit codes:",
        "  0  success",
        "  1  a problem found: bad or incomplete data, a failed verification, a missing",
        "     file, an error of the service or gateway",
        "  2  usage: an unknown command or option, a malformed argument, a missing",
        "     setting",
        "",
        "Results go to standard output (--json: JSON objects); notes, warnings, progress",
        "and errors to standard error (-q: errors only).",
        "Shell completion: carmint completion bash|zsh|fish."})
public final class Main implements Runnable {
  /**
   * The subcommands, in the order help lists them. They are added in code rather than in the annotation so that
   * {@link #main} can build only the one being run: picocli introspects every subcommand it is given, which is a
   * good part of the start-up time of a short run.
   */
  static final List<Class<?>> SUBCOMMANDS = List.of(CommandLine.HelpCommand.class, CidCommand.class,
      PackCommand.class, RootsCommand.class, BlocksCommand.class, VerifyCommand.class, SplitCommand.class,
      GetBlockCommand.class, UploadCommand.class, NftCommand.class, CollectionCommand.class, StatusCommand.class,
      CheckCommand.class, ListCommand.class, DeleteCommand.class, ServeCommand.class, LsCommand.class,
      UnpackCommand.class, FetchCommand.class, ExtractCommand.class, HashCommand.class, IndexCommand.class,
      DetachIndexCommand.class, FilterCommand.class, CompletionCommand.class);

  /** Exit code for success. */
  public static final int EXIT_OK = 0;
  /** Exit code for a problem found in the data or reported by a service. */
  public static final int EXIT_PROBLEM = 1;
  /** Exit code for bad usage. */
  public static final int EXIT_USAGE = 2;

  @Option(names = "--verbose", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Print results and errors only: no progress, notes or warnings.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The byte streams and terminals; replaceable in tests. */
  private Console console = Console.system();

  /** The progress bar being drawn, erased before a message is printed; none if none. */
  private ProgressBar progress = ProgressBar.none();

  /** @return the streams and terminals of this run */
  Console console() {
    return console;
  }

  /** @return the {@link Main} of the command line a command belongs to */
  static Main of(CommandLine.Model.CommandSpec spec) {
    return (Main) spec.root().userObject();
  }

  /** Records the bar being drawn, so that {@link #note} can erase it first. */
  synchronized void progress(ProgressBar bar) {
    progress = bar;
  }

  /**
   * Prints {@code carmint: MESSAGE} on standard error (the progress bar erased first), unless {@code -q}: for
   * notes and warnings, not for results or errors.
   */
  synchronized void note(String message) {
    if (quiet) {
      return;
    }
    progress.erase();
    PrintWriter err = spec.commandLine().getErr();
    err.println("carmint: " + message);
    err.flush();
  }

  /** Environment variables the commands read (NFT_STORAGE_TOKEN, NFT_STORAGE_ENDPOINT); replaceable in tests. */
  private Map<String, String> environment = System.getenv();

  /** @return the environment variable {@code name}, or null */
  String env(String name) {
    return environment.get(name);
  }

  /** {@code carmint} without a command: a usage error (exit code {@value #EXIT_USAGE}). */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command; see 'carmint --help'");
  }

  /**
   * @param out where results go
   * @param err where errors, notes and progress go
   * @return a configured command line writing to the given streams; tests run it in-process
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, System.getenv());
  }

  /** As {@link #commandLine(PrintWriter, PrintWriter)}, reading environment variables from {@code env}. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
    return commandLine(out, err, env, SUBCOMMANDS);
  }

  /**
   * As {@link #commandLine(PrintWriter, PrintWriter, Map)} for the command line {@code args}: when its first
   * argument names a subcommand (other than {@code help}), only that subcommand is built; it parses, runs and
   * prints its help exactly as in the full command line.
   */
  static CommandLine commandLineFor(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    if (args.length > 0 && !args[0].equals("help")) {
      for (Class<?> c : SUBCOMMANDS) {
        if (c.getAnnotation(Command.class).name().equals(args[0])) {
          return commandLine(out, err, env, List.of(c));
        }
      }
    }
    return commandLine(out, err, env);
  }

  /** As {@link #commandLine(PrintWriter, PrintWriter, Map)} with the subcommands given. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env,
      List<Class<?>> subcommands) {
    return commandLine(out, err, env, subcommands, Console.system());
  }

  /** As {@link #commandLine(PrintWriter, PrintWriter, Map, List)} with the byte streams and terminals given. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env,
      List<Class<?>> subcommands, Console console) {
    Main main = new Main();
    main.environment = Map.copyOf(env);
    main.console = console;
    CommandLine cl = new CommandLine(main);
    for (Class<?> c : subcommands) {
      cl.addSubcommand(c);
    }
    cl.setOut(out);
    cl.setErr(err);
    ErrorHandler handler = new ErrorHandler(() -> main.verbose);
    cl.setExecutionExceptionHandler(handler);
    cl.setParameterExceptionHandler(handler);
    CommandLine.IExecutionStrategy run = cl.getExecutionStrategy();
    cl.setExecutionStrategy(parsed -> {
      try (ClientLog log = ClientLog.install(main::note)) {
        return run.execute(parsed);
      } catch (Error e) { // picocli hands only Exceptions to the handler; errors would end in a raw stack trace
        return handler.handleError(e, parsed.commandSpec().commandLine());
      }
    });
    return cl;
  }

  /**
   * picocli's documented switch for leaving built-in type converters out. By default picocli registers converters
   * for {@code java.sql} and {@code java.time} types at start-up, loading and initialising those classes by
   * reflection on every run; no option of carmint has such a type ({@code MainTest} checks).
   */
  static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";
  static final String UNUSED_CONVERTERS = "java\\.sql\\..*,java\\.time\\..*";

  /**
   * Runs the command and exits with its code.
   *
   * @param args the command line, e.g. {@code pack site -o site.car}
   */
  public static void main(String[] args) {
    if (System.getProperty(CONVERTER_EXCLUDES) == null) {
      System.setProperty(CONVERTER_EXCLUDES, UNUSED_CONVERTERS);
    }
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = commandLineFor(args, out, err, System.getenv()).execute(args);
    System.out.flush();
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Reads the version the build wrote into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {"carmint " + p.getProperty("version", "unknown")};
    }
  }
}

package io.carmint.cli;

import io.carmint.car.NftStorageLimits;
import io.carmint.testkit.DataCheck;
import io.carmint.testkit.LocalNftStorage;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code carmint serve}: runs the embedded NFT.Storage-compatible service and Trustless Gateway until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run a local NFT.Storage-compatible service (the testkit's LocalNftStorage) until interrupted: "
        + "uploads of CARs, blobs and multipart files, status, check, list and delete, with the real service's "
        + "checks and limits. For tests and development; the official JS client works against it unchanged.",
        "Also a Trustless Gateway, no token needed: GET/HEAD /ipfs/{cid}[/{path}] with ?format=raw or ?format=car "
            + "(or Accept: application/vnd.ipld.raw, application/vnd.ipld.car) serves the blocks it holds.",
        "Slow clients cannot hold the service: request heads and bodies have deadlines and each client address a "
            + "connection limit.",
        "Stored blocks are hash-checked when read; an upload holding a damaged block is reported failed until the "
            + "block is uploaded again (the same CAR or files, or any CAR holding it), which repairs it. With --data, "
            + "files that cannot be read at start are moved to DIR/quarantine with a warning; --check-data DIR "
            + "checks a whole store.",
        "Prints the endpoint URL on standard output once it is serving."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  NFT_STORAGE_TOKEN=secret carmint serve",
        "      Serve http://127.0.0.1:8787 in memory, accepting the token secret.",
        "  carmint serve --port 0 --data store --token-file tokens.txt",
        "      Any free port, uploads kept in store/, tokens read from a file.",
        "  carmint serve --check-data store",
        "      Check a data directory exit code 1 if anything is damaged."})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", defaultValue = "8787",
      description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  /** Tokens for serve, {@code token[:scope]} separated by commas or whitespace. */
  static final String TOKENS_VARIABLE = "CARMINT_SERVE_TOKENS";

  @Option(names = "--token", paramLabel = "T[:SCOPE]",
      description = "Accept T as a Bearer token, of an account named SCOPE (repeatable). Visible to other users in "
          + "'ps': prefer --token-file or $" + TOKENS_VARIABLE + ".")
  List<String> tokens = new ArrayList<>();

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Accept the tokens in FILE, one 'T' or 'T:SCOPE' a line (blank lines and lines starting with # "
          + "are skipped).")
  Path tokenFile;

  @Option(names = "--check-data", paramLabel = "DIR",
      description = "Do not serve: check the data directory DIR (every CAR's and block's hash, every record, every "
          + "upload's DAG; read-only, safe while a service runs on it), print what is damaged, and exit "
          + Main.EXIT_PROBLEM + " if anything is.")
  Path checkData;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Keep uploads in DIR, safe across crashes and restarts (default: in memory).")
  Path data;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; anything else exposes the service).")
  String bind;

  @Option(names = "--max-request-size", paramLabel = "SIZE", converter = SizeConverter.class,
      defaultValue = (NftStorageLimits.MAX_REQUEST_SIZE / 1_000_000) + "MB",
      description = "Largest request body (default: ${DEFAULT-VALUE}, as NFT.Storage).")
  long maxRequestSize;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "8",
      description = "Requests handled at once; clients still sending hold none (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      defaultValue = "30s", description = "Close a connection that sends nothing and takes nothing of its answer "
          + "for this long; a stalled body is answered 408 (default: ${DEFAULT-VALUE}).")
  Duration idleTimeout;

  @Option(names = "--header-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      defaultValue = "20s", description = "Close a connection whose request line and headers are not all in this "
          + "long after it opened or after its previous answer (default: ${DEFAULT-VALUE}).")
  Duration headerTimeout;

  @Option(names = "--min-body-rate", paramLabel = "SIZE", converter = SizeConverter.class, defaultValue = "1KiB",
      description = "Slowest average request body accepted, per second, once one idle timeout has passed; slower "
          + "is answered 408; 0 turns it off (default: ${DEFAULT-VALUE}).")
  long minBodyRate;

  @Option(names = "--max-connections-per-address", paramLabel = "N", defaultValue = "64",
      description = "Connections one client address may hold; more are closed as they open "
          + "(default: ${DEFAULT-VALUE}).")
  int maxConnectionsPerAddress;

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  /** Released to stop serving (tests); interrupts do the same. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws IOException {
    if (checkData != null) {
      return checkData();
    }
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0..65535, got " + port);
    }
    List<String> accepted = tokens();
    if (accepted.isEmpty()) {
      throw new UsageException("serve needs at least one token: --token-file FILE, $" + TOKENS_VARIABLE + ", --token "
          + "T or $" + ServiceOptions.TOKEN_VARIABLE);
    }
    Main main = Main.of(spec);
    LocalNftStorage.Builder b = LocalNftStorage.builder().port(port).dataDirectory(data)
        .warnings(w -> main.note("warning: " + w));
    try {
      b.maxRequestBytes(maxRequestSize).threads(threads).idleTimeout(idleTimeout).headerTimeout(headerTimeout)
          .minBodyRate(minBodyRate).maxConnectionsPerAddress(maxConnectionsPerAddress);
      b.bindAddress(InetAddress.getByName(bind));
      for (int i = 0; i < accepted.size(); i++) {
        String entry = accepted.get(i);
        int colon = entry.lastIndexOf(':');
        if (colon > 0 && colon < entry.length() - 1) {
          b.token(entry.substring(0, colon), entry.substring(colon + 1));
        } else {
          b.token(entry, accepted.size() == 1 ? LocalNftStorage.DEFAULT_SCOPE : "token-" + (i + 1));
        }
      }
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    LocalNftStorage service;
    try {
      service = b.build().start();
    } catch (IOException e) {
      if (bindFailure(e)) {
        throw new ProblemException("port " + port + " is in use on " + bind + "; choose another with --port (0 for "
            + "any free one)");
      }
      throw e;
    }
    Thread hook = new Thread(service::stop, "carmint-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      PrintWriter out = spec.commandLine().getOut();
      out.println(service.endpoint());
      out.flush();
      main.note("serving " + service.endpoint() + " with " + accepted.size() + " token(s), storage "
          + (data == null ? "in memory" : data.toString()) + "; Ctrl-C stops");
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      service.stop();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down; the hook stops the service
      }
    }
    return Main.EXIT_OK;
  }

  /** @return whether {@code e} or one of its causes is a failure to bind the listening socket */
  private static boolean bindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the token entries ({@code T} or {@code T:SCOPE}) of {@code --token}, {@code --token-file} and
   *     {@code CARMINT_SERVE_TOKENS}, in that order; if there are none, {@code NFT_STORAGE_TOKEN}'s
   */
  private List<String> tokens() throws IOException {
    List<String> all = new ArrayList<>(tokens);
    if (tokenFile != null) {
      for (String line : Files.readAllLines(tokenFile, StandardCharsets.UTF_8)) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          all.add(t);
        }
      }
      if (all.size() == tokens.size()) {
        throw new UsageException("Token file " + tokenFile + " holds no token");
      }
    }
    String fromEnv = main.env(TOKENS_VARIABLE);
    if (fromEnv != null) {
      for (String t : fromEnv.split("[,\\s]+")) {
        if (!t.isEmpty()) {
          all.add(t);
        }
      }
    }
    String single = main.env(ServiceOptions.TOKEN_VARIABLE);
    if (all.isEmpty() && single != null && !single.isBlank()) {
      all.add(single.strip());
    }
    return all;
  }

  /** {@code --check-data DIR}: checks the store, prints its problems and a summary; exit 1 if any. */
  private int checkData() throws IOException {
    DataCheck check;
    try {
      check = LocalNftStorage.checkData(checkData);
    } catch (NoSuchFileException e) {
      throw new UsageException(checkData + " is not a data directory of carmint serve (no cars/ or records/)");
    }
    PrintWriter out = spec.commandLine().getOut();
    for (String p : check.problems()) {
      out.println("problem: " + p);
    }
    out.println(String.format(Locale.ROOT, "checked %,d CAR(s) holding %,d block(s), %,d upload(s): %,d pinned, "
        + "%,d pinning, %,d failed", check.cars(), check.blocks(), check.uploads(), check.pinned(), check.pinning(),
        check.uploads() - check.pinned() - check.pinning()));
    out.flush();
    if (!check.ok()) {
      throw new ProblemException(checkData + ": " + check.problems().size() + " problem(s) found");
    }
    out.println("ok");
    out.flush();
    return Main.EXIT_OK;
  }
}

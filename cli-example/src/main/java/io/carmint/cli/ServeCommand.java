package io.carmint.cli;

import io.carmint.car.NftStorageLimits;
import io.carmint.testkit.LocalNftStorage;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        "Prints the endpoint URL on standard output once it is serving."})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", defaultValue = "8787",
      description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--token", paramLabel = "T",
      description = "Accept T as a Bearer token (repeatable; default: $" + ServiceOptions.TOKEN_VARIABLE + ").")
  List<String> tokens = new ArrayList<>();

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
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0..65535, got " + port);
    }
    List<String> accepted = new ArrayList<>(tokens);
    if (accepted.isEmpty() && main.env(ServiceOptions.TOKEN_VARIABLE) != null) {
      accepted.add(main.env(ServiceOptions.TOKEN_VARIABLE).strip());
    }
    if (accepted.isEmpty()) {
      throw new UsageException("serve needs at least one --token T (or " + ServiceOptions.TOKEN_VARIABLE + ")");
    }
    LocalNftStorage.Builder b = LocalNftStorage.builder().port(port).dataDirectory(data);
    try {
      b.maxRequestBytes(maxRequestSize).threads(threads).idleTimeout(idleTimeout).headerTimeout(headerTimeout)
          .minBodyRate(minBodyRate).maxConnectionsPerAddress(maxConnectionsPerAddress);
      b.bindAddress(InetAddress.getByName(bind));
      for (int i = 0; i < accepted.size(); i++) {
        b.token(accepted.get(i), accepted.size() == 1 ? LocalNftStorage.DEFAULT_SCOPE : "token-" + (i + 1));
      }
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    LocalNftStorage service = b.build().start();
    Thread hook = new Thread(service::stop, "carmint-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      PrintWriter out = spec.commandLine().getOut();
      out.println(service.endpoint());
      out.flush();
      spec.commandLine().getErr().println("carmint: serving " + service.endpoint() + " with " + accepted.size()
          + " token(s), storage " + (data == null ? "in memory" : data.toString()) + "; Ctrl-C stops");
      spec.commandLine().getErr().flush();
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
}

package io.carmint.cli;

import io.carmint.car.NftStorageLimits;
import io.carmint.testkit.LocalNftStorage;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code carmint serve}: runs the embedded NFT.Storage-compatible service until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run a local NFT.Storage-compatible service (the testkit's LocalNftStorage) until interrupted: "
        + "uploads of CARs, blobs and multipart files, status, check, list and delete, with the real service's "
        + "checks and limits. For tests and development; the official JS client works against it unchanged.",
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
    LocalNftStorage.Builder b = LocalNftStorage.builder().port(port).dataDirectory(data)
        .maxRequestBytes(maxRequestSize);
    try {
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

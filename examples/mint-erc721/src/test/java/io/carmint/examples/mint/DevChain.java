package io.carmint.examples.mint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A local EVM development chain: Hardhat's node (automining: every transaction is in a block when its hash comes
 * back) on a free loopback port, with one funded account whose private key is handed over in the environment, never
 * on the command line or in a file. {@link #close()} ends the process (forcibly after 10 s); a JVM shutdown hook
 * does the same if the JVM exits first, so no chain outlives its run.
 */
final class DevChain implements AutoCloseable {
  /** What Hardhat prints once its JSON-RPC server listens. */
  private static final String READY = "Started HTTP and WebSocket JSON-RPC server at ";
  /** Terminal colour and style sequences (ESC [ ... letter), which Hardhat's chalk adds when it thinks it may. */
  private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
  /** Lines of the chain's output kept for an error message. */
  private static final int TAIL_LINES = 40;

  private final Process process;
  private final URI rpc;
  private final Thread shutdownHook;
  private final Deque<String> tail = new ArrayDeque<>();

  private DevChain(ChainTools tools, String minterKey) throws IOException {
    // Hardhat reports the port it was given, not the one it got, so it cannot be given port 0: a port the OS just
    // handed out and released is free unless another process takes it in between (then the start fails, saying so).
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder(tools.node("node_modules/hardhat/internal/cli/bootstrap.js", "node",
        "--hostname", "127.0.0.1", "--port", Integer.toString(port), "--config", "hardhat.config.cjs"))
        .directory(tools.dir().toFile()).redirectErrorStream(true);
    pb.environment().put("CARMINT_MINTER_KEY", minterKey);
    pb.environment().put("HARDHAT_DISABLE_TELEMETRY_PROMPT", "true");
    // Plain output: a CI that sets FORCE_COLOR (or a terminal-like TERM) would otherwise get the ready line wrapped
    // in colour codes. The reader strips them as well, in case a chalk version ignores these variables.
    pb.environment().put("FORCE_COLOR", "0");
    pb.environment().put("NO_COLOR", "1");
    this.rpc = URI.create("http://127.0.0.1:" + port + "/");
    this.process = pb.start();
    this.shutdownHook = new Thread(this::stop, "dev-chain-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts the chain and returns once its RPC server listens.
   *
   * @param minterKey the funded account's private key (0x and 64 hex digits)
   * @throws IOException if the chain exits or does not listen within 2 minutes (its output in the message)
   */
  static DevChain start(ChainTools tools, String minterKey) throws IOException, InterruptedException {
    DevChain chain = new DevChain(tools, minterKey);
    try {
      chain.awaitReady();
      return chain;
    } catch (IOException | InterruptedException | RuntimeException e) {
      chain.close();
      throw e;
    }
  }

  /** @return the JSON-RPC endpoint, {@code http://127.0.0.1:<port>/} */
  URI rpc() {
    return rpc;
  }

  /** @return the chain's process (for checks that it has ended) */
  Process process() {
    return process;
  }

  /**
   * Reads the chain's output on a daemon thread for as long as it runs (a full pipe would stop Hardhat, which logs
   * every call), keeping the last lines; the future completes when the ready line appears.
   */
  private void awaitReady() throws IOException, InterruptedException {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String raw; (raw = r.readLine()) != null; ) {
          String line = ANSI_ESCAPE.matcher(raw).replaceAll("");
          if (line.contains(READY)) {
            ready.complete(null);
          }
          synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) {
              tail.removeFirst();
            }
          }
        }
        ready.completeExceptionally(new IOException("the chain exited before listening"));
      } catch (IOException e) {
        ready.completeExceptionally(new UncheckedIOException(e));
      }
    }, "dev-chain-output");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(2, TimeUnit.MINUTES);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("Hardhat's node did not start on " + rpc + " (" + e.getCause() + "); its output:\n"
          + output(), e);
    }
  }

  /** @return the last lines the chain printed, the account's private key that Hardhat lists blanked out */
  String output() {
    synchronized (tail) {
      return String.join("\n", tail).replaceAll("(?i)private key: *0x[0-9a-f]+", "Private Key: (not shown)");
    }
  }

  private void stop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the chain's process and waits for it. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: the process is ended either way
    }
  }
}

package io.carmint.cli;

import io.carmint.car.NftStorageLimits;
import io.carmint.client.NftStorageClient;
import io.carmint.client.NftStorageClientBuilder;
import io.carmint.client.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options shared by the commands that talk to a service: where it is and how to authenticate. The token is never
 * an option value (command lines are visible to other users): it comes from {@code NFT_STORAGE_TOKEN} or a file.
 */
final class ServiceOptions {
  static final String ENDPOINT_VARIABLE = "NFT_STORAGE_ENDPOINT";
  static final String TOKEN_VARIABLE = "NFT_STORAGE_TOKEN";

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "The service's base URL, e.g. http://127.0.0.1:8787 (default: $" + ENDPOINT_VARIABLE + ").")
  String endpoint;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Read the API token from FILE (default: $" + TOKEN_VARIABLE + ").")
  Path tokenFile;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "" + NftStorageLimits.MAX_RETRIES,
      description = "Retries of a request after network errors, 5xx and 429 (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--call-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      defaultValue = "60s", description = "Longest one attempt of a request may take, answer read, e.g. 90s "
          + "(default: ${DEFAULT-VALUE}; an upload also gets the time to send its body at 64KiB/s; 0 for none).")
  Duration callTimeout;

  @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "5m",
      description = "Longest a request may take with all its retries, e.g. 10m (default: ${DEFAULT-VALUE}; an "
          + "upload also gets the time to send its body at 64KiB/s; 0 for none).")
  Duration deadline;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  private Main main() {
    return (Main) mixee.root().userObject();
  }

  /**
   * @param tokenRequired whether the command cannot work without a token
   * @return a builder with the endpoint, token and retries set
   * @throws UsageException if the endpoint (or a required token) is missing, or malformed
   */
  NftStorageClientBuilder clientBuilder(boolean tokenRequired) throws IOException {
    String url = endpoint != null ? endpoint : main().env(ENDPOINT_VARIABLE);
    if (url == null || url.isBlank()) {
      throw new UsageException("No service endpoint: pass --endpoint URL or set " + ENDPOINT_VARIABLE
          + " (NFT.Storage Classic no longer takes uploads; use a compatible service or 'carmint serve')");
    }
    if (retries < 0) {
      throw new UsageException("--retries must not be negative, got " + retries);
    }
    NftStorageClientBuilder b = NftStorageClient.builder();
    try {
      b.endpoint(url);
    } catch (IllegalArgumentException e) {
      throw new UsageException("Bad endpoint '" + url + "': " + urlProblem(e));
    }
    checkReachable(url);
    String token = token();
    if (token == null && tokenRequired) {
      throw new UsageException("No API token: set " + TOKEN_VARIABLE + " or pass --token-file FILE");
    }
    try {
      b.token(token);
    } catch (IllegalArgumentException e) {
      throw new UsageException("Invalid token: " + e.getMessage());
    }
    return b.retryPolicy(RetryPolicy.builder().maxRetries(retries).build()).callTimeout(callTimeout)
        .deadline(deadline);
  }

  /**
   * @return what is wrong with a URL, in words: the reason and position of a {@link java.net.URISyntaxException}
   *     (not its class name and quoted input), else the message
   */
  static String urlProblem(IllegalArgumentException e) {
    if (e.getCause() instanceof java.net.URISyntaxException u) {
      return "not a URL: " + u.getReason().toLowerCase(java.util.Locale.ROOT)
          + (u.getIndex() >= 0 ? " at character " + (u.getIndex() + 1) : "");
    }
    return e.getMessage();
  }

  /** How long the reachability check waits for a connection before leaving the question to the client. */
  static final int CONNECT_CHECK_MILLIS = 3000;

  /**
   * Fails fast, with one clear line, when nothing listens at the endpoint (connection refused) or its host does not
   * resolve: the client would retry such a request for half a minute. Any other outcome (a slow or filtered network)
   * is left to the client's own timeouts and retries.
   *
   * @throws ProblemException if the connection is refused or the host unknown
   */
  static void checkReachable(String url) {
    URI uri = URI.create(url.strip());
    String host = uri.getHost();
    if (host == null) {
      return;
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), CONNECT_CHECK_MILLIS);
    } catch (UnknownHostException e) {
      throw new ProblemException("Cannot reach " + url + ": unknown host " + host);
    } catch (ConnectException e) {
      throw new ProblemException("Cannot reach " + url + ": connection refused (is the service running? check "
          + "--endpoint or $" + ENDPOINT_VARIABLE + ")");
    } catch (IOException | IllegalArgumentException | SecurityException e) {
      // a timeout or another network state: the client's timeouts and retries decide
    }
  }

  private String token() throws IOException {
    if (tokenFile != null) {
      String text = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        throw new UsageException("Token file " + tokenFile + " is empty");
      }
      return text.lines().findFirst().orElse("").strip();
    }
    String fromEnv = main().env(TOKEN_VARIABLE);
    return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
  }
}

package io.carmint.cli;

import io.carmint.car.NftStorageLimits;
import io.carmint.client.NftStorageClient;
import io.carmint.client.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  NftStorageClient.Builder clientBuilder(boolean tokenRequired) throws IOException {
    String url = endpoint != null ? endpoint : main().env(ENDPOINT_VARIABLE);
    if (url == null || url.isBlank()) {
      throw new UsageException("No service endpoint: pass --endpoint URL or set " + ENDPOINT_VARIABLE
          + " (NFT.Storage Classic no longer takes uploads; use a compatible service or 'carmint serve')");
    }
    if (retries < 0) {
      throw new UsageException("--retries must not be negative, got " + retries);
    }
    NftStorageClient.Builder b = NftStorageClient.builder();
    try {
      b.endpoint(url);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    String token = token();
    if (token == null && tokenRequired) {
      throw new UsageException("No API token: set " + TOKEN_VARIABLE + " or pass --token-file FILE");
    }
    try {
      b.token(token);
    } catch (IllegalArgumentException e) {
      throw new UsageException("Invalid token: " + e.getMessage());
    }
    return b.retryPolicy(RetryPolicy.builder().maxRetries(retries).build());
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

package io.carmint.examples;

import io.carmint.client.Nft;
import io.carmint.client.NftStorageClient;
import io.carmint.client.RetryPolicy;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The {@code <pre>{@code …}</pre>} examples of this module's Javadoc, compiled so that they cannot rot: each marked
 * region is the text of one example ({@code DocExamplesTest} in carmint-cli checks they are equal). Compiled, not
 * run: the examples name a service and a CID a reader would supply.
 */
@SuppressWarnings({"unused", "resource"})
final class JavadocExamples {
  private JavadocExamples() {}

  static void nftStorageClient() throws IOException {
    // --- Javadoc example ---
    NftStorageClient client = NftStorageClient.builder()
        .endpoint(URI.create("https://api.example.org"))
        .token(System.getenv("NFT_STORAGE_TOKEN"))
        .build();
    Nft nft = client.status(Cid.parse("bafy..."));
    // --- end ---
  }

  static void retryPolicy() {
    // --- Javadoc example ---
    RetryPolicy patient = RetryPolicy.builder().maxRetries(8).maxDelay(Duration.ofMinutes(1)).build();
    // --- end ---
  }
}

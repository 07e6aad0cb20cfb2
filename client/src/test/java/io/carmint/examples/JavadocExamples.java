package io.carmint.examples;

import io.carmint.client.Nft;
import io.carmint.client.NftStorageClient;
import io.carmint.client.RetryPolicy;
import io.carmint.client.gateway.FetchResult;
import io.carmint.client.gateway.IpfsPath;
import io.carmint.client.gateway.TrustlessGatewayClient;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
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

  static void trustlessGatewayClient() throws IOException {
    // --- Javadoc example ---
    try (TrustlessGatewayClient client = TrustlessGatewayClient.builder()
        .gateway(URI.create("https://trustless-gateway.link"))   // tried in order; add fall-backs
        .build()) {
      FetchResult r = client.fetch(IpfsPath.parse("bafy.../docs/readme.txt"), Path.of("readme.txt"));
      System.out.println(r.blocks() + " blocks verified from " + r.gateway());
    }
    // --- end ---
  }

  static void ipfsPath() {
    // --- Javadoc example ---
    IpfsPath p = IpfsPath.parse("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/wiki/index.html");
    p.root();        // the CID
    p.segments();    // [wiki, index.html]
    p.toString();    // /ipfs/bafybei.../wiki/index.html
    // --- end ---
  }
}

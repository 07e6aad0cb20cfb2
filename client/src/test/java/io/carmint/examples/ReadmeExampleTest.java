package io.carmint.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.client.Nft;
import io.carmint.client.NftStorageClient;
import io.carmint.client.PinStatus;
import io.carmint.client.gateway.DagScope;
import io.carmint.client.gateway.FetchListener;
import io.carmint.client.gateway.FetchRequest;
import io.carmint.client.gateway.FetchResult;
import io.carmint.client.gateway.IpfsPath;
import io.carmint.client.gateway.LyingGateway;
import io.carmint.client.gateway.TestDags;
import io.carmint.client.gateway.TrustlessGatewayClient;
import io.carmint.multiformats.Cid;
import java.util.concurrent.CompletableFuture;
import io.carmint.testkit.LocalNftStorage;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import io.carmint.unixfs.importer.ImportProfile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The example of client/README.md, compiled and run against the local service. */
class ReadmeExampleTest {
  @RegisterExtension
  static final LocalNftStorageExtension SERVICE =
      new LocalNftStorageExtension(LocalNftStorage.builder().token("my-token").build());

  @TempDir
  Path dir;

  @Test
  void readmeExample() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("nft"));
    Files.writeString(folder.resolve("metadata.json"), "{\"name\":\"cat\"}");
    URI endpoint = SERVICE.endpoint();
    String token = "my-token";

    // --- README example ---
    try (NftStorageClient client = NftStorageClient.builder()
        .endpoint(endpoint)                  // always configured: e.g. http://127.0.0.1:8787
        .token(token)                        // e.g. System.getenv("NFT_STORAGE_TOKEN")
        .build()) {
      Nft nft = client.upload(folder, ImportProfile.DEFAULT); // packs locally, splits, uploads, checks the root
      System.out.println(nft.cid());                          // the CID computed here, confirmed by the service
      PinStatus status = client.status(nft.cid()).pin().status(); // PINNED once every piece arrived
      long back = client.verifyStored(nft.cid()).blocks();      // fetched back via {endpoint}/ipfs/, all verified
    }
    // --- end ---
    try (NftStorageClient check = NftStorageClient.builder().endpoint(endpoint).token(token).build()) {
      List<Nft> uploads = check.list().nfts();
      assertEquals(1, uploads.size());
      assertEquals(PinStatus.PINNED, check.status(uploads.get(0).cid()).pin().status());
    }
  }

  @Test
  void fetchExample() throws Exception {
    TestDags dags = new TestDags();
    Cid cid = dags.addTree();
    try (LyingGateway honest = new LyingGateway(dags); LyingGateway fallBack = new LyingGateway(dags)) {
      String rootCid = cid.toString();
      Path out = dir.resolve("big.bin");
      String gateway = honest.uri().toString();
      String secondGateway = fallBack.uri().toString();
      FetchListener listener = FetchListener.NONE;

      // --- README example ---
      try (TrustlessGatewayClient client = TrustlessGatewayClient.builder()
          .gateway(gateway).gateway(secondGateway)      // tried in order, each from scratch
          .build()) {
        FetchResult r = client.fetch(IpfsPath.parse(rootCid + "/docs/big.bin"), out); // out must not exist
        System.out.println(r.blocks() + " blocks verified from " + r.gateway());
        client.fetchCar(IpfsPath.parse(rootCid), DagScope.ENTITY, dir.resolve("root.car")); // a verified CAR
        CompletableFuture<FetchResult> f = client.fetchAsync(
            FetchRequest.verify(IpfsPath.parse(rootCid), DagScope.ALL).listener(listener)); // progress
        f.cancel(true);                                 // closes the connection; nothing is written
      }
      // --- end ---
      assertArrayEquals(TestDags.tree().get("docs/big.bin"), Files.readAllBytes(out));
    }
  }
}

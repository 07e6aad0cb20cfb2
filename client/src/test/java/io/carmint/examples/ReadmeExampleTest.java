package io.carmint.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.client.CheckResult;
import io.carmint.client.Nft;
import io.carmint.client.NftStorageClient;
import io.carmint.client.PinStatus;
import io.carmint.nft.CollectionResult;
import io.carmint.nft.NftAsset;
import io.carmint.nft.NftCollection;
import io.carmint.nft.NftMetadata;
import io.carmint.nft.NftToken;
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
import io.carmint.pack.CarPacker;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.Importer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The examples of client/README.md and of the root README's Minting section, run against the local service. */
class ReadmeExampleTest {
  @RegisterExtension
  static final LocalNftStorageExtension SERVICE =
      new LocalNftStorageExtension(LocalNftStorage.builder().token("my-token").token("mint-token")
          .token("quick-token").build());

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
      PinStatus status = client.status(nft.cid()).pinStatus(); // PINNED once every piece arrived
      long back = client.verifyStored(nft.cid()).blocks();      // fetched back via {endpoint}/ipfs/, all verified
    }
    // --- end ---
    try (NftStorageClient check = NftStorageClient.builder().endpoint(endpoint).token(token).build()) {
      List<Nft> uploads = check.list().nfts();
      assertEquals(1, uploads.size());
      assertEquals(PinStatus.PINNED, check.status(uploads.get(0).cid()).pinStatus());
    }
  }

  /** The first example of the root README.md: pack a folder, print the CID, upload, check. */
  @Test
  void rootReadmeExample() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("site"));
    Files.writeString(folder.resolve("index.html"), "<h1>hello</h1>");
    Files.write(folder.resolve("big.bin"), new byte[3_000_000]); // three 1 MiB chunks
    URI endpoint = SERVICE.endpoint();
    String token = "quick-token";

    // --- README example ---
    Path car = folder.resolveSibling(folder.getFileName() + ".car");
    Cid root = CarPacker.of().pack(folder, car).root();  // the CID ipfs-car computes, computed here
    System.out.println(root);
    try (NftStorageClient client = NftStorageClient.builder().endpoint(endpoint).token(token).build()) {
      Nft stored = client.storeCar(car);                 // fails unless the service stores exactly that root
      CheckResult check = client.check(root);            // public: anyone can check, no token sent
      System.out.println(stored.pinStatus() + " " + check.pinStatus()); // PINNED PINNED
    }
    // --- end ---
    assertEquals(Importer.cid(folder), root);
    assertEquals(dir.resolve("site.car"), car);
    try (NftStorageClient client = NftStorageClient.builder().endpoint(endpoint).token(token).build()) {
      Nft stored = client.status(root);
      assertEquals(PinStatus.PINNED, stored.pinStatus());
      assertEquals(PinStatus.PINNED, client.check(root).pinStatus());
    }
  }

  /** The Minting example of the root README.md. */
  @Test
  void mintingExample() throws Exception {
    Path cat = Files.write(dir.resolve("cat.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Path images = Files.createDirectories(dir.resolve("images"));
    Path metadata = Files.createDirectories(dir.resolve("metadata"));
    for (int i = 1; i <= 3; i++) {
      Files.write(images.resolve(i + ".png"), new byte[] {(byte) i});
      Files.writeString(metadata.resolve(i + ".json"), "{\"name\":\"#" + i + "\",\"image\":\"" + i + ".png\"}");
    }
    Path out = dir.resolve("out");
    URI endpoint = SERVICE.endpoint();
    String apiToken = "mint-token"; // an account of its own: the other example lists its uploads

    // --- README example ---
    try (NftStorageClient client = NftStorageClient.builder().endpoint(endpoint).token(apiToken).build()) {
      // One token: the ipnft nft.storage's encodeNFT would compute, stored and checked by the service.
      NftToken token = client.storeNft(NftMetadata.builder()
          .name("Cat #1").description("A cat")
          .image(NftAsset.of(cat))
          .property("rarity", "rare")
          .build());
      System.out.println(token.url());         // ipfs://bafyrei…/metadata.json: the token URI

      // A collection: images packed, every metadata link pointed at them, metadata packed.
      CollectionResult c = NftCollection.builder().images(images).metadata(metadata).output(out).build().write();
      client.storeCar(c.imagesCar());          // each fails unless the service stores that root
      client.storeCar(c.metadataCar());
      System.out.println(c.baseUri());         // ipfs://bafy…/: the contract's base URI
    }
    // --- end ---
    try (NftStorageClient check = NftStorageClient.builder().endpoint(endpoint).token(apiToken).build()) {
      List<String> stored = new ArrayList<>();
      for (Nft n : check.list().nfts()) {
        assertEquals(PinStatus.PINNED, check.status(n.cid()).pinStatus());
        stored.add(n.cid().toString());
      }
      assertEquals(3, stored.size()); // the token, the images, the metadata
      String rewritten = Files.readString(out.resolve("metadata/2.json"));
      String imagesCid = rewritten.substring(rewritten.indexOf("ipfs://") + 7, rewritten.indexOf("/2.png"));
      assertTrue(stored.contains(imagesCid), rewritten);
    }
  }

  /** The Fetching example of the root README.md. */
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

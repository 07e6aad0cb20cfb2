package io.carmint.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.client.Nft;
import io.carmint.client.NftStorageClient;
import io.carmint.client.PinStatus;
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
    }
    // --- end ---
    try (NftStorageClient check = NftStorageClient.builder().endpoint(endpoint).token(token).build()) {
      List<Nft> uploads = check.list().nfts();
      assertEquals(1, uploads.size());
      assertEquals(PinStatus.PINNED, check.status(uploads.get(0).cid()).pin().status());
    }
  }
}

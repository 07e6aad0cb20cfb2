package io.carmint.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.nft.CollectionResult;
import io.carmint.nft.NftAsset;
import io.carmint.nft.NftCollection;
import io.carmint.nft.NftMetadata;
import io.carmint.nft.NftToken;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of nft/README.md, compiled and run so it cannot rot. */
class ReadmeExampleTest {
  @TempDir
  Path dir;

  @Test
  void readmeExample() throws Exception {
    Path cat = Files.write(dir.resolve("cat.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Path images = Files.createDirectories(dir.resolve("images"));
    Path metadata = Files.createDirectories(dir.resolve("metadata"));
    Files.write(images.resolve("1.png"), new byte[] {1});
    Files.writeString(metadata.resolve("1.json"), "{\"name\": \"#1\", \"image\": \"ipfs://NewUriToReplace/1.png\"}");
    Path out = dir.resolve("out");

    // --- README example ---
    NftToken token = NftMetadata.builder()
        .name("Cat #1").description("A cat")
        .image(NftAsset.of(cat))                         // streamed from disk when encoded
        .property("rarity", "rare")
        .build()
        .encode(dir.resolve("cat.car"));                  // the token's CAR, root = ipnft
    System.out.println(token.url());                      // ipfs://bafyrei…/metadata.json, as nft.storage's

    CollectionResult collection = NftCollection.builder()
        .images(images).metadata(metadata).output(out)   // out/images.car, out/metadata/, out/metadata.car
        .build().write();
    System.out.println(collection.baseUri());             // ipfs://bafy…/ for the contract
    // --- end ---
    assertTrue(token.metadataJson().startsWith("{\"name\":\"Cat #1\",\"description\":\"A cat\""));
    assertEquals("{\"name\": \"#1\", \"image\": \"ipfs://" + collection.imagesCid() + "/1.png\"}",
        Files.readString(out.resolve("metadata/1.json")));
  }
}

package io.carmint.examples;

import io.carmint.nft.CollectionResult;
import io.carmint.nft.NftAsset;
import io.carmint.nft.NftCollection;
import io.carmint.nft.NftMetadata;
import io.carmint.nft.NftToken;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code <pre>{@code …}</pre>} examples of carmint-nft's Javadoc, compiled here so that they cannot rot
 * ({@code DocExamplesTest} in carmint-cli checks each marked region equals its example). Compiled, not run: the
 * examples name files a reader would supply; {@code ReadmeExampleTest} runs the same calls.
 */
@SuppressWarnings("unused")
final class JavadocExamples {
  private JavadocExamples() {}

  static void nftMetadata() throws IOException {
    // --- Javadoc example ---
    NftMetadata metadata = NftMetadata.builder()
        .name("Cat #1")
        .description("A cat, minted with carmint")
        .image(NftAsset.of(Path.of("cat.png")))
        .property("rarity", "common")
        .property("video", NftAsset.of(Path.of("cat.mp4")))
        .build();
    NftToken token = metadata.encode(Path.of("cat.car"));
    System.out.println(token.url()); // ipfs://bafyrei…/metadata.json
    // --- end ---
  }

  static void nftAsset() {
    // --- Javadoc example ---
    NftAsset image = NftAsset.of(Path.of("art/cat.png"));          // named cat.png
    NftAsset video = NftAsset.of(Path.of("render.mp4"), "cat.mp4"); // stored and linked as cat.mp4
    // --- end ---
  }

  static void nftCollection() throws IOException {
    // --- Javadoc example ---
    CollectionResult r = NftCollection.builder()
        .images(Path.of("images"))        // 1.png … N.png
        .metadata(Path.of("metadata"))    // 1.json … N.json, _metadata.json
        .output(Path.of("out"))
        .build()
        .write();
    System.out.println(r.baseUri());      // ipfs://bafy…/  for setBaseURI
    // --- end ---
  }
}

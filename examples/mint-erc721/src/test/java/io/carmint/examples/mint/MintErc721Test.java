package io.carmint.examples.mint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The minting example end to end ({@link MintErc721}): a real chain (Hardhat's node from npm), a real contract
 * (OpenZeppelin's ERC-721 compiled by solc from npm), web3j, the embedded storage service and its gateway. Each
 * check compares with what the test wrote or with the other component's answer: the service's roots with carmint's
 * precomputed CIDs, the chain's {@code tokenURI} with the base URI, and the fetched files with the originals (the
 * metadata with its placeholder replaced here). Skipped, with the reason, where node or npm cannot provide the chain.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class MintErc721Test {
  @TempDir
  Path tmp;

  @Test
  void mintsAndVerifiesEveryToken() throws Exception {
    ChainTools tools;
    try {
      tools = ChainTools.install(Path.of("src/test/js/chain"));
    } catch (ChainTools.UnavailableException e) {
      assumeTrue(false, e.getMessage());
      return;
    }
    List<Path> folders = DemoCollection.write(tmp, MintErc721.TOKENS);
    Path images = folders.get(0);
    Path metadata = folders.get(1);

    MintErc721.Minted minted = MintErc721.run(tools, images, metadata, tmp, System.out);

    assertEquals(minted.imagesCid(), minted.storedImages(), "the service stored another images root");
    assertEquals(minted.metadataCid(), minted.storedMetadata(), "the service stored another metadata root");
    assertEquals(MintErc721.TOKENS, minted.tokens().size());
    String collector = minted.tokens().get(0).owner();
    assertTrue(collector.matches("0x[0-9a-f]{40}"), collector);
    for (int i = 1; i <= MintErc721.TOKENS; i++) {
      MintErc721.Token t = minted.tokens().get(i - 1);
      assertEquals(BigInteger.valueOf(i), t.id());
      assertEquals(collector, t.owner());
      assertEquals("ipfs://" + minted.metadataCid() + "/" + i, t.tokenUri());
      String image = "ipfs://" + minted.imagesCid() + "/" + i + ".png";
      assertEquals(image, t.imageUri());
      assertArrayEquals(Files.readAllBytes(images.resolve(i + ".png")), Files.readAllBytes(t.image()));
      String original = Files.readString(metadata.resolve(Integer.toString(i)));
      assertEquals(original.replace(DemoCollection.PLACEHOLDER + i + ".png", image), Files.readString(t.metadata()));
    }
    assertFalse(minted.chain().isAlive(), "the chain's process outlived the run");
  }

  /**
   * web3j 4.12 brings OkHttp 4.12 ({@code com.squareup.okhttp3:okhttp}), carmint's client OkHttp 5
   * ({@code okhttp-jvm}): the example's POM keeps one, which both use.
   */
  @Test
  void exactlyOneOkHttpOnTheClassPath() throws IOException {
    List<URL> found = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertEquals(1, found.size(), "okhttp3.OkHttpClient on the class loader: " + found);
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
        try (JarFile jar = new JarFile(p.toFile())) {
          if (jar.getEntry("okhttp3/OkHttpClient.class") != null) {
            entries.add(entry);
          }
        }
      } else if (Files.exists(p.resolve("okhttp3/OkHttpClient.class"))) {
        entries.add(entry);
      }
    }
    assertEquals(1, entries.size(), "class path entries holding okhttp3.OkHttpClient: " + entries);
  }
}

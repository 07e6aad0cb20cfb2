package io.carmint.examples.mint;

import static java.math.BigInteger.ONE;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmint.client.Nft;
import io.carmint.client.NftStorageClient;
import io.carmint.client.gateway.FetchResult;
import io.carmint.client.gateway.IpfsPath;
import io.carmint.client.gateway.TrustlessGatewayClient;
import io.carmint.multiformats.Cid;
import io.carmint.nft.CollectionResult;
import io.carmint.nft.NftCollection;
import io.carmint.testkit.LocalNftStorage;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.utils.Numeric;

/**
 * The end-to-end minting example: a collection's CIDs computed with carmint before anything is uploaded, an
 * OpenZeppelin ERC-721 deployed on a local chain with base URI {@code ipfs://<metadataCid>/} and minted with web3j,
 * both CARs uploaded to the embedded NFT.Storage-compatible service (which must store the CIDs computed first), and
 * every token read back from the chain and fetched through the service's trustless gateway, each block checked
 * against its CID, down to the image bytes. Prints a transcript of each step.
 *
 * <p>Run: {@code mvn -B -q -pl examples/mint-erc721 -am test-compile -Dmint} (the test {@code MintErc721Test} runs
 * the same in {@code mvn verify}).
 */
public final class MintErc721 {
  /** Tokens in the demo collection. */
  static final int TOKENS = 3;

  private MintErc721() {}

  /**
   * Runs the example in a fresh temporary folder with the npm project at {@code src/test/js/chain} (or the folder
   * the system property {@code carmint.example.chain} names). Exit status 0 when every check passed, 1 when one
   * failed, 2 when node/npm cannot provide the chain here.
   */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Path work = Files.createTempDirectory("mint-erc721-");
    ChainTools tools;
    try {
      tools = ChainTools.install(Path.of(System.getProperty("carmint.example.chain", "src/test/js/chain")));
    } catch (ChainTools.UnavailableException e) {
      System.err.println("mint-erc721: cannot run here: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      List<Path> folders = DemoCollection.write(work, TOKENS);
      run(tools, folders.get(0), folders.get(1), work, System.out);
      System.out.printf("done in %.1f s (work folder %s)%n", (System.nanoTime() - start) / 1e9, work);
    } catch (IOException | org.web3j.protocol.exceptions.TransactionException e) {
      System.err.println("mint-erc721: FAILED: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * What a run minted and verified.
   *
   * @param imagesCid the images folder's root, computed before the upload
   * @param metadataCid the metadata folder's root, computed before the upload
   * @param storedImages the root the service answered for the images CAR
   * @param storedMetadata the root the service answered for the metadata CAR
   * @param contract the ERC-721's address
   * @param tokens each token as read back from the chain and fetched
   * @param chain the chain's process, ended when {@link #run} returns
   */
  record Minted(Cid imagesCid, Cid metadataCid, Cid storedImages, Cid storedMetadata, String contract,
      List<Token> tokens, Process chain) {}

  /**
   * One token, read back.
   *
   * @param id the token id
   * @param owner {@code ownerOf(id)}
   * @param tokenUri {@code tokenURI(id)}
   * @param metadata the metadata fetched through the gateway, verified
   * @param imageUri the metadata's {@code image}
   * @param image the image fetched through the gateway, verified
   */
  record Token(BigInteger id, String owner, String tokenUri, Path metadata, String imageUri, Path image) {}

  /**
   * Runs every step on the collection in {@code images} and {@code metadata}: starts the chain and the storage
   * service, and stops both before returning, also when a step fails.
   *
   * @param work where the CARs, the rewritten metadata and the fetched files go
   * @param out the transcript
   * @throws IOException if a step or a check fails
   */
  static Minted run(ChainTools tools, Path images, Path metadata, Path work, PrintStream out)
      throws IOException, InterruptedException, org.web3j.protocol.exceptions.TransactionException {
    Path carDir = work.resolve("out");
    Path fetched = Files.createDirectories(work.resolve("fetched"));
    ChainTools.Compiled compiled = tools.compile("CarmintCollection");
    Credentials minter = Credentials.create(newKey());   // fresh for each run; funded by the chain
    String collector = "0x" + Keys.getAddress(newKey()); // who receives the tokens
    String apiToken = token();
    ObjectMapper json = new ObjectMapper();
    Web3j web3 = null;
    try (DevChain chain = DevChain.start(tools, Numeric.toHexStringWithPrefixZeroPadded(
            minter.getEcKeyPair().getPrivateKey(), 64));
        LocalNftStorage service = LocalNftStorage.builder().token(apiToken).build().start()) {
      URI endpoint = service.endpoint();
      out.println("chain    Hardhat " + ChainTools.HARDHAT + " node at " + chain.rpc() + "; " + compiled.contract()
          + " (OpenZeppelin " + compiled.openzeppelin() + " ERC721) compiled by solc " + compiled.compiler()
          + " for " + compiled.evmVersion());
      out.println("service  LocalNftStorage (NFT.Storage API and trustless gateway) at " + endpoint);
      List<Token> tokens = new ArrayList<>();
      // --- README example ---
      // 1. The CIDs, before anything leaves the machine: images packed, image links rewritten, metadata packed.
      CollectionResult c = NftCollection.builder().images(images).metadata(metadata).output(carDir).build().write();
      out.println("1. images " + c.imagesCid() + ", metadata " + c.metadataCid() + ", base URI " + c.baseUri());

      // 2. The ERC-721, deployed with web3j, signed locally by the minter's key: tokenURI(id) = base URI + id.
      web3 = Web3j.build(new HttpService(chain.rpc().toString()));
      long chainId = web3.ethChainId().send().getChainId().longValueExact();
      TransactionManager owner = new RawTransactionManager(web3, minter, chainId);
      Erc721 nft = Erc721.deploy(web3, owner, compiled.bytecode(), "carmint dots", "DOT", c.baseUri());
      TransactionReceipt d = nft.deployment();
      out.println("2. deployed " + nft.address() + " (tx " + d.getTransactionHash() + ", gas " + d.getGasUsed() + ")");

      // 3. Mint; then upload both CARs: storeCar fails unless the service stores the very root computed in 1.
      for (int i = 1; i <= TOKENS; i++) {
        TransactionReceipt r = nft.mint(collector);
        out.println("3. minted #" + i + " to " + collector + " (tx " + r.getTransactionHash() + ", gas "
            + r.getGasUsed() + ")");
      }
      Nft storedImages;
      Nft storedMetadata;
      try (NftStorageClient storage = NftStorageClient.builder().endpoint(endpoint).token(apiToken).build()) {
        storedImages = storage.storeCar(c.imagesCar());
        storedMetadata = storage.storeCar(c.metadataCar());
      }
      out.println("3. stored " + storedImages.cid() + " and " + storedMetadata.cid() + ": the CIDs of step 1");

      // 4. Each token read back from the chain, its metadata and image fetched with every block verified.
      try (TrustlessGatewayClient gateway = TrustlessGatewayClient.builder().gateway(endpoint).build()) {
        for (BigInteger id = ONE; id.compareTo(nft.totalMinted()) <= 0; id = id.add(ONE)) {
          String uri = nft.tokenUri(id);                                // ipfs://<metadataCid>/<id>
          Path meta = fetched.resolve(id.toString());
          FetchResult m = gateway.fetch(IpfsPath.parse(uri), meta);
          String image = json.readTree(meta.toFile()).get("image").asText(); // ipfs://<imagesCid>/<id>.png
          Path png = fetched.resolve(id + ".png");
          FetchResult i = gateway.fetch(IpfsPath.parse(image), png);
          out.println("4. #" + id + " owned by " + nft.ownerOf(id) + ", tokenURI " + uri + ": " + m.blocks()
              + " block(s) verified; image " + image + ": " + i.bytes() + " bytes verified, "
              + sameAs(png, images, image));
          tokens.add(new Token(id, nft.ownerOf(id), uri, meta, image, png));
        }
      }
      // --- end ---
      return new Minted(c.imagesCid(), c.metadataCid(), storedImages.cid(), storedMetadata.cid(), nft.address(),
          tokens, chain.process());
    } finally {
      if (web3 != null) {
        web3.shutdown();
      }
    }
  }

  /** @return a new random API token for the storage service of this run */
  private static String token() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** @return a new secp256k1 key pair (web3j generates it with Bouncy Castle) */
  private static ECKeyPair newKey() {
    try {
      return Keys.createEcKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a secp256k1 key: " + e.getMessage(), e);
    }
  }

  /**
   * @return "identical to images/NAME", NAME being the last segment of {@code imageUri}
   * @throws IOException if the fetched image differs from the original
   */
  private static String sameAs(Path fetched, Path images, String imageUri) throws IOException {
    String name = imageUri.substring(imageUri.lastIndexOf('/') + 1);
    if (!Arrays.equals(Files.readAllBytes(fetched), Files.readAllBytes(images.resolve(name)))) {
      throw new IOException("the image fetched from " + imageUri + " differs from images/" + name);
    }
    return "identical to images/" + name;
  }
}

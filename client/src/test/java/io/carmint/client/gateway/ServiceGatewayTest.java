package io.carmint.client.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.client.NftStorageClient;
import io.carmint.client.RateLimiter;
import io.carmint.client.RetryPolicy;
import io.carmint.multiformats.Cid;
import io.carmint.testkit.LocalNftStorage;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import io.carmint.unixfs.exporter.EntryNotFoundException;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ShardingRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against the real service: a folder uploaded with {@link NftStorageClient} is fetched back through the
 * service's own trustless gateway ({@code carmint serve}'s {@code /ipfs/}), every block verified.
 */
class ServiceGatewayTest {
  static final String TOKEN = "gateway-e2e-token";

  @RegisterExtension
  final LocalNftStorageExtension service =
      new LocalNftStorageExtension(LocalNftStorage.builder().token(TOKEN).build());

  @TempDir
  Path dir;
  Path folder;
  Cid root;

  @BeforeEach
  void upload() throws IOException {
    folder = dir.resolve("folder");
    for (Map.Entry<String, byte[]> e : TestDags.tree().entrySet()) {
      Files.createDirectories(folder.resolve(e.getKey()).getParent());
      Files.write(folder.resolve(e.getKey()), e.getValue());
    }
    // small chunks and a HAMT for 'many', so the DAG has depth, width and shards
    ImportProfile profile = ImportProfile.IPFS_CAR.toBuilder().chunker(TestDags.PROFILE.chunker())
        .layout(TestDags.PROFILE.layout()).sharding(ShardingRule.entriesGreaterThan(20)).build();
    try (NftStorageClient client = NftStorageClient.builder().endpoint(service.endpoint()).token(TOKEN)
        .tempDirectory(dir).retryPolicy(RetryPolicy.none()).rateLimiter(RateLimiter.unlimited()).build()) {
      root = client.upload(folder, profile).cid();
      FetchResult check = client.verifyStored(root);
      assertEquals(root, check.cid());
      assertEquals(RetrievalMode.CAR, check.mode(), "the service streams order=dfs, dups=y CARs");
      assertTrue(check.blocks() > 40, "directories, shards, files and their leaves: " + check.blocks());
    }
  }

  TrustlessGatewayClient client() {
    return TrustlessGatewayClient.builder().gateway(service.endpoint()).build();
  }

  @Test
  void listenersMadeOfLambdasHearEveryVerifiedBlock() throws IOException {
    // --- Javadoc example ---
    List<Cid> verified = new ArrayList<>();
    List<GatewayException> failures = new ArrayList<>();
    FetchListener listener = FetchListener.onBlock((cid, size, blocks, bytes) -> verified.add(cid))
        .andThen(FetchListener.onGatewayFailed(failures::add));
    // --- end ---
    List<RetrievalMode> requests = new ArrayList<>();
    try (TrustlessGatewayClient c = client()) {
      FetchResult r = c.fetch(FetchRequest.verify(IpfsPath.of(root), DagScope.ALL)
          .listener(listener.andThen(FetchListener.onRequest((gateway, mode) -> requests.add(mode)))));
      assertEquals(r.blocks(), verified.size());
      assertEquals(root, verified.get(0), "the walk starts at the root");
    }
    assertEquals(List.of(), failures);
    assertEquals(List.of(RetrievalMode.CAR), requests);
  }

  @Test
  void theTreeComesBackAsUploaded() throws IOException {
    Path out = dir.resolve("back");
    try (TrustlessGatewayClient c = client()) {
      c.fetch(IpfsPath.of(root), out);
    }
    for (Map.Entry<String, byte[]> e : TestDags.tree().entrySet()) {
      assertArrayEquals(e.getValue(), Files.readAllBytes(out.resolve(e.getKey())), e.getKey());
    }
  }

  @Test
  void pathsThroughDirectoriesAndTheHamtInEveryScope() throws IOException {
    try (TrustlessGatewayClient c = client()) {
      Path big = dir.resolve("big.bin");
      c.fetch(IpfsPath.of(root, "docs", "big.bin"), big);
      assertArrayEquals(TestDags.tree().get("docs/big.bin"), Files.readAllBytes(big));
      Path entry = dir.resolve("n33.txt");
      c.fetch(IpfsPath.of(root, "many", "n33.txt"), entry);
      assertEquals("entry 33\n", Files.readString(entry));
      IpfsPath many = IpfsPath.of(root, "many");
      long block = c.fetchCar(many, DagScope.BLOCK, dir.resolve("block.car")).blocks();
      long entity = c.fetchCar(many, DagScope.ENTITY, dir.resolve("entity.car")).blocks();
      long all = c.fetchCar(many, DagScope.ALL, dir.resolve("all.car")).blocks();
      assertEquals(2, block, "the root directory and the HAMT's root shard");
      assertTrue(entity > 2, "the HAMT's shards: " + entity);
      assertEquals(40, all - entity, "the 40 one-block entries");
      assertThrows(EntryNotFoundException.class, () -> c.verify(IpfsPath.of(root, "nope"),
          DagScope.ALL));
    }
  }

  @Test
  void aLyingGatewayBeforeTheServiceIsPassedOver() throws IOException {
    TestDags dags = new TestDags();
    try (LyingGateway liar = new LyingGateway(dags)) {
      Path out = dir.resolve("readme");
      FetchResult r = TrustlessGatewayClient.builder().gateway(liar.uri()).gateway(service.endpoint()).build()
          .fetch(IpfsPath.of(root, "docs", "readme.txt"), out);
      assertEquals("read me\n", Files.readString(out));
      assertEquals(service.endpoint(), r.gateway());
      assertEquals(GatewayException.Reason.MISSING_BLOCK, r.failures().get(0).reason(), "it holds nothing");
    }
  }
}

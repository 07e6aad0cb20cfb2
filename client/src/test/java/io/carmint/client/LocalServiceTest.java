package io.carmint.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.car.split.SplitException;
import io.carmint.multiformats.Cid;
import io.carmint.nft.NftAsset;
import io.carmint.nft.NftMetadata;
import io.carmint.nft.NftToken;
import io.carmint.testkit.LocalNftStorage;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import io.carmint.testkit.SettableClock;
import io.carmint.unixfs.importer.ImportProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The client against the real {@link LocalNftStorage} over HTTP: every operation, no canned answers. */
class LocalServiceTest {
  static final String TOKEN = "local-service-token";

  /** A clock the tests move, so that several uploads can share a creation time. */
  static final SettableClock CLOCK = new SettableClock(Instant.parse("2024-06-01T00:00:00Z"));

  @RegisterExtension
  final LocalNftStorageExtension service =
      new LocalNftStorageExtension(LocalNftStorage.builder().token(TOKEN, "carmint-tests").clock(CLOCK)
      .maxRequestBytes(2_000_000).build());

  @TempDir
  Path dir;
  NftStorageClient client;

  @BeforeEach
  void connect() {
    CLOCK.set(Instant.parse("2024-06-01T00:00:00Z"));
    client = clientBuilder().build();
  }

  NftStorageClientBuilder clientBuilder() {
    return NftStorageClient.builder().endpoint(service.endpoint()).token(TOKEN).tempDirectory(dir)
        .retryPolicy(RetryPolicy.none()).rateLimiter(RateLimiter.unlimited());
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void storeNftUploadsTheTokenAndChecksItsRoot() throws Exception {
    Path image = Files.write(dir.resolve("cat.png"), new byte[300_000]); // two chunks
    NftMetadata metadata = NftMetadata.builder().name("Cat").description("A cat")
        .image(NftAsset.of(image)).property("lives", 9).build();

    NftToken token = client.storeNft(metadata);

    assertEquals(metadata.encode(dir.resolve("again.car")).ipnft(), token.ipnft()); // the same token, computed twice
    assertEquals("ipfs://" + token.ipnft() + "/metadata.json", token.url());
    Nft status = client.status(token.ipnft());
    assertEquals(token.ipnft(), status.cid());
    assertEquals(PinStatus.PINNED, status.pinStatus());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of("again.car", "cat.png"), left.map(p -> p.getFileName().toString()).sorted().toList(),
          "the temporary CAR is removed");
    }
  }

  @Test
  void storeCarOfOnePieceThenStatusCheckListDelete() throws Exception {
    Path car = dir.resolve("small.car");
    Cid root = Cars.flat(car, 1, 4, 10_000);

    Nft stored = client.storeCar(car);
    assertEquals(root, stored.cid());
    assertEquals(PinStatus.PINNED, stored.pinStatus());
    assertEquals(Optional.of("application/car"), stored.type());
    assertEquals(Optional.of("carmint-tests"), stored.scope());
    assertEquals(Optional.of(Instant.parse("2024-06-01T00:00:00Z")), stored.created());
    assertEquals(1, stored.parts().size());

    Nft status = client.status(root);
    assertEquals(root, status.cid());
    assertEquals(stored.size(), status.size());
    assertTrue(status.size() > 40_000, "cumulative size counts the leaves: " + status.size());

    CheckResult check = client.check(root);
    assertEquals(root, check.cid());
    assertEquals(PinStatus.PINNED, check.pinStatus());

    ListPage page = client.list();
    assertEquals(1, page.nfts().size());
    assertEquals(1, page.count().orElseThrow());

    client.delete(root);
    assertThrows(NotFoundException.class, () -> client.status(root));
    assertThrows(NotFoundException.class, () -> client.delete(root));
  }

  @Test
  void aSplitUploadArrivesInPiecesThatAllNameTheRoot() throws Exception {
    Path car = dir.resolve("split.car");
    Cid root = Cars.flat(car, 100, 40, 50_000); // ~2 MB: 13+ pieces of 160 KB
    List<long[]> progress = new ArrayList<>();
    List<Integer> stored = new ArrayList<>();
    NftStorageClient c = clientBuilder().maxPieceSize(160_000).concurrency(3).build();
    Nft nft = c.storeCar(car, new UploadListener() {
      @Override
      public void onProgress(long sent, long total) {
        progress.add(new long[] {sent, total});
      }

      @Override
      public void onPieceStored(int index, int count, long bytes) {
        assertTrue(bytes <= 160_000, "piece " + index + " has " + bytes + " bytes");
        stored.add(index);
      }
    });
    assertEquals(root, nft.cid());
    int pieces = stored.size();
    assertTrue(pieces >= 13, "pieces: " + pieces);
    assertEquals(pieces, new HashSet<>(stored).size());
    assertEquals(pieces, client.status(root).parts().size(), "the service received every piece");
    assertEquals(PinStatus.PINNED, client.status(root).pinStatus());
    long total = progress.get(0)[1];
    long previous = 0;
    for (long[] p : progress) {
      assertTrue(p[0] >= previous, "progress never goes back");
      assertEquals(total, p[1]);
      previous = p[0];
    }
    assertEquals(total, previous, "progress ends at the total");
    assertTrue(total > Files.size(car), "pieces repeat the root: " + total + " vs " + Files.size(car));
  }

  @Test
  void uploadPacksLocallyAndTheServiceAgreesOnTheRoot() throws Exception {
    // expected roots: ipfs-car 3.1.0 and the nft.storage 7.2.0 client, from testdata/vectors
    Path tree = Vectors.materialise("p-d-small", dir.resolve("p-d-small"));
    Nft nft = client.upload(tree, ImportProfile.DEFAULT);
    assertEquals(Vectors.expected("p-d-small", "ipfs-car"), nft.cid().toString());
    assertEquals(PinStatus.PINNED, client.status(nft.cid()).pinStatus());

    Path file = Vectors.materialise("p-f-2m+777", dir.resolve("p-f-2m+777.bin"));
    Nft small = clientBuilder().maxPieceSize(700_000).build().upload(file, ImportProfile.NFT_STORAGE);
    assertEquals(Vectors.expected("p-f-2m+777", "nft.storage"), small.cid().toString());
    assertTrue(client.status(small.cid()).parts().size() >= 4, "split into pieces");
  }

  @Test
  void storeBlobIsPackedByTheServiceAsNftStorageDid() throws Exception {
    Path file = Vectors.materialise("p-f-1m+2", dir.resolve("blob.bin"));
    Nft nft = client.storeBlob(file, "image/png");
    assertEquals(Vectors.expected("p-f-1m+2", "nft.storage"), nft.cid().toString());
    assertEquals(Optional.of("image/png"), nft.type());
    assertEquals(PinStatus.PINNED, nft.pinStatus());
  }

  @Test
  void storeFilesIsPackedIntoOneDirectoryAsNftStorageDid() throws Exception {
    Path tree = Vectors.materialise("p-d-small", dir.resolve("files"));
    List<FilePart> parts = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode e : Vectors.corpusCase("p-d-small").path("entries")) {
      String name = e.path("path").asText();
      parts.add(new FilePart(name, tree.resolve(name), name.endsWith(".png") ? "image/png" : null));
    }
    Nft nft = client.storeFiles(parts);
    assertEquals(Vectors.expected("p-d-small", "nft.storage"), nft.cid().toString());
    assertEquals(Optional.of("directory"), nft.type());
    assertEquals(parts.size(), nft.files().size());
    assertTrue(nft.files().contains(NftFile.of("émoji-😀.txt", "application/octet-stream")), nft.files().toString());
    assertTrue(nft.files().contains(NftFile.of("image.png", "image/png")));
  }

  @Test
  void anIncompleteCarFailsBeforeAnythingIsSent() throws Exception {
    Block leaf = Cars.raw(7, 100);
    Block other = Cars.raw(8, 100);
    Path car = dir.resolve("two-roots.car");
    Cars.write(car, leaf.cid(), List.of(other));
    assertThrows(SplitException.class, () -> client.storeCar(car));
    assertEquals(0, client.list().nfts().size());
  }

  @Test
  void refusalsArriveAsTypedExceptions() throws Exception {
    Path big = dir.resolve("big-block.car");
    Cars.single(big, 9, 300_001);
    try (LocalNftStorage strict = LocalNftStorage.builder().token(TOKEN).maxBlockSize(300_000).build().start();
        NftStorageClient c = clientBuilder().endpoint(strict.endpoint()).build()) {
      BadRequestException bad = assertThrows(BadRequestException.class, () -> c.storeCar(big));
      assertEquals("ERROR_INVALID_CAR", bad.errorName().orElseThrow());
      assertTrue(bad.serviceMessage().orElseThrow().contains("block too big: 300001 > 300000"), bad.getMessage());
    }

    Path blob = Files.write(dir.resolve("blob.bin"), new byte[2_000_001]);
    assertThrows(PayloadTooLargeException.class, () -> client.storeBlob(blob, null));

    NftStorageClient stranger = clientBuilder().token("not-a-known-token").build();
    UnauthorizedException unauthorized = assertThrows(UnauthorizedException.class, () -> stranger.list());
    assertFalse(unauthorized.getMessage().contains("not-a-known-token"));
    NftStorageClient anonymous = clientBuilder().token(null).build();
    assertThrows(UnauthorizedException.class, () -> anonymous.status(Cars.raw(1, 1).cid()));
    assertThrows(NotFoundException.class, () -> anonymous.check(Cars.raw(1, 1).cid()), "check needs no token");
  }

  @Test
  void listAllPagesThroughSharedTimestampsWithoutDuplicates() throws Exception {
    // creation times: t0 t0 t1 t1 t1 t2 t3 (several uploads share a millisecond)
    int[] second = {0, 0, 1, 1, 1, 2, 3};
    Set<Cid> uploaded = new HashSet<>();
    for (int i = 0; i < second.length; i++) {
      CLOCK.set(Instant.parse("2024-06-01T00:00:00Z").plus(Duration.ofSeconds(second[i])));
      Path car = dir.resolve("u" + i + ".car");
      uploaded.add(Cars.single(car, 1000 + i, 64));
      client.storeCar(car);
    }
    for (int pageSize : new int[] {1, 2, 3, 1000}) {
      List<Cid> all = new ArrayList<>();
      Instant previous = Instant.MAX;
      for (Iterator<Nft> it = client.listAll(pageSize); it.hasNext(); ) {
        Nft n = it.next();
        assertFalse(n.created().orElseThrow().isAfter(previous), "newest first");
        previous = n.created().orElseThrow();
        all.add(n.cid());
      }
      assertEquals(uploaded.size(), all.size(), "page size " + pageSize + ": " + all);
      assertEquals(uploaded, new HashSet<>(all));
    }
    ListPage first = client.list(null, 2);
    assertEquals(7, first.count().orElseThrow());
    ListPage next = client.list(first.nfts().get(1).created().orElseThrow(), 2);
    assertEquals(first.nfts().get(1).cid(), next.nfts().get(0).cid(), "before is inclusive");
  }
}

package io.carmint.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.car.CarFile;
import io.carmint.multiformats.Cid;
import io.carmint.testkit.LocalNftStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 230 MB DAG, more than the service's 100 MB per request, uploaded with the defaults (50 MiB pieces, 3 at a time)
 * to the local service keeping it on disk. The data is generated on the fly, one 1 MiB leaf at a time.
 */
class LargeUploadTest {
  static final int LEAF = 1 << 20;
  static final int LEAVES = 220; // 230,686,720 bytes of leaves

  @TempDir
  Path dir;

  @Test
  void a230MbUploadIsSplitIntoPiecesUnder100MbAndStoredWhole() throws Exception {
    Path car = dir.resolve("big.car");
    Cid root = Cars.flat(car, 42, LEAVES, LEAF);
    assertTrue(Files.size(car) > 230_000_000L, "size " + Files.size(car));

    Path data = Files.createDirectories(dir.resolve("service"));
    try (LocalNftStorage service = LocalNftStorage.builder().token("big").dataDirectory(data).build().start();
        NftStorageClient client = NftStorageClient.builder().endpoint(service.endpoint()).token("big")
            .tempDirectory(Files.createDirectories(dir.resolve("client"))).build()) {
      List<Long> pieces = new ArrayList<>();
      long[] sent = {0};
      Nft nft = client.storeCar(car, new UploadListener() {
        @Override
        public void onProgress(long bytesSent, long totalBytes) {
          sent[0] = bytesSent;
        }

        @Override
        public void onPieceStored(int index, int count, long bytes) {
          pieces.add(bytes);
        }
      });
      assertEquals(root, nft.cid());
      assertTrue(pieces.size() >= 5, "pieces: " + pieces);
      for (long p : pieces) {
        assertTrue(p <= NftStorageClientBuilder.DEFAULT_MAX_PIECE_SIZE && p < LocalNftStorage.DEFAULT_MAX_REQUEST_BYTES,
            "piece of " + p + " bytes");
      }
      assertEquals(pieces.stream().mapToLong(Long::longValue).sum(), sent[0]);

      Nft status = client.status(root);
      assertEquals(PinStatus.PINNED, status.pinStatus(), "the service holds the whole DAG");
      assertEquals(pieces.size(), status.parts().size());
      long rootLength;
      try (CarFile file = CarFile.open(car)) {
        rootLength = file.get(root).orElseThrow().length();
      }
      assertEquals(rootLength + (long) LEAVES * LEAF, status.size(), "dag-pb cumulative size");
    }
  }
}

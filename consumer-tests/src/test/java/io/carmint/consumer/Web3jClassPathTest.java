package io.carmint.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.client.Nft;
import io.carmint.client.NftStorageClient;
import io.carmint.client.PinStatus;
import io.carmint.testkit.LocalNftStorage;
import io.carmint.unixfs.importer.ImportProfile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.http.HttpService;

/**
 * The class path Maven builds for this project, which depends on {@code org.web3j:core:4.12.2} and
 * {@code carmint-client} as a minting backend does, holds exactly one OkHttp, and both libraries work on it with one
 * shared {@link OkHttpClient}.
 */
class Web3jClassPathTest {
  @TempDir
  Path dir;

  @Test
  void oneOkHttpServesWeb3jAndCarmint() throws Exception {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertEquals(1, copies.size(), () -> "copies of okhttp3.OkHttpClient on the class path: " + copies);
    assertTrue(copies.get(0).toString().contains("/okhttp-4.12.0.jar!"), copies.get(0)::toString);
    assertEquals(1, Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttp.class")).size());

    OkHttpClient shared = new OkHttpClient();
    try (LocalNftStorage service = LocalNftStorage.builder().token("web3j-token").build().start()) {
      // web3j takes the same OkHttpClient type: there is only one.
      HttpService web3 = new HttpService(service.endpoint().toString(), shared);
      assertSame(OkHttpClient.class, HttpService.class.getConstructor(String.class, OkHttpClient.class)
          .getParameterTypes()[1]);
      assertEquals(service.endpoint().toString(), web3.getUrl());

      Path file = Files.write(dir.resolve("token.json"), "{\"name\":\"one OkHttp\"}".getBytes(StandardCharsets.UTF_8));
      try (NftStorageClient client = NftStorageClient.builder().endpoint(service.endpoint()).token("web3j-token")
          .okHttpClient(shared).tempDirectory(dir).build()) {
        // upload fails unless the service answers with the root computed locally.
        Nft stored = client.upload(file, ImportProfile.IPFS_CAR);
        assertEquals(PinStatus.PINNED, client.status(stored.cid()).pinStatus());
      }
    }
  }
}

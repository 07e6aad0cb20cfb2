package io.carmint.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.client.gateway.FetchException;
import io.carmint.client.gateway.FetchResult;
import io.carmint.client.gateway.GatewayException;
import io.carmint.client.gateway.LyingGateway;
import io.carmint.client.gateway.TestDags;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link NftStorageClient#verifyStored} asks the endpoint's own gateway ({endpoint}/ipfs/{cid}). */
class VerifyStoredTest {
  final TestDags dags = new TestDags();
  Cid root;
  LyingGateway service;

  @BeforeEach
  void start() throws IOException {
    root = dags.addTree();
    service = new LyingGateway(dags);
  }

  @AfterEach
  void stop() {
    service.close();
  }

  NftStorageClient client() {
    return NftStorageClient.builder().endpoint(service.uri()).token("t").build();
  }

  @Test
  void aCompleteDagVerifies() throws IOException {
    try (NftStorageClient c = client()) {
      FetchResult r = c.verifyStored(root);
      assertEquals(root, r.cid());
      assertEquals(c.endpoint(), r.gateway());
      assertEquals(service.walk(root, List.of(), "all").size(), r.blocks());
    }
    assertEquals(List.of("/ipfs/" + root + "?format=car&dag-scope=all"), service.requests());
  }

  @Test
  void aDagWithABlockMissingDoesNot() {
    service.lie(LyingGateway.Fault.DROP_BLOCK, 9);
    FetchException e = assertThrows(FetchException.class, () -> client().verifyStored(root));
    assertEquals(GatewayException.Reason.UNEXPECTED_BLOCK, e.failures().get(0).reason());
    assertTrue(e.getMessage().startsWith("Could not fetch /ipfs/" + root + " from the gateway: " + service.uri()),
        e.getMessage());
  }
}

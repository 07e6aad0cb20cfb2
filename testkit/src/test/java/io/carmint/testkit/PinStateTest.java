package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmint.block.Block;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, defect 2: status, {@code /check} and list pages walked the whole DAG of every incomplete upload on every
 * request (100 small uploads linking one 80 MB DAG: {@code ?limit=100} took 8 s). The state of a DAG is now worked
 * out when blocks arrive; answering reads no block. Counted with a storage that counts its reads, never timed.
 */
class PinStateTest {
  static final String TOKEN = "pin-state-token";

  @Test
  void statusCheckAndListReadNoBlockWhileADagIsIncomplete() throws Exception {
    StorageProbe[] probe = new StorageProbe[1];
    try (LocalNftStorage service = LocalNftStorage.builder().token(TOKEN)
        .storage(s -> probe[0] = new StorageProbe(s)).build().start()) {
      Http http = new Http(service.endpoint());
      List<Block> leaves = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        leaves.add(TestDags.raw(10_000 + i, 1000));
      }
      Block left = TestDags.node(leaves.subList(0, 100));
      Block right = TestDags.node(leaves.subList(100, 200));
      Block big = TestDags.node(List.of(left, right), List.of(left.length() + 100_000L, right.length() + 100_000L));
      List<Block> held = new ArrayList<>(List.of(big, left, right));
      held.addAll(leaves);
      Block missing = held.remove(3 + 150);
      assertEquals("pinning", pin(http.postCar("upload", TOKEN, TestDags.car(big.cid(), held)).value()));
      List<Block> smalls = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Block own = TestDags.raw(20_000 + i, 10);
        Block small = TestDags.node(List.of(big, own), List.of(big.length() + 201_000L, 10L));
        smalls.add(small);
        assertEquals("pinning", pin(http.postCar("upload", TOKEN, TestDags.car(small.cid(), List.of(small, own)))
            .value()));
      }

      long before = probe[0].reads.get();
      Http.Reply page = http.get("?limit=100", TOKEN);
      assertEquals(200, page.status());
      assertEquals(100, page.value().size());
      page.value().forEach(n -> assertEquals("pinning", pin(n)));
      assertEquals("101", page.headers().firstValue("Count").orElseThrow());
      for (Block small : smalls) {
        assertEquals("pinning", pin(http.get(small.cid().toString(), TOKEN).value()));
      }
      assertEquals("pinning", http.get("check/" + big.cid(), null).value().path("pin").path("status").asText());
      assertEquals(before, probe[0].reads.get(), "answering read no block");

      // the missing leaf arrives: every upload waiting for it is complete, without a request asking
      Http.Reply last = http.postCar("upload", TOKEN, TestDags.car(big.cid(), List.of(big, missing)));
      assertEquals("pinned", pin(last.value()));
      long after = probe[0].reads.get();
      Http.Reply all = http.get("?limit=1000", TOKEN);
      assertEquals(101, all.value().size());
      all.value().forEach(n -> assertEquals("pinned", pin(n), n.toString()));
      assertEquals(after, probe[0].reads.get(), "answering read no block");
    }
  }

  static String pin(JsonNode nft) {
    return nft.path("pin").path("status").asText();
  }
}

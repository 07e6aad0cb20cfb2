package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: uploads built to hurt the service. */
class HostileUploadsTest {
  static final String TOKEN = "hostile-token";

  @TempDir
  Path tmp;

  /** Defect 7: a CAR whose root decodes but a block below does not was stored, then every list page answered 500. */
  @Test
  void aBlockThatDoesNotDecodeIsRefusedNamingItAndNothingIsStored() throws Exception {
    Block garbage = Block.create(Multicodec.DAG_PB, HashFunction.SHA2_256, new byte[] {(byte) 0xff, 0x01, 0x02});
    Block root = TestDags.node(List.of(garbage), List.of(3L));
    Block badRoot = Block.create(Multicodec.DAG_CBOR, HashFunction.SHA2_256, new byte[] {(byte) 0xa1});
    Block leaf = TestDags.raw(1, 10);
    try (LocalNftStorage service = LocalNftStorage.builder().token(TOKEN).build().start()) {
      Http http = new Http(service.endpoint());
      Http.Reply below = http.postCar("upload", TOKEN, TestDags.car(root.cid(), List.of(root, garbage)));
      assertEquals(400, below.status(), below.json().toString());
      assertEquals("ERROR_INVALID_CAR", below.errorCode());
      assertTrue(below.errorMessage().contains(garbage.cid().toString()), below.errorMessage());
      assertTrue(below.errorMessage().contains("not valid dag-pb"), below.errorMessage());

      Http.Reply top = http.postCar("upload", TOKEN, TestDags.car(badRoot.cid(), List.of(badRoot, leaf)));
      assertEquals(400, top.status(), top.json().toString());
      assertEquals("ERROR_INVALID_CAR", top.errorCode());
      assertTrue(top.errorMessage().contains(badRoot.cid().toString()), top.errorMessage());

      assertEquals(404, http.get(root.cid().toString(), TOKEN).status());
      Http.Reply list = http.get("", TOKEN);
      assertEquals(200, list.status());
      assertEquals("0", list.headers().firstValue("Count").orElseThrow(), "nothing was recorded");
      assertEquals(404, new GatewayClient(service.endpoint()).car("ipfs/" + garbage.cid(), "").status(),
          "nor kept");
    }
  }

  /** Defect 16: two links of 2^63-1 bytes gave "size":108. */
  @Test
  void linkSizesThatOverflowAreRefused() throws Exception {
    Block a = TestDags.raw(2, 10);
    Block b = TestDags.raw(3, 10);
    Block root = TestDags.node(List.of(a, b), List.of(Long.MAX_VALUE, Long.MAX_VALUE));
    try (LocalNftStorage service = LocalNftStorage.builder().token(TOKEN).build().start()) {
      Http http = new Http(service.endpoint());
      Http.Reply r = http.postCar("upload", TOKEN, TestDags.car(root.cid(), List.of(root, a, b)));
      assertEquals(400, r.status(), r.json().toString());
      assertEquals("ERROR_INVALID_CAR", r.errorCode());
      assertTrue(r.errorMessage().contains(root.cid() + " add up to more than 9223372036854775807 bytes"),
          r.errorMessage());
      assertEquals("0", http.get("", TOKEN).headers().firstValue("Count").orElseThrow());
    }
  }
}

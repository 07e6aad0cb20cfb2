package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.dagcbor.DagCbor;
import io.carmint.dagcbor.DagCborValue;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Trustless Gateway over DAGs built here block by block, so that every expected block list is written out by
 * hand from the spec's rules (depth first, links in order, path blocks first), not computed by the code under test.
 *
 * <pre>
 * D (directory) ── "dup" → a0
 *               ├─ "f"   → R (file, 600 B) ── A (300 B) ── a0 a1 a2   (raw, 100 B each)
 *               │                          └─ B (300 B) ── b0 b1 b2
 *               └─ "g"   → x (raw, 40 B)
 * C (dag-cbor) {"a": {"b": link R}, "n": 1}
 * </pre>
 */
class GatewayTest {
  static final String TOKEN = "gateway-token";

  @RegisterExtension
  static final LocalNftStorageExtension SERVICE =
      new LocalNftStorageExtension(LocalNftStorage.builder().token(TOKEN).build());

  static Block a0, a1, a2, b0, b1, b2, a, b, r, x, d, c;
  static GatewayClient gw;

  @BeforeAll
  static void upload() throws Exception {
    a0 = TestDags.raw(1, 100);
    a1 = TestDags.raw(2, 100);
    a2 = TestDags.raw(3, 100);
    b0 = TestDags.raw(4, 100);
    b1 = TestDags.raw(5, 100);
    b2 = TestDags.raw(6, 100);
    a = TestDags.fileNode(List.of(a0, a1, a2), List.of(100L, 100L, 100L));
    b = TestDags.fileNode(List.of(b0, b1, b2), List.of(100L, 100L, 100L));
    r = TestDags.fileNode(List.of(a, b), List.of(300L, 300L));
    x = TestDags.raw(7, 40);
    Map<String, Block> entries = new LinkedHashMap<>();
    entries.put("dup", a0);
    entries.put("f", r);
    entries.put("g", x);
    d = TestDags.directory(entries);
    c = Block.create(Multicodec.DAG_CBOR, HashFunction.SHA2_256, DagCbor.encode(DagCborValue.MapValue.of(Map.of(
        "a", DagCborValue.MapValue.of(Map.of("b", DagCborValue.LinkValue.of(r.cid()))),
        "n", DagCborValue.IntValue.of(1)))));
    Http http = new Http(SERVICE.endpoint());
    // in two pieces, as a split upload: the gateway serves the blocks of both
    List<Block> first = List.of(d, a0, r, a, a1);
    List<Block> second = List.of(d, a2, b, b0, b1, b2, x);
    assertEquals(200, http.postCar("upload", TOKEN, TestDags.car(d.cid(), first)).status());
    assertEquals(200, http.postCar("upload", TOKEN, TestDags.car(d.cid(), second)).status());
    assertEquals(200, http.postCar("upload", TOKEN, TestDags.car(c.cid(), List.of(c, r, a, b))).status());
    gw = new GatewayClient(SERVICE.endpoint());
  }

  static List<Cid> cids(Block... blocks) {
    List<Cid> out = new ArrayList<>();
    for (Block bl : blocks) {
      out.add(bl.cid());
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------------ raw blocks

  @Test
  void aRawBlockWithItsHeaders() throws Exception {
    for (GatewayClient.Reply reply : List.of(gw.get("ipfs/" + a1.cid() + "?format=raw"),
        gw.get("ipfs/" + a1.cid(), "Accept", "application/vnd.ipld.raw"))) {
      assertEquals(200, reply.status());
      assertArrayEquals(a1.toBytes(), reply.body());
      assertEquals("application/vnd.ipld.raw", reply.header("Content-Type"));
      assertEquals("100", reply.header("Content-Length"));
      assertEquals("\"" + a1.cid() + ".raw\"", reply.header("Etag"));
      assertEquals("public, max-age=29030400, immutable", reply.header("Cache-Control"));
      assertEquals("nosniff", reply.header("X-Content-Type-Options"));
      assertEquals("attachment; filename=\"" + a1.cid() + ".bin\"", reply.header("Content-Disposition"));
      assertEquals("/ipfs/" + a1.cid(), reply.header("X-Ipfs-Path"));
      assertEquals(a1.cid().toString(), reply.header("X-Ipfs-Roots"));
    }
    assertEquals("attachment; filename=\"block.bin\"",
        gw.get("ipfs/" + a1.cid() + "?format=raw&filename=block.bin").header("Content-Disposition"));
    assertEquals("/ipfs/" + a1.cid() + "?format=raw", gw.get("ipfs/" + a1.cid(), "Accept",
        "application/vnd.ipld.raw").header("Content-Location"), "the URL that gives this answer whatever Accept");
  }

  @Test
  void headAndConditionalRequests() throws Exception {
    GatewayClient.Reply head = gw.send("HEAD", "ipfs/" + d.cid() + "?format=raw");
    assertEquals(200, head.status());
    assertEquals(String.valueOf(d.length()), head.header("Content-Length"));
    assertEquals(0, head.body().length);
    GatewayClient.Reply cached = gw.get("ipfs/" + d.cid() + "?format=raw", "If-None-Match", "\"" + d.cid() + ".raw\"");
    assertEquals(304, cached.status());
    assertEquals(0, cached.body().length);

    GatewayClient.Reply car = gw.car("ipfs/" + d.cid() + "/f", "");
    GatewayClient.Reply headCar = gw.send("HEAD", "ipfs/" + d.cid() + "/f?format=car");
    assertEquals(200, headCar.status());
    assertEquals(0, headCar.body().length);
    assertEquals(car.header("Etag"), headCar.header("Etag"));
    assertEquals(304, gw.get("ipfs/" + d.cid() + "/f?format=car", "If-None-Match", car.header("Etag")).status());
  }

  @Test
  void theIdentityProbe() throws Exception {
    GatewayClient.Reply raw = gw.get("ipfs/bafkqaaa?format=raw");
    assertEquals(200, raw.status());
    assertEquals(0, raw.body().length);
    GatewayClient.Reply car = gw.get("ipfs/bafkqaaa?format=car");
    assertEquals(200, car.status());
    assertEquals(List.of(Cid.parse("bafkqaaa")), car.roots());
    assertEquals(List.of(), car.blocks(), "identity blocks are never sent");
  }

  // ------------------------------------------------------------------------------------------------ errors

  @Test
  void errors() throws Exception {
    Cid unknown = TestDags.raw(99, 10).cid();
    assertEquals(404, gw.get("ipfs/" + unknown + "?format=raw").status());
    assertEquals(404, gw.get("ipfs/" + unknown + "?format=car").status());
    assertEquals(412, gw.get("ipfs/" + unknown + "?format=raw", "Cache-Control", "only-if-cached").status());
    assertEquals(400, gw.get("ipfs/not-a-cid?format=raw").status());
    assertEquals(400, gw.get("ipfs/?format=raw").status());
    assertEquals(400, gw.get("ipfs/" + d.cid() + "/f?format=raw").status(), "a raw block has no path");
    assertEquals(400, gw.get("ipfs/" + d.cid()).status(), "no Accept, no format");
    assertEquals(406, gw.get("ipfs/" + d.cid(), "Accept", "text/html").status());
    assertEquals(400, gw.get("ipfs/" + d.cid() + "?format=dag-json").status());
    assertEquals(405, gw.send("DELETE", "ipfs/" + d.cid() + "?format=raw").status());
    assertEquals(404, gw.car("ipfs/" + d.cid() + "/nope", "").status());
    assertEquals(404, gw.car("ipfs/" + d.cid() + "/f/inside-a-file", "").status());
    assertEquals(404, gw.car("ipfs/" + c.cid() + "/zz", "").status());
    for (String bad : List.of("dag-scope=some", "entity-bytes=1-2", "entity-bytes=5:3", "entity-bytes=-2:-5",
        "car-version=2", "car-order=bfs", "car-dups=maybe")) {
      GatewayClient.Reply reply = gw.car("ipfs/" + d.cid(), bad);
      assertEquals(400, reply.status(), bad);
      assertTrue(reply.header("Content-Type").startsWith("text/plain"), bad);
    }
    assertEquals(400, gw.get("ipfs/" + d.cid(), "Accept", "application/vnd.ipld.car; version=2").status());
    assertEquals(400, gw.car("ipfs/" + d.cid() + "/f", "entity-bytes=600:*").status(), "starts after the end");
  }

  // ------------------------------------------------------------------------------------------------ CARs

  @Test
  void theWholeDagDepthFirstWithoutDuplicatesByDefault() throws Exception {
    GatewayClient.Reply reply = gw.car("ipfs/" + d.cid(), "");
    assertEquals(200, reply.status(), reply.text());
    assertEquals(List.of(d.cid()), reply.roots());
    assertEquals(cids(d, a0, r, a, a1, a2, b, b0, b1, b2, x), reply.blocks());
    assertEquals("application/vnd.ipld.car; version=1; order=dfs; dups=n", reply.header("Content-Type"));
    assertEquals("none", reply.header("Accept-Ranges"));
    assertEquals("nosniff", reply.header("X-Content-Type-Options"));
    assertEquals("public, max-age=29030400, immutable", reply.header("Cache-Control"));
    assertEquals("attachment; filename=\"" + d.cid() + ".car\"", reply.header("Content-Disposition"));
    assertTrue(reply.header("Etag").startsWith("W/\"" + d.cid() + ".car."), reply.header("Etag"));
  }

  @Test
  void dupsYesRepeatsABlockEachTimeTheWalkMeetsIt() throws Exception {
    List<GatewayClient.Reply> replies = List.of(gw.car("ipfs/" + d.cid(), "car-dups=y"),
        gw.get("ipfs/" + d.cid(), "Accept", "application/vnd.ipld.car; version=1; order=dfs; dups=y"),
        gw.get("ipfs/" + d.cid() + "?format=car", "Accept", "application/vnd.ipld.car; dups=y"),
        gw.get("ipfs/" + d.cid() + "?format=car&car-dups=y", "Accept", "application/vnd.ipld.car; dups=n"));
    for (GatewayClient.Reply reply : replies) {
      assertEquals(cids(d, a0, r, a, a0, a1, a2, b, b0, b1, b2, x), reply.blocks());
      assertEquals("application/vnd.ipld.car; version=1; order=dfs; dups=y", reply.header("Content-Type"));
    }
    GatewayClient.Reply no = gw.get("ipfs/" + d.cid() + "?format=car&car-dups=n", "Accept",
        "application/vnd.ipld.car; dups=y");
    assertEquals(cids(d, a0, r, a, a1, a2, b, b0, b1, b2, x), no.blocks(), "the URL's parameter wins");
    GatewayClient.Reply unk = gw.get("ipfs/" + d.cid(), "Accept", "application/vnd.ipld.car; order=unk");
    assertEquals("application/vnd.ipld.car; version=1; order=dfs; dups=n", unk.header("Content-Type"));
    assertNotEquals(replies.get(0).header("Etag"), no.header("Etag"), "dups changes the Etag");
  }

  @Test
  void pathBlocksComeFirstThenTheScope() throws Exception {
    String f = "ipfs/" + d.cid() + "/f";
    assertEquals(cids(d, r), gw.car(f, "dag-scope=block").blocks());
    assertEquals(cids(d, r, a, a0, a1, a2, b, b0, b1, b2), gw.car(f, "dag-scope=entity").blocks());
    assertEquals(cids(d, r, a, a0, a1, a2, b, b0, b1, b2), gw.car(f, "dag-scope=all").blocks());
    GatewayClient.Reply reply = gw.car(f, "");
    assertEquals(List.of(r.cid()), reply.roots(), "the header's root is the path's terminal CID");
    assertEquals(d.cid() + "," + r.cid(), reply.header("X-Ipfs-Roots"));
    assertEquals("attachment; filename=\"" + d.cid() + "_f.car\"", reply.header("Content-Disposition"));
    assertEquals(cids(d), gw.car("ipfs/" + d.cid(), "dag-scope=entity").blocks(), "a directory alone");
    assertEquals(cids(d, x), gw.car("ipfs/" + d.cid() + "/g", "dag-scope=entity").blocks());
    assertNotEquals(gw.car(f, "dag-scope=block").header("Etag"), gw.car(f, "dag-scope=entity").header("Etag"));
  }

  @Test
  void entityBytesSelectsTheLeavesHoldingTheRange() throws Exception {
    String f = "ipfs/" + d.cid() + "/f";
    // a0 0-99, a1 100-199, a2 200-299, b0 300-399, b1 400-499, b2 500-599
    assertEquals(cids(d, r, a, a1, a2, b, b0), gw.car(f, "entity-bytes=150:350").blocks());
    assertEquals(cids(d, r, a, a0), gw.car(f, "entity-bytes=0:0").blocks());
    assertEquals(cids(d, r, b, b2), gw.car(f, "entity-bytes=-50:*").blocks());
    assertEquals(cids(d, r, a, a0, a1, a2, b, b0, b1, b2), gw.car(f, "entity-bytes=-9999:*").blocks());
    assertEquals(cids(d, r, a, a2, b, b0, b1), gw.car(f, "entity-bytes=250:-101").blocks(), "to = 600 - 101 = 499");
    assertEquals(cids(d, r), gw.car(f, "entity-bytes=500:-200").blocks(), "an empty range: the file's root");
    assertEquals(cids(d, r, a, a1), gw.car(f, "dag-scope=all&entity-bytes=100:150").blocks(),
        "entity-bytes implies dag-scope=entity");
    assertEquals(cids(d), gw.car("ipfs/" + d.cid(), "entity-bytes=0:10").blocks(), "ignored for a directory");
    assertNotEquals(gw.car(f, "entity-bytes=0:0").header("Etag"), gw.car(f, "entity-bytes=0:1").header("Etag"));
  }

  @Test
  void dagCborPathsFollowFieldsAndLinks() throws Exception {
    assertEquals(cids(c, r), gw.car("ipfs/" + c.cid() + "/a/b", "dag-scope=block").blocks());
    assertEquals(cids(c, r, a, a0, a1, a2, b, b0, b1, b2), gw.car("ipfs/" + c.cid() + "/a/b", "").blocks());
    GatewayClient.Reply inside = gw.car("ipfs/" + c.cid() + "/n", "dag-scope=block");
    assertEquals(cids(c), inside.blocks(), "a path ending inside a block ends at that block");
    assertEquals(cids(c), gw.car("ipfs/" + c.cid(), "dag-scope=entity").blocks(), "dag-cbor's entity is its block");
  }

  @Test
  void aBlockMissingMidStreamCutsTheResponseShort() throws Exception {
    Block present = TestDags.raw(60, 50);
    Block missing = TestDags.raw(61, 50);
    Block file = TestDags.fileNode(List.of(present, missing), List.of(50L, 50L));
    Http http = new Http(SERVICE.endpoint());
    assertEquals(200, http.postCar("upload", TOKEN, TestDags.car(file.cid(), List.of(file, present))).status());
    assertEquals(cids(file, present), gw.car("ipfs/" + file.cid(), "entity-bytes=0:49").blocks(),
        "a range that needs only what is held is served");
    // the whole file needs the missing leaf: the status (200) was sent with the stream, which is then aborted
    assertThrows(IOException.class, () -> gw.car("ipfs/" + file.cid(), ""));
  }
}

package io.carmint.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmint.block.Block;
import io.carmint.car.CarReadOptions;
import io.carmint.car.CarV2WriteOptions;
import io.carmint.car.CarV2Writer;
import io.carmint.multiformats.Cid;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The service over HTTP with the JDK's client: expected answers come from the API schema and nft.storage's code. */
class LocalNftStorageTest {
  static final String TOKEN = "test-token-1";
  static final String OTHER = "test-token-2";
  static final SettableClock CLOCK = new SettableClock(Instant.parse("2024-05-01T12:00:00Z"));

  @RegisterExtension
  final LocalNftStorageExtension service =
      new LocalNftStorageExtension(LocalNftStorage.builder()
      .token(TOKEN, "key-one").token(OTHER, "key-two").clock(CLOCK).maxRequestBytes(200_000).maxBlockSize(70_000)
      .build());

  Http http;
  @TempDir
  Path tmp;

  @BeforeEach
  void client() {
    http = new Http(service.endpoint());
    CLOCK.set(Instant.parse("2024-05-01T12:00:00Z"));
  }

  @Test
  void uploadsACarAndDescribesItAsTheApiSchemaDoes() throws Exception {
    List<Block> dag = TestDags.tree(1, 1000);
    Cid root = dag.get(0).cid();
    byte[] car = TestDags.car(root, dag);
    Http.Reply r = http.postCar("upload", TOKEN, car);
    assertEquals(200, r.status(), r.json().toString());
    assertTrue(r.json().path("ok").asBoolean());
    JsonNode v = r.value();
    assertEquals(root.toString(), v.path("cid").asText());
    assertEquals("application/car", v.path("type").asText());
    assertEquals("key-one", v.path("scope").asText());
    assertEquals("2024-05-01T12:00:00.000Z", v.path("created").asText());
    // dag-pb cumulative size: root block + the Tsizes of its links (each child block + its leaves)
    long expected = dag.get(0).length() + dag.get(1).length() + 3000 + dag.get(5).length() + 3000;
    assertEquals(expected, v.path("size").asLong());
    assertEquals("pinned", v.path("pin").path("status").asText());
    assertEquals(root.toString(), v.path("pin").path("cid").asText());
    assertEquals(List.of(TestDags.carCid(car)), texts(v.path("parts")));
    assertTrue(v.path("deals").isArray());
    assertEquals("Upload at 2024-05-01T12:00:00Z", v.path("name").asText());
  }

  @Test
  void trailingSlashesAndTheApiPrefixAreTheSamePaths() throws Exception {
    Block leaf = TestDags.raw(7, 100);
    byte[] car = TestDags.car(leaf.cid(), List.of(leaf));
    assertEquals(200, http.postCar("upload/", TOKEN, car).status());
    assertEquals(200, http.get(leaf.cid() + "/", TOKEN).status());
    assertEquals(200, http.get("check/" + leaf.cid() + "/", null).status());
    assertEquals(200, http.get("api/" + leaf.cid(), TOKEN).status());
    assertEquals(200, http.get("?limit=5", TOKEN).status());
    Http.Reply raw = http.get(leaf.cid().toString(), TOKEN);
    assertEquals(100, raw.value().path("size").asLong(), "a raw root's size is its length");
  }

  @Test
  void tokensAreRequiredExceptForCheck() throws Exception {
    Block leaf = TestDags.raw(8, 10);
    byte[] car = TestDags.car(leaf.cid(), List.of(leaf));
    Http.Reply none = http.postCar("upload", null, car);
    assertEquals(401, none.status());
    assertEquals("EXPECTED_BEARER_STRING", none.errorCode());
    assertFalse(none.json().path("ok").asBoolean(true));
    Http.Reply wrong = http.postCar("upload", "nope", car);
    assertEquals(401, wrong.status());
    assertEquals("ERROR_TOKEN_NOT_FOUND", wrong.errorCode());
    assertEquals(401, http.get(leaf.cid().toString(), null).status());
    assertEquals(401, http.get("", null).status());
    assertEquals(401, http.send("DELETE", leaf.cid().toString(), null, null, null).status());
    assertEquals(404, http.get("check/" + leaf.cid(), null).status(), "check needs no token, and knows nothing yet");
  }

  @Test
  void accountsAreSeparateButCheckSeesAll() throws Exception {
    Block leaf = TestDags.raw(9, 10);
    http.postCar("upload", TOKEN, TestDags.car(leaf.cid(), List.of(leaf)));
    assertEquals(404, http.get(leaf.cid().toString(), OTHER).status());
    assertEquals(0, http.get("", OTHER).value().size());
    assertEquals(200, http.get("check/" + leaf.cid(), null).status());
  }

  @Test
  void piecesOfASplitUploadAccumulateAndPinWhenTheDagIsComplete() throws Exception {
    List<Block> dag = TestDags.tree(20, 2000);
    Cid root = dag.get(0).cid();
    byte[] first = TestDags.car(root, dag.subList(0, 5));     // root, A, a0..a2
    List<Block> rest = new ArrayList<>(List.of(dag.get(0)));  // root again, B, b0..b2
    rest.addAll(dag.subList(5, 9));
    byte[] second = TestDags.car(root, rest);

    Http.Reply r1 = http.postCar("upload", TOKEN, first);
    assertEquals(200, r1.status(), r1.json().toString());
    assertEquals("pinning", r1.value().path("pin").path("status").asText());
    assertEquals("pinning", http.get("check/" + root, null).value().path("pin").path("status").asText());

    CLOCK.advance(Duration.ofMinutes(5));
    Http.Reply r2 = http.postCar("upload", TOKEN, second);
    assertEquals("pinned", r2.value().path("pin").path("status").asText());
    assertEquals("2024-05-01T12:00:00.000Z", r2.value().path("created").asText(), "one upload, first created");
    assertEquals(List.of(TestDags.carCid(first), TestDags.carCid(second)), texts(r2.value().path("parts")));
    assertEquals(1, http.get("", TOKEN).value().size());
  }

  @Test
  void acceptsCarV2() throws Exception {
    List<Block> dag = TestDags.tree(30, 500);
    Path v1 = Files.write(tmp.resolve("v1.car"), TestDags.car(dag.get(0).cid(), dag));
    Path v2 = tmp.resolve("v2.car");
    CarV2Writer.wrap(v1, v2, CarReadOptions.DEFAULTS, CarV2WriteOptions.DEFAULTS);
    Http.Reply r = http.postCar("upload", TOKEN, Files.readAllBytes(v2));
    assertEquals(200, r.status(), r.json().toString());
    assertEquals(dag.get(0).cid().toString(), r.value().path("cid").asText());
    assertEquals("pinned", r.value().path("pin").path("status").asText());
  }

  @Test
  void aCidv0RootStaysV0() throws Exception {
    Block leaf = TestDags.raw(40, 50);
    Block node = TestDags.node(List.of(leaf));
    Cid v0 = node.cid().toV0();
    byte[] car = TestDags.car(v0, List.of(Block.of(v0, node.toBytes()), leaf));
    Http.Reply r = http.postCar("upload", TOKEN, car);
    assertEquals(200, r.status(), r.json().toString());
    assertEquals(v0.toString(), r.value().path("cid").asText());
    assertEquals(200, http.get(node.cid().toString(), TOKEN).status(), "found under its CIDv1 too");
  }

  @Test
  void refusesCarsTheServiceRefused() throws Exception {
    Block a = TestDags.raw(50, 100);
    Block b = TestDags.raw(51, 100);
    assertInvalidCar(TestDags.car(List.of(a.cid(), b.cid()), List.of(a, b)), "too many roots");
    assertInvalidCar(TestDags.rawCar(List.of(), List.of(a)), "missing roots");
    assertInvalidCar(TestDags.car(a.cid(), List.of(b)), "missing root block");
    byte[] corrupt = TestDags.car(a.cid(), List.of(a));
    corrupt[corrupt.length - 1] ^= 1;
    assertInvalidCar(corrupt, "failed hash verification");
    Block big = TestDags.raw(52, 70_001);
    assertInvalidCar(TestDags.car(big.cid(), List.of(big)), "block too big: 70001 > 70000");
    Block parent = TestDags.node(List.of(a));
    assertInvalidCar(TestDags.car(parent.cid(), List.of(parent)), "CAR must contain at least one non-root block");
    assertInvalidCar("not a car at all".getBytes(), "");
    assertEquals(0, http.get("", TOKEN).value().size(), "nothing was recorded");
  }

  private void assertInvalidCar(byte[] car, String reason) throws Exception {
    Http.Reply r = http.postCar("upload", TOKEN, car);
    assertEquals(400, r.status(), r.json().toString());
    assertEquals("ERROR_INVALID_CAR", r.errorCode());
    assertTrue(r.errorMessage().startsWith("Invalid CAR file received: " + reason), r.errorMessage());
  }

  @Test
  void emptyAndOversizedRequests() throws Exception {
    Http.Reply empty = http.postCar("upload", TOKEN, new byte[0]);
    assertEquals(400, empty.status());
    assertEquals("empty payload", empty.errorMessage());
    Http.Reply big = http.postCar("upload", TOKEN, new byte[200_001]);
    assertEquals(413, big.status());
    assertEquals("ERROR_PAYLOAD_TOO_LARGE", big.errorCode());
  }

  @Test
  void listIsNewestFirstWithCountAndAnInclusiveBefore() throws Exception {
    List<String> cids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Block leaf = TestDags.raw(100 + i, 10);
      http.postCar("upload", TOKEN, TestDags.car(leaf.cid(), List.of(leaf)));
      cids.add(leaf.cid().toString());
      CLOCK.advance(Duration.ofSeconds(1));
    }
    Http.Reply all = http.get("", TOKEN);
    assertEquals("5", all.headers().firstValue("Count").orElseThrow());
    assertEquals(List.of(cids.get(4), cids.get(3), cids.get(2), cids.get(1), cids.get(0)), cidsOf(all));

    Http.Reply page = http.get("?limit=2", TOKEN);
    assertEquals(List.of(cids.get(4), cids.get(3)), cidsOf(page));
    String before = page.value().get(1).path("created").asText();
    assertEquals("2024-05-01T12:00:03.000Z", before);
    Http.Reply next = http.get("?limit=2&before=" + before, TOKEN);
    assertEquals(List.of(cids.get(3), cids.get(2)), cidsOf(next), "before is inclusive: the boundary repeats");
    assertEquals("5", next.headers().firstValue("Count").orElseThrow());

    for (String bad : List.of("?limit=0", "?limit=1001", "?limit=x", "?limit=2.5", "?before=yesterday")) {
      Http.Reply r = http.get(bad, TOKEN);
      assertEquals(400, r.status(), bad);
      assertEquals("invalid params", r.errorMessage());
    }
  }

  @Test
  void deleteAnswers202ThenTheUploadIsGone() throws Exception {
    Block leaf = TestDags.raw(200, 10);
    http.postCar("upload", TOKEN, TestDags.car(leaf.cid(), List.of(leaf)));
    Http.Reply d = http.send("DELETE", leaf.cid().toString(), TOKEN, null, null);
    assertEquals(202, d.status());
    assertTrue(d.json().path("ok").asBoolean());
    assertEquals(404, http.get(leaf.cid().toString(), TOKEN).status());
    Http.Reply again = http.send("DELETE", leaf.cid().toString(), TOKEN, null, null);
    assertEquals(404, again.status());
    assertEquals("NFT not found", again.errorMessage());
    assertEquals(404, http.get("check/" + leaf.cid(), null).status());
  }

  @Test
  void invalidCidsAndUnknownRoutes() throws Exception {
    Http.Reply bad = http.get("not-a-cid", TOKEN);
    assertEquals(400, bad.status());
    assertEquals("ERROR_INVALID_CID", bad.errorCode());
    assertEquals("Invalid CID: not-a-cid", bad.errorMessage());
    assertEquals(404, http.get("a/b/c", TOKEN).status());
    assertEquals(405, http.send("PUT", "upload", TOKEN, null, new byte[1]).status());
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static List<String> cidsOf(Http.Reply r) {
    List<String> out = new ArrayList<>();
    r.value().forEach(n -> out.add(n.path("cid").asText()));
    return out;
  }
}

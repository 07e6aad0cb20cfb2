package io.carmint.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's value model: what Java values become, key order, and what is refused. */
class NftMetadataTest {
  @TempDir
  Path dir;

  private NftMetadata.Builder base() {
    return NftMetadata.builder().name("n").description("d").image(NftAsset.of(new byte[] {1}, "i.png"));
  }

  @Test
  void javaNumbersBecomeJavaScriptNumbers() throws Exception {
    NftToken t = base().property("long", 9_007_199_254_740_992L).property("big", BigInteger.ONE.shiftLeft(70))
        .property("dec", new BigDecimal("0.1")).property("float", 0.5f).property("nan", Double.NaN)
        .property("negZero", -0.0).property("int", 7).build().encode(dir.resolve("t.car"));
    assertEquals("{\"name\":\"n\",\"description\":\"d\",\"properties\":{\"long\":9007199254740992,"
        + "\"big\":1.1805916207174113e+21,\"dec\":0.1,\"float\":0.5,\"nan\":null,\"negZero\":0,\"int\":7},"
        + "\"image\":\"ipfs://" + t.assets().get(0).directoryCid() + "/i.png\"}", t.metadataJson());
  }

  @Test
  void integersJavaScriptWouldRoundAreRefused() {
    InvalidNftException e = assertThrows(InvalidNftException.class,
        () -> base().property("id", 9_007_199_254_740_993L));
    assertEquals("properties.id: 9007199254740993 is not exactly a double, so JavaScript would change it (to "
        + "9007199254740992); pass a double or a string", e.getMessage());
    assertThrows(InvalidNftException.class, () -> base().property("x", new java.util.concurrent.atomic.AtomicLong()));
    assertThrows(InvalidNftException.class, () -> base().property("x", 'c'));
    assertThrows(InvalidNftException.class, () -> base().property("x", Map.of(1, "one")));
  }

  @Test
  void keysKeepTheirFirstPlaceAndArrayIndicesComeFirst() throws Exception {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("b", 1);
    nested.put("10", 2);
    nested.put("a", 3);
    nested.put("2", 4);
    NftToken t = base().field("external_url", "https://example.org").property("z", nested).property("y", true)
        .property("z", List.of()) // set again: keeps its place
        .field("properties", Map.of("only", "this")).property("later", "too").build()
        .encode(dir.resolve("t.car"));
    assertTrue(t.metadataJson().contains("\"external_url\":\"https://example.org\",\"properties\":{\"only\":\"this\","
        + "\"later\":\"too\"}"), t.metadataJson());
    NftToken order = base().property("o", nested).build().encode(dir.resolve("o.car"));
    assertTrue(order.metadataJson().contains("{\"2\":4,\"10\":2,\"b\":1,\"a\":3}"), order.metadataJson());
  }

  @Test
  void propertiesMustBeAnObject() {
    InvalidNftException e = assertThrows(InvalidNftException.class,
        () -> base().field("properties", "text").property("a", 1));
    assertEquals("properties: is not an object, so property 'a' cannot be set", e.getMessage());
  }

  @Test
  void theClientsChecks() {
    assertEquals("name: a string identifying the asset is required",
        assertThrows(InvalidNftException.class, () -> NftMetadata.builder().build()).getMessage());
    assertEquals("image: a file (NftAsset) is required", assertThrows(InvalidNftException.class,
        () -> NftMetadata.builder().name("n").description("d").field("image", "ipfs://x").build()).getMessage());
    assertEquals("decimals: must be a number", assertThrows(InvalidNftException.class,
        () -> base().field("decimals", "18").build()).getMessage());
    assertEquals("properties.__proto__: the key __proto__ sets a JavaScript object's prototype instead of a field, "
        + "so the client would drop it; rename the key",
        assertThrows(InvalidNftException.class, () -> base().property("__proto__", 1).build()).getMessage());
  }

  @Test
  void filesAndTheirNames() throws Exception {
    Path cat = Files.writeString(dir.resolve("cat.png"), "png");
    NftMetadata m = base().property("a", NftAsset.of(cat)).property("b", List.of(NftAsset.of(new byte[0], null)))
        .build();
    assertEquals(List.of("i.png", "cat.png", "blob"), m.assets().stream().map(NftAsset::name).toList());
    assertEquals(NftAsset.of(cat), NftAsset.of(cat, "cat.png"));
    assertNotEquals(NftAsset.of(cat), NftAsset.of(cat, "dog.png"));
    assertEquals(NftAsset.of(new byte[] {1}, "x"), NftAsset.of(new byte[] {1}, "x"));
    assertEquals("blob", NftAsset.of(cat, "").name());
    assertEquals("a\uFFFDb", NftAsset.of(cat, "a\uD800b").name());
    assertEquals("NftMetadata{\"name\":\"n\",\"description\":\"d\",\"image\":\"[file i.png (1 bytes)]\","
        + "\"properties\":{\"a\":\"[file cat.png (" + cat + ")]\",\"b\":[\"[file blob (0 bytes)]\"]}}", m.toString());
    NftToken t = m.encode(dir.resolve("t.car"));
    assertEquals("https://nftstorage.link/ipfs/" + t.ipnft() + "/metadata.json", t.gatewayUrl());
    assertEquals(List.of("image", "properties.a", "properties.b.0"),
        t.assets().stream().map(NftToken.AssetLink::path).toList());
  }
}

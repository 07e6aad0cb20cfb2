package io.carmint.cli;

import static io.carmint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmint.car.CarFile;
import io.carmint.cli.Cli.Run;
import io.carmint.client.NftStorageClient;
import io.carmint.client.PinStatus;
import io.carmint.multiformats.Cid;
import io.carmint.nft.CollectionResult;
import io.carmint.nft.NftAsset;
import io.carmint.nft.NftCollection;
import io.carmint.nft.NftMetadata;
import io.carmint.nft.Vectors;
import io.carmint.testkit.LocalNftStorage;
import io.carmint.testkit.junit.LocalNftStorageExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code carmint nft} and {@code carmint collection}, in-process, uploads against the local service. */
class MintCommandsTest {
  static final String TOKEN = "mint-test-token";

  @RegisterExtension
  static final LocalNftStorageExtension SERVICE =
      new LocalNftStorageExtension(LocalNftStorage.builder().token(TOKEN).build());

  @TempDir
  Path dir;

  /** testdata/nft case image-zero-bytes, as nft.storage 7.2.0's encodeNFT computed it. */
  static final String ZERO_BYTES_IPNFT = "bafyreicxzc2tzdbpbpf6ua5lzw742kf4qlgpbu4czibhadc7uyjr7ho3pm";

  @Test
  void nftPrintsTheClientsIpnft() throws IOException {
    Path image = Files.createFile(dir.resolve("empty.png"));
    Path car = dir.resolve("token.car");
    Run r = run("nft", "--name", "Empty image", "--description", "0 bytes", "--image", image.toString(), "-o",
        car.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(ZERO_BYTES_IPNFT + "\nipfs://" + ZERO_BYTES_IPNFT + "/metadata.json\n", r.out());
    assertEquals("", r.err());
    try (CarFile f = CarFile.open(car)) {
      assertEquals(List.of(Cid.parse(ZERO_BYTES_IPNFT)), f.roots());
    }

    Run json = run("nft", "--name", "Empty image", "--description", "0 bytes", "--image", image.toString(), "-o",
        car.toString(), "--json");
    assertEquals("{\"ipnft\":\"" + ZERO_BYTES_IPNFT + "\",\"url\":\"ipfs://" + ZERO_BYTES_IPNFT
        + "/metadata.json\",\"car\":\"" + car + "\",\"uploaded\":false}\n", json.out());
  }

  @Test
  void nftPropertiesAreStringsOrFiles() throws IOException {
    Path image = Files.writeString(dir.resolve("cat.png"), "png");
    Path clip = Files.writeString(dir.resolve("clip.mp4"), "mp4");
    Run r = run("nft", "--name", "Cat", "--description", "", "--image", image.toString(), "--property",
        "rarity=rare", "--property", "level=3", "--property", "video=@" + clip, "--property", "handle=@@cat",
        "-o", dir.resolve("t.car").toString());
    assertEquals(0, r.code(), r.err());
    NftMetadata same = NftMetadata.builder().name("Cat").description("").image(NftAsset.of(image))
        .property("rarity", "rare").property("level", "3").property("video", NftAsset.of(clip))
        .property("handle", "@cat").build();
    assertEquals(same.encode(dir.resolve("same.car")).ipnft().toString(), r.lines().get(0));
  }

  /** JSON keeps key order, and so does the token: --field and --property interleave as given, = forms included. */
  @Test
  void fieldsAndPropertiesKeepTheirCommandLineOrder() throws IOException {
    Path image = Files.writeString(dir.resolve("cat.png"), "png");
    Run r = run("nft", "--name", "Cat", "--description", "", "--image", image.toString(), "--property=level:=3",
        "--field", "external_url=https://x.org/1", "--property", "tags:=[\"a\",{\"b\":null}]", "--field=attributes:=[]",
        "-o", dir.resolve("t.car").toString());
    assertEquals(0, r.code(), r.err());
    java.util.Map<String, Object> b = new java.util.LinkedHashMap<>();
    b.put("b", null);
    NftMetadata same = NftMetadata.builder().name("Cat").description("").image(NftAsset.of(image))
        .property("level", 3).field("external_url", "https://x.org/1").property("tags", List.of("a", b))
        .field("attributes", List.of()).build();
    assertEquals(same.encode(dir.resolve("same.car")).ipnft().toString(), r.lines().get(0));
  }

  @Test
  void nftUsageErrors() throws IOException {
    Path image = Files.writeString(dir.resolve("cat.png"), "png");
    String car = dir.resolve("t.car").toString();
    Run noFile = run("nft", "--name", "n", "--description", "d", "--image", dir.resolve("nope.png").toString(), "-o",
        car);
    assertEquals(1, noFile.code()); // as pack: a missing input is a problem found
    assertEquals("carmint: no such file: " + dir.resolve("nope.png") + "\n", noFile.err());
    Run badProperty = run("nft", "--name", "n", "--description", "d", "--image", image.toString(), "--property",
        "novalue", "-o", car);
    assertEquals(2, badProperty.code());
    assertEquals("carmint: --property must be KEY=VALUE, KEY:=JSON or KEY=@FILE, got 'novalue'\n",
        badProperty.err());
    Run badJson = run("nft", "--name", "n", "--description", "d", "--image", image.toString(), "--property",
        "edition:=two", "-o", car);
    assertEquals(2, badJson.code());
    assertTrue(badJson.err().startsWith("carmint: --property edition:= takes JSON, e.g. 3, true, \"text\", [1,2] or "
        + "{\"a\":1}; got 'two' ("), badJson.err());
    Run emptyJson = run("nft", "--name", "n", "--description", "d", "--image", image.toString(), "--field",
        "attributes:=", "-o", car);
    assertEquals(2, emptyJson.code());
    assertEquals("carmint: --field attributes:= needs a JSON value, e.g. 3, true, null or [1,2]\n", emptyJson.err());
    Run ownOption = run("nft", "--name", "n", "--description", "d", "--image", image.toString(), "--field",
        "name=other", "-o", car);
    assertEquals(2, ownOption.code());
    assertEquals("carmint: --field name: give it with --name\n", ownOption.err());
    Run refused = run("nft", "--name", "n", "--description", "d", "--image", image.toString(), "--property",
        "a.b=@" + image, "-o", car);
    assertEquals(1, refused.code());
    assertTrue(refused.err().startsWith("carmint: properties.a.b: a file under the key \"a.b\""), refused.err());
    assertFalse(Files.exists(dir.resolve("t.car")));
  }

  /**
   * {@code :=} values and {@code --field} give the CLI every kind of value the JS client takes: three testdata/nft
   * cases, their JSON values passed as {@code key:=JSON} (numbers at the edges of doubles and safe integers, nested
   * arrays and objects, OpenSea's top-level fields with a file), make the ipnft nft.storage 7.2.0 computed.
   */
  @ParameterizedTest
  @ValueSource(strings = {"properties-scalars", "properties-nested", "opensea-style"})
  void nftWithJsonValuesAndFieldsMakesTheClientsIpnft(String id) throws IOException {
    // testdata/nft's own reader (numbers as JavaScript's doubles); Jackson writes each value back as JSON text.
    Map<?, ?> input = (Map<?, ?>) Vectors.find("cases.json", "nft", id).get("input");
    ObjectMapper json = new ObjectMapper();
    List<String> args = new ArrayList<>(List.of("nft"));
    for (Map.Entry<?, ?> e : input.entrySet()) {
      String key = (String) e.getKey();
      Object v = e.getValue();
      switch (key) {
        case "name", "description" -> args.addAll(List.of("--" + key, (String) v));
        case "image" -> args.addAll(List.of("--image", inputFile(v).toString()));
        case "properties" -> {
          for (Map.Entry<?, ?> p : ((Map<?, ?>) v).entrySet()) {
            args.addAll(List.of("--property", p.getKey() + ":=" + json.writeValueAsString(p.getValue())));
          }
        }
        default -> args.addAll(List.of("--field", v instanceof Map<?, ?> m && m.containsKey("$file")
            ? key + "=@" + inputFile(v) : key + ":=" + json.writeValueAsString(v)));
      }
    }
    args.addAll(List.of("-o", dir.resolve("token.car").toString()));
    Run r = run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    assertEquals(Vectors.find("expected.json", "nft", id).get("ipnft"), r.lines().get(0));
  }

  /** @return the file a testdata/nft {@code {"$file": {name, size, seed}}} describes, written in its own directory */
  private Path inputFile(Object described) throws IOException {
    Map<?, ?> f = (Map<?, ?>) ((Map<?, ?>) described).get("$file");
    String seed = (String) f.get("seed");
    Path file = Files.createDirectories(dir.resolve("in-" + seed.replace('/', '_'))).resolve((String) f.get("name"));
    Vectors.write(file, seed, ((Number) f.get("size")).longValue());
    return file;
  }

  @Test
  void nftUpload() throws IOException {
    Path image = Files.writeString(dir.resolve("cat.png"), "png");
    Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN);
    Run r = run(Map.of(), "nft", "--name", "Cat", "--description", "d", "--image", image.toString(), "-o",
        dir.resolve("t.car").toString(), "--upload", "--endpoint", SERVICE.endpoint().toString(), "--token-file",
        tokenFile.toString());
    assertEquals(0, r.code(), r.err());
    assertPinned(Cid.parse(r.lines().get(0)));
  }

  @Test
  void collectionPrintsTheBaseUri() throws IOException {
    Path images = images(3);
    Path metadata = metadata(3);
    Path out = dir.resolve("out");
    Run r = run("collection", images.toString(), metadata.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    CollectionResult expected = NftCollection.builder().images(images).metadata(metadata)
        .output(dir.resolve("library")).build().write();
    assertEquals("images: " + expected.imagesCid() + "\nmetadata: " + expected.metadataCid() + "\nbase URI: ipfs://"
        + expected.metadataCid() + "/\n", r.out());
    assertEquals("{\"name\":\"#2\",\"image\":\"ipfs://" + expected.imagesCid() + "/2.png\"}",
        Files.readString(out.resolve("metadata/2.json")));

    Run json = run("collection", images.toString(), metadata.toString(), "-o", dir.resolve("out2").toString(),
        "--json");
    assertEquals("{\"imagesCid\":\"" + expected.imagesCid() + "\",\"metadataCid\":\"" + expected.metadataCid()
        + "\",\"baseUri\":\"ipfs://" + expected.metadataCid() + "/\",\"tokens\":3,\"imagesCar\":\""
        + dir.resolve("out2/images.car") + "\",\"metadataCar\":\"" + dir.resolve("out2/metadata.car")
        + "\",\"uploaded\":false}\n", json.out());

    Run kubo = run("collection", images.toString(), metadata.toString(), "-o", dir.resolve("out3").toString(),
        "--profile", "kubo");
    assertEquals(0, kubo.code(), kubo.err());
    assertTrue(kubo.lines().get(0).startsWith("images: Qm"), kubo.out());
  }

  @Test
  void collectionListsEveryMissingImage() throws IOException {
    Path images = images(1);
    Path metadata = metadata(3);
    Run r = run("collection", images.toString(), metadata.toString(), "-o", dir.resolve("out").toString());
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertEquals("carmint: " + metadata.resolve("2.json") + ":1:22: image \"ipfs://NewUriToReplace/2.png\": no such "
        + "image in " + images + "\ncarmint: " + metadata.resolve("3.json") + ":1:22: image "
        + "\"ipfs://NewUriToReplace/3.png\": no such image in " + images + "\n"
        + "carmint: 2 references to missing images; nothing written\n", r.err());
    assertFalse(Files.exists(dir.resolve("out")));

    Files.writeString(metadata.resolve("2.json"), "{\"image\": \"1.png\"");
    Run bad = run("collection", images.toString(), metadata.toString(), "-o", dir.resolve("out").toString());
    assertEquals(1, bad.code());
    assertEquals("carmint: " + metadata.resolve("2.json") + ": line 1, column 18 (byte 17): expected ',' or '}' "
        + "after an object member, found the end of the file\n", bad.err());
  }

  @Test
  void collectionUpload() throws IOException {
    Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN);
    Run r = run(Map.of(), "collection", images(2).toString(), metadata(2).toString(), "-o",
        dir.resolve("out").toString(), "--upload", "--endpoint", SERVICE.endpoint().toString(), "--token-file",
        tokenFile.toString());
    assertEquals(0, r.code(), r.err());
    assertPinned(Cid.parse(r.lines().get(0).substring("images: ".length())));
    assertPinned(Cid.parse(r.lines().get(1).substring("metadata: ".length())));

    Run noEndpoint = run(Map.of(), "collection", dir.resolve("images").toString(), dir.resolve("metadata").toString(),
        "-o", dir.resolve("out4").toString(), "--upload");
    assertEquals(2, noEndpoint.code());
    assertFalse(Files.exists(dir.resolve("out4")), "usage errors come before any work");
  }

  private void assertPinned(Cid cid) throws IOException {
    try (NftStorageClient c = NftStorageClient.builder().endpoint(SERVICE.endpoint()).token(TOKEN).build()) {
      assertEquals(PinStatus.PINNED, c.status(cid).pinStatus());
    }
  }

  private Path images(int n) throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    for (int i = 1; i <= n; i++) {
      Files.writeString(images.resolve(i + ".png"), "image " + i);
    }
    return images;
  }

  private Path metadata(int n) throws IOException {
    Path metadata = Files.createDirectories(dir.resolve("metadata"));
    for (int i = 1; i <= n; i++) {
      String json = "{\"name\":\"#" + i + "\",\"image\":\"ipfs://NewUriToReplace/" + i + ".png\"}";
      Files.writeString(metadata.resolve(i + ".json"), json);
    }
    return metadata;
  }
}

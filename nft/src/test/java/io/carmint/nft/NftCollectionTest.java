package io.carmint.nft;

import static io.carmint.nft.Vectors.list;
import static io.carmint.nft.Vectors.obj;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.car.CarFile;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.unpack.Unpacker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link NftCollection}: ipfs-car's folder CIDs and CARs, byte-preserving rewrites, errors, and scale. */
class NftCollectionTest {
  @TempDir
  Path dir;

  /** Folders of the vectors: the CIDs and CARs of {@code ipfs-car pack}, the metadata bytes the vectors hold. */
  @ParameterizedTest
  @ValueSource(strings = {"col-numbered", "col-unicode"})
  void sameFoldersAsIpfsCar(String id) throws IOException {
    Map<String, Object> e = Vectors.find("expected.json", "collections", id);
    Path images = images(e);
    String cid = (String) obj(e, "imagesPack").get("root");
    Path metadata = Files.createDirectories(dir.resolve("metadata"));
    String[] placeholders = {"ipfs://NewUriToReplace/", "", "images/", "./"};
    int i = 0;
    for (Object o : list(e, "metadata")) {
      Map<String, Object> m = TestJson.object(o);
      String expected = (String) m.get("content");
      Files.writeString(metadata.resolve((String) m.get("name")),
          expected.replace("ipfs://" + cid + "/", placeholders[i++ % placeholders.length]));
    }

    CollectionResult r = collection(images, metadata).write();

    assertEquals(cid, r.imagesCid().toString());
    assertEquals(obj(e, "imagesPack").get("sha256"), Vectors.sha256(Files.readAllBytes(r.imagesCar())), "images.car");
    for (Object o : list(e, "metadata")) {
      Map<String, Object> m = TestJson.object(o);
      assertEquals(m.get("content"), Files.readString(r.metadataDir().resolve((String) m.get("name"))));
    }
    assertEquals(obj(e, "metadataPack").get("root"), r.metadataCid().toString());
    assertEquals(obj(e, "metadataPack").get("sha256"), Vectors.sha256(Files.readAllBytes(r.metadataCar())));
    assertEquals("ipfs://" + r.metadataCid() + "/", r.baseUri());
    assertEquals(list(e, "metadata").size(), r.tokens());
    assertEquals(list(e, "metadata").size(), r.links());
  }

  /** An empty .json file is not a token: refused, nothing written; without it, the images are ipfs-car's. */
  @Test
  void mixedSizes() throws IOException {
    Map<String, Object> e = Vectors.find("expected.json", "collections", "col-mixed-sizes");
    Path images = images(e);
    Path metadata = Files.createDirectories(dir.resolve("metadata"));
    for (Object o : list(e, "metadata")) {
      Map<String, Object> m = TestJson.object(o);
      Files.writeString(metadata.resolve((String) m.get("name")), (String) m.get("content"));
    }
    InvalidMetadataException x = assertThrows(InvalidMetadataException.class,
        () -> collection(images, metadata).write());
    assertEquals(metadata.resolve("c.json") + ": line 1, column 1 (byte 0): the file is empty; expected a token "
        + "object or an array of token objects", x.getMessage());
    assertFalse(Files.exists(dir.resolve("out")));

    Files.delete(metadata.resolve("c.json"));
    CollectionResult r = collection(images, metadata).write();
    assertEquals(obj(e, "imagesPack").get("root"), r.imagesCid().toString());
    assertEquals(obj(e, "imagesPack").get("sha256"), Vectors.sha256(Files.readAllBytes(r.imagesCar())));
    assertArrayEquals(Files.readAllBytes(metadata.resolve("b.json")),
        Files.readAllBytes(r.metadataDir().resolve("b.json")));
    assertEquals(0, r.links());
  }

  @Test
  void everyMissingImageIsListedAndNothingIsWritten() throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    Files.write(images.resolve("1.png"), new byte[] {1});
    Files.write(images.resolve(".hidden.png"), new byte[] {2}); // not packed by ipfs-car, so not an image
    Path metadata = Files.createDirectories(dir.resolve("metadata"));
    Files.writeString(metadata.resolve("1.json"), "{\"image\":\"ipfs://NewUriToReplace/1.png\"}");
    Files.writeString(metadata.resolve("2.json"), "{\n  \"image\": \"ipfs://NewUriToReplace/2.png\",\n"
        + "  \"animation_url\": \"2.mp4\"\n}\n");
    Files.writeString(metadata.resolve("3.json"), "{\"image\":\"https://example.org/3.png\","
        + "\"image_url\":\"ipfs://bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354/3.png\","
        + "\"animation_url\":\"data:text/html,x\",\"properties\":{\"image\":\".hidden.png\"}}");
    Files.writeString(metadata.resolve("_metadata.json"), "[{\"image\":\"1.png\"},{\"image\":\"images/2.png\"}]");

    MissingImagesException x = assertThrows(MissingImagesException.class, () -> collection(images, metadata).write());

    List<String> refs = new ArrayList<>();
    x.references().forEach(m -> refs.add(m.toString()));
    String d = metadata + "/";
    assertEquals(List.of(d + "2.json:2:12: image \"ipfs://NewUriToReplace/2.png\"",
        d + "2.json:3:20: animation_url \"2.mp4\"",
        d + "3.json:1:182: image \".hidden.png\"",
        d + "_metadata.json:1:29: image \"images/2.png\""), refs);
    assertTrue(x.getMessage().startsWith("4 references to images that are not in the images folder: " + d
        + "2.json:2:12"), x.getMessage());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void badFilesAreNamed() throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    Path metadata = Files.createDirectories(dir.resolve("metadata"));
    Files.writeString(metadata.resolve("1.json"), "{\"name\": \"a\",\n \"image\": \"1.png\",}\n");
    InvalidMetadataException x = assertThrows(InvalidMetadataException.class,
        () -> collection(images, metadata).write());
    assertEquals(metadata.resolve("1.json").toString(), x.file());
    assertEquals(2, x.line());
    assertEquals(19, x.column());

    Files.writeString(metadata.resolve("1.json"), "[{\"name\": \"a\"}, \"b\"]");
    x = assertThrows(InvalidMetadataException.class, () -> collection(images, metadata).write());
    assertTrue(x.getMessage().endsWith("not an array of token objects: element 1 is a string"), x.getMessage());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void otherFilesTravelAsTheyAre() throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    Files.write(images.resolve("a b.png"), new byte[] {1, 2, 3});
    Path metadata = Files.createDirectories(dir.resolve("metadata"));
    Files.createDirectories(metadata.resolve("sub"));
    Files.writeString(metadata.resolve("README.txt"), "{\"image\":\"x.png\"} is not looked at");
    Files.writeString(metadata.resolve("7"), " \n{\"image\" : \"a%20b.png\"}");          // no extension, JSON
    Files.writeString(metadata.resolve("notes"), "image: a b.png");                         // no extension, text
    Files.writeString(metadata.resolve("sub/8.JSON"), "{\"image\":\"../a b.png\"}");
    Files.writeString(metadata.resolve(".DS_Store"), "{not json");                          // hidden: skipped

    CollectionResult r = collection(images, metadata).write();

    String link = "ipfs://" + r.imagesCid() + "/a%20b.png";
    Path out = r.metadataDir();
    assertEquals("{\"image\":\"x.png\"} is not looked at", Files.readString(out.resolve("README.txt")));
    assertEquals(" \n{\"image\" : \"" + link + "\"}", Files.readString(out.resolve("7")));
    assertEquals("image: a b.png", Files.readString(out.resolve("notes")));
    assertEquals("{\"image\":\"" + link + "\"}", Files.readString(out.resolve("sub/8.JSON")));
    assertFalse(Files.exists(out.resolve(".DS_Store")));
    assertEquals(2, r.tokens());
    assertEquals(4, r.metadataFiles());
  }

  @Test
  void outputMustBeFresh() throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    Path metadata = Files.createDirectories(dir.resolve("metadata"));
    Files.writeString(metadata.resolve("1.json"), "{}");
    IOException inside = assertThrows(IOException.class,
        () -> NftCollection.builder().images(images).metadata(metadata).output(images.resolve("out")).build()
            .write());
    assertTrue(inside.getMessage().contains("is inside the input folder"), inside.getMessage());
    Files.createDirectories(dir.resolve("out/metadata"));
    Files.writeString(dir.resolve("out/metadata/old.json"), "{}");
    IOException stale = assertThrows(IOException.class, () -> collection(images, metadata).write());
    assertTrue(stale.getMessage().contains("already exists and is not an empty folder"), stale.getMessage());
    assertThrows(java.nio.file.NoSuchFileException.class,
        () -> collection(dir.resolve("nope"), metadata).write());
  }

  /**
   * 2,000 tokens (so both folders are HAMT-sharded directories), pretty-printed, minified and oddly spaced files and
   * an aggregate array: both CARs unpacked, every rewritten file read back and compared with its input (only the
   * image link differs), and every link followed to the image's bytes.
   */
  @Test
  void thousandsOfTokensReadBack() throws IOException {
    int n = 2000;
    Path images = Files.createDirectories(dir.resolve("images"));
    Path metadata = Files.createDirectories(dir.resolve("metadata"));
    Random random = new Random(11);
    StringBuilder all = new StringBuilder("[");
    for (int i = 1; i <= n; i++) {
      byte[] png = new byte[1 + random.nextInt(300)];
      random.nextBytes(png);
      Files.write(images.resolve(i + ".png"), png);
      String json = switch (i % 3) {
        case 0 -> "{\n  \"name\": \"Token #" + i + "\",\n  \"image\": \"ipfs://NewUriToReplace/" + i + ".png\",\n"
            + "  \"attributes\": [ { \"trait_type\": \"Level\", \"value\": " + i + ".0 } ]\n}\n";
        case 1 -> "{\"name\":\"Token #" + i + "\",\"image\":\"" + i + ".png\",\"edition\":" + i + "}";
        default -> "{ \"image\"   :\"images/" + i + ".png\" ,\"name\" : \"T\\u00f6ken \\/" + i + "\"\t}\r\n";
      };
      Files.writeString(metadata.resolve(Integer.toString(i)), json);
      all.append(i == 1 ? "" : ",").append("{\"image\":\"").append(i).append(".png\"}");
    }
    Files.writeString(metadata.resolve("_metadata.json"), all.append("]").toString());

    CollectionResult r = collection(images, metadata).write();
    assertEquals(n, r.tokens());
    assertEquals(2L * n, r.links());

    Path imagesBack = dir.resolve("images-back");
    Path metadataBack = dir.resolve("metadata-back");
    try (CarFile car = CarFile.open(r.imagesCar())) {
      assertEquals(List.of(r.imagesCid()), car.roots());
      Unpacker.of().unpack(car, r.imagesCid(), imagesBack);
    }
    try (CarFile car = CarFile.open(r.metadataCar())) {
      assertEquals(List.of(r.metadataCid()), car.roots());
      Unpacker.of().unpack(car, r.metadataCid(), metadataBack);
    }
    Pattern link = Pattern.compile("\"ipfs://([a-z0-9]+)/([^\"]+)\"");
    for (int i = 1; i <= n; i++) {
      String in = Files.readString(metadata.resolve(Integer.toString(i)));
      String back = Files.readString(metadataBack.resolve(Integer.toString(i)));
      Matcher m = link.matcher(back);
      assertTrue(m.find(), back);
      assertEquals(r.imagesCid(), Cid.parse(m.group(1)));
      assertArrayEquals(Files.readAllBytes(images.resolve(i + ".png")), Files.readAllBytes(imagesBack.resolve(
          IpfsUrl.decode(m.group(2)))), "image of token " + i);
      String original = in.replaceFirst("\"(ipfs://NewUriToReplace/|images/)?" + i + "\\.png\"", m.group(0)
          .replace("$", "\\$"));
      assertEquals(original, back, "token " + i);
    }
    try (Stream<Path> s = Files.list(metadataBack)) {
      assertEquals(n + 1, s.count());
    }
    String aggregate = Files.readString(metadataBack.resolve("_metadata.json"));
    assertTrue(aggregate.startsWith("[{\"image\":\"ipfs://" + r.imagesCid() + "/1.png\"},"), aggregate);
  }

  /** The kubo profile packs both folders its way; the links still name the images. */
  @Test
  void anyProfile() throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    Files.write(images.resolve("1.png"), new byte[] {1});
    Path metadata = Files.createDirectories(dir.resolve("metadata"));
    Files.writeString(metadata.resolve("1.json"), "{\"image\":\"1.png\"}");
    CollectionResult r = NftCollection.builder().images(images).metadata(metadata).output(dir.resolve("out"))
        .profile(ImportProfile.UNIXFS_V0_2015).build().write();
    assertEquals(0, r.imagesCid().version());
    assertEquals("{\"image\":\"ipfs://" + r.imagesCid() + "/1.png\"}",
        Files.readString(r.metadataDir().resolve("1.json")));
  }

  /**
   * Progress counts the input files' bytes (hidden images left out, as the packer leaves them out): the images once,
   * each metadata file twice; it starts at 0, never goes back or past the total, and ends at it, on the caller's
   * thread. With the CIDv0 profile the images' blocks hold more bytes than the files, and the count still stays in
   * the images' share.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ipfs-car", "v0"})
  void progressCountsTheInputBytesUpToTheTotal(String profile) throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    Random random = new Random(5);
    long[] sizes = {700_000, 3, 40_000};
    long imageBytes = 0;
    for (int i = 0; i < sizes.length; i++) {
      byte[] b = new byte[(int) sizes[i]];
      random.nextBytes(b);
      Files.write(images.resolve((i + 1) + ".png"), b);
      imageBytes += b.length;
    }
    Files.write(images.resolve(".DS_Store"), new byte[5000]);
    Path metadata = Files.createDirectories(dir.resolve("metadata"));
    String[] json = {"{\"image\":\"1.png\"}", "{\"image\":\"ipfs://NewUriToReplace/2.png\"}\n",
        "{ \"image\": \"images/3.png\", \"name\": \"three\" }"};
    long metadataBytes = 0;
    for (int i = 0; i < json.length; i++) {
      metadataBytes += Files.write(metadata.resolve((i + 1) + ".json"), json[i].getBytes(UTF_8)).toFile().length();
    }
    metadataBytes += Files.write(metadata.resolve("notes.txt"), new byte[1234]).toFile().length();
    List<long[]> calls = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    NftCollection.builder().images(images).metadata(metadata).output(dir.resolve("out"))
        .profile(profile.equals("v0") ? ImportProfile.UNIXFS_V0_2015 : ImportProfile.IPFS_CAR)
        .progress((done, total) -> {
          calls.add(new long[] {done, total});
          threads.add(Thread.currentThread());
        }).build().write();

    long total = imageBytes + 2 * metadataBytes;
    assertEquals(0, calls.get(0)[0]);
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(total, calls.get(i)[1], "call " + i);
      assertTrue(calls.get(i)[0] <= total, "call " + i + " passed the total");
      assertTrue(i == 0 || calls.get(i)[0] > calls.get(i - 1)[0], "call " + i + " went back or stood still");
    }
    assertEquals(total, calls.get(calls.size() - 1)[0]);
    long imagesShare = imageBytes;
    assertTrue(calls.stream().anyMatch(c -> c[0] > 0 && c[0] < imagesShare), "the packing of the images is followed");
    assertTrue(threads.stream().allMatch(t -> t == Thread.currentThread()), "called on the writing thread");
  }

  private NftCollection collection(Path images, Path metadata) {
    return NftCollection.builder().images(images).metadata(metadata).output(dir.resolve("out")).build();
  }

  private Path images(Map<String, Object> e) throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    for (Object o : list(e, "images")) {
      Map<String, Object> img = TestJson.object(o);
      String sha = Vectors.write(images.resolve((String) img.get("name")), (String) img.get("seed"),
          ((Double) img.get("size")).longValue());
      assertEquals(img.get("sha256"), sha);
    }
    return images;
  }
}

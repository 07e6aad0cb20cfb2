package io.carmint.unixfs.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmint.block.Block;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CARs ipfs-car 3.1.0 wrote for inputs on disk (testdata/cars/cars.json): the input is recreated in a temporary
 * directory (files, symlinks, empty and hidden entries included) and imported from the file system with the
 * ipfs-car profile; the block sequence and the CAR's SHA-256 must equal ipfs-car's. This exercises the file system
 * scan: hidden entries, symlinks and empty directories dropped, blocks in files-from-path's sorted-path order.
 *
 * <p>ipfs-car's {@code --wrap} (its default) wraps a single file in a directory, which is carmint's {@code wrap};
 * on a directory of several entries it changes nothing, so directories are imported without {@code wrap}.
 */
class IpfsCarCarsTest {
  @TempDir
  Path tmp;

  static Stream<Arguments> cars() throws IOException {
    Path file = Path.of(System.getProperty("carmint.testdata", "testdata"), "cars", "cars.json");
    if (!Files.exists(file)) {
      return Stream.of(Arguments.of("testdata/cars absent", null));
    }
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : Vectors.MAPPER.readTree(file.toFile())) {
      out.add(Arguments.of(c.get("id").asText() + ": " + c.get("command").asText(), c));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cars")
  void sameBlocksAndCarBytesAsIpfsCar(String name, JsonNode car) throws IOException {
    Assumptions.assumeTrue(car != null, "testdata/cars/cars.json absent");
    JsonNode input = car.get("input");
    Path path = tmp.resolve(input.get("name").asText());
    List<String> argv = new ArrayList<>();
    car.get("argv").forEach(a -> argv.add(a.asText()));
    boolean isFile = input.get("kind").asText().equals("file");
    if (isFile) {
      write(path, input);
    } else {
      Files.createDirectories(path);
      for (JsonNode e : entries(input)) {
        materialize(path, e);
      }
    }
    ImportProfile profile = ImportProfile.IPFS_CAR.toBuilder()
        .includeHidden(argv.contains("--hidden"))
        .wrap(isFile && !argv.contains("--no-wrap"))
        .build();
    Cid root = Cid.parse(car.get("rootCid").asText());
    CarSha256 sha = new CarSha256(root);
    List<String> blocks = new ArrayList<>();
    ImportResult r = Importer.of(profile).importPath(path, (Block b) -> {
      blocks.add(b.cid().toString());
      sha.put(b);
    });
    assertEquals(root, r.root());
    List<String> expected = new ArrayList<>();
    car.get("blocks").forEach(b -> expected.add(b.asText()));
    assertEquals(expected, blocks, "blocks in CAR order");
    assertEquals(car.get("carSha256").asText(), sha.hex());
  }

  private static Iterable<JsonNode> entries(JsonNode input) throws IOException {
    if (input.has("entries")) {
      return input.get("entries");
    }
    String id = input.get("corpusCase").asText();
    for (JsonNode c : Vectors.MAPPER.readTree(Vectors.dir().resolve("extra-corpus.json").toFile())) {
      if (c.get("id").asText().equals(id)) {
        return c.get("entries");
      }
    }
    throw new IllegalStateException("corpus case " + id + " not found");
  }

  private static void materialize(Path dir, JsonNode e) throws IOException {
    Path p = dir;
    for (String s : e.get("path").asText().split("/")) {
      p = p.resolve(s);
    }
    String kind = e.has("kind") ? e.get("kind").asText() : "file";
    switch (kind) {
      case "emptydir" -> Files.createDirectories(p);
      case "symlink" -> {
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(e.get("target").asText()));
      }
      default -> {
        Files.createDirectories(p.getParent());
        write(p, e);
      }
    }
  }

  private static void write(Path p, JsonNode spec) throws IOException {
    if (spec.has("contentUtf8")) {
      Files.writeString(p, spec.get("contentUtf8").asText(), StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = Keystream.open(spec.get("seed").asText(), spec.get("size").asLong())) {
      Files.copy(in, p);
    }
  }
}

package io.carmint.car;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmint.block.Block;
import io.carmint.multiformats.Cid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IPLD spec fixtures carv1-basic and carv2-basic (../shared/conformance/ipld-specs) and their byte-identical
 * js-car copies go.car and go.carv2: the header and the block list with offsets must equal the JSON layouts, and
 * writing the same header and blocks again must give the same bytes.
 */
class SpecFixturesTest {
  static Stream<Arguments> fixtures() {
    List<Arguments> out = new ArrayList<>();
    for (Feed f : Feed.values()) {
      out.add(Arguments.of("ipld-specs/carv1-basic.car", "carv1-basic", f));
      out.add(Arguments.of("ipld-specs/carv2-basic.car", "carv2-basic", f));
      out.add(Arguments.of("js-car/go.car", "carv1-basic", f));
      out.add(Arguments.of("js-car/go.carv2", "carv2-basic", f));
    }
    return out.stream();
  }

  static Path car(String name) {
    if (name.startsWith("js-car/")) {
      return Fixtures.conformance("js-car").resolve(name.substring(7));
    }
    String base = name.substring("ipld-specs/".length(), name.length() - 4);
    return Fixtures.conformance("ipld-specs").resolve("car-fixture").resolve(base).resolve(base + ".car");
  }

  static JsonNode layout(String base) throws IOException {
    Path p = Fixtures.conformance("ipld-specs").resolve("car-fixture").resolve(base).resolve(base + ".json");
    return new ObjectMapper().readTree(p.toFile());
  }

  static List<BlockLocation> expectedLocations(JsonNode layout) {
    List<BlockLocation> out = new ArrayList<>();
    for (JsonNode b : layout.get("blocks")) {
      out.add(new BlockLocation(Cid.parse(b.get("cid").get("/").asText()), b.get("offset").asLong(),
          b.get("length").asLong(), b.get("blockOffset").asLong(), b.get("blockLength").asInt()));
    }
    return out;
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("fixtures")
  void headerAndBlocksMatchTheLayout(String file, String base, Feed feed) throws IOException {
    JsonNode layout = layout(base);
    JsonNode header = layout.get("header");
    byte[] bytes = Files.readAllBytes(car(file));
    List<Cid> roots = new ArrayList<>();
    header.get("roots").forEach(r -> roots.add(Cid.parse(r.get("/").asText())));
    List<BlockLocation> locations = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    try (CarReader r = CarReader.open(feed.stream(bytes))) {
      assertEquals(header.get("version").asInt(), r.version());
      assertEquals(roots, r.roots());
      if (r.version() == 2) {
        CarV2Header h = r.v2Header().orElseThrow();
        assertEquals(header.get("dataOffset").asLong(), h.dataOffset());
        assertEquals(header.get("dataSize").asLong(), h.dataSize());
        assertEquals(header.get("indexOffset").asLong(), h.indexOffset());
        assertEquals(header.get("characteristics").get(0).asLong(), h.characteristicsHigh());
        assertEquals(header.get("characteristics").get(1).asLong(), h.characteristicsLow());
      }
      for (Block b = r.next(); b != null; b = r.next()) {
        locations.add(r.lastLocation());
        blocks.add(b);
      }
      assertEquals(expectedLocations(layout), locations);
      if (r.version() == 2) {
        // The index predates the index multicodec: its first varint (1) is no index codec. It must not be mis-read.
        CarIndexException e = assertThrows(CarIndexException.class, r::readIndex);
        assertTrue(e.isUnknownCodec(), e.getMessage());
      }
    }
    try (CarFile f = CarFile.open(car(file))) {
      assertEquals(expectedLocations(layout), f.locations());
    }
    // Writing the same roots and blocks gives the same CARv1 bytes (the payload, for the CARv2).
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
    CarWriter w = CarWriter.create(Channels.newChannel(rewritten), roots, CarWriteOptions.DEFAULTS);
    for (Block b : blocks) {
      w.put(b);
    }
    w.finish();
    byte[] expected = bytes;
    if (header.get("version").asInt() == 2) {
      long off = header.get("dataOffset").asLong();
      expected = Arrays.copyOfRange(bytes, (int) off, (int) (off + header.get("dataSize").asLong()));
    }
    assertArrayEquals(expected, rewritten.toByteArray());
  }
}

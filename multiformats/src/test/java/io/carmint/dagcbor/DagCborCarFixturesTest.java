package io.carmint.dagcbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multicodec;
import io.carmint.testsupport.CarSections;
import io.carmint.testsupport.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DAG-CBOR as it appears in the well-formed CAR fixtures of ../shared/conformance (go-car, js-car, ipld specs,
 * gateway-conformance): every CAR header, and every dag-cbor (0x71) block.
 */
class DagCborCarFixturesTest {
  /** Well-formed CAR files; the deliberately broken ones are the CAR module's business. */
  private static final Set<String> BROKEN = Set.of("badheaderlength.car", "badsectionlength.car",
      "sample-corrupt-pragma.car", "sample-rootless-v42.car", "sample-v1-tailing-corrupt-section.car",
      "sample-v2-corrupt-data-and-index.car", "sample-v1-with-zero-len-section.car",
      "sample-v1-with-zero-len-section2.car");

  static Stream<Arguments> cars() {
    if (!SharedData.hasConformanceDir("")) {
      return SharedData.absentRow((Object) null);
    }
    Path dir = SharedData.conformanceDir("");
    return Stream.concat(SharedData.filesEndingWith(dir, ".car").stream(),
            SharedData.filesEndingWith(dir, ".carv2").stream())
        .filter(p -> !BROKEN.contains(p.getFileName().toString()))
        .map(p -> Arguments.of(dir.relativize(p).toString(), p));
  }

  /** The header decodes strictly, and re-encoding its roots reproduces it byte for byte. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cars")
  void carHeaderRoundTrips(String name, Path file) throws Exception {
    SharedData.assumePresent(name);
    byte[] header = CarSections.read(Files.readAllBytes(file)).header();
    DagCbor.CarHeaderFields fields = DagCbor.decodeCarHeader(header);
    assertEquals(1, fields.version());
    assertArrayEquals(header, DagCbor.encodeCarV1Header(fields.roots()));
    assertArrayEquals(header, DagCbor.encode(DagCbor.decode(header)));
    assertEquals(fields.roots(), DagCbor.links(header));
  }

  /**
   * Every dag-cbor block hashes to its CID and its links parse; decoding then re-encoding gives the same bytes,
   * except for blocks whose text is not UTF-8, which {@code decode} must refuse for exactly that reason.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cars")
  void dagCborBlocksDecodeAndReencodeIdentically(String name, Path file) throws Exception {
    SharedData.assumePresent(name);
    for (CarSections.Section s : CarSections.read(Files.readAllBytes(file)).sections()) {
      if (s.cid().codecCode() != Multicodec.DAG_CBOR.code()) {
        continue;
      }
      assertTrue(s.cid().matches(s.data(), 0, s.data().length), s.cid() + " hash");
      List<Cid> links = DagCbor.links(s.data());
      DagCborValue v;
      try {
        v = DagCbor.decode(s.data());
      } catch (DagCborFormatException e) {
        assertTrue(e.getMessage().contains("invalid UTF-8"), s.cid() + ": " + e.getMessage());
        continue;
      }
      assertArrayEquals(s.data(), DagCbor.encode(v), s.cid().toString());
      assertEquals(DagJson.links(v), links, s.cid().toString());
    }
  }

  /** The ipld specs fixture spells out the decoded content of its two dag-cbor blocks as DAG-JSON. */
  @Test
  void carv1BasicDagCborBlocksMatchTheSpecJson() throws Exception {
    Path dir = SharedData.conformanceDir("ipld-specs/car-fixture/carv1-basic");
    CarSections car = CarSections.read(Files.readAllBytes(dir.resolve("carv1-basic.car")));
    com.fasterxml.jackson.databind.JsonNode layout = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(dir.resolve("carv1-basic.json").toFile());
    Map<Cid, byte[]> blocks = new HashMap<>();
    car.sections().forEach(s -> blocks.put(s.cid(), s.data()));
    int checked = 0;
    for (com.fasterxml.jackson.databind.JsonNode b : layout.get("blocks")) {
      Cid cid = Cid.parse(b.get("cid").get("/").textValue());
      if (cid.codecCode() != Multicodec.DAG_CBOR.code()) {
        continue;
      }
      assertEquals(DagJson.parse(b.get("content").toString()), DagCbor.decode(blocks.get(cid)), cid.toString());
      checked++;
    }
    assertEquals(2, checked);
    assertEquals(DagJson.parse(layout.get("header").get("roots").toString()),
        DagCborValue.ListValue.of(DagCbor.decodeCarHeader(car.header()).roots().stream()
            .map(DagCborValue.LinkValue::of).toArray(DagCborValue[]::new)));
  }

  /**
   * go-car's sample-v1.car was written by a traversal from its root (Filecoin chain data, dag-cbor with
   * blake2b-256): following {@link DagCbor#links} from the root must reach every one of its 1049 blocks and no
   * CID outside it. 1049 is js-car's expected block count (conformance/js-car/README.md).
   */
  @Test
  void linksWalkFromTheRootReachesEveryBlockOfSampleV1() throws Exception {
    Path file = SharedData.conformanceDir("go-car/v2-testdata").resolve("sample-v1.car");
    CarSections car = CarSections.read(Files.readAllBytes(file));
    Map<Cid, byte[]> blocks = new HashMap<>();
    car.sections().forEach(s -> blocks.put(s.cid(), s.data()));
    assertEquals(1049, blocks.size());
    Set<Cid> reached = new HashSet<>();
    Deque<Cid> todo = new ArrayDeque<>(DagCbor.decodeCarHeader(car.header()).roots());
    while (!todo.isEmpty()) {
      Cid cid = todo.pop();
      if (!reached.add(cid)) {
        continue;
      }
      byte[] data = blocks.get(cid);
      assertTrue(data != null, "link to " + cid + " not in the CAR");
      if (cid.codecCode() == Multicodec.DAG_CBOR.code()) {
        todo.addAll(DagCbor.links(data));
      }
    }
    assertEquals(blocks.keySet(), reached);
  }
}

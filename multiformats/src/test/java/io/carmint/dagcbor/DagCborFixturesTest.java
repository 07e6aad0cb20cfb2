package io.carmint.dagcbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.testsupport.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ipld/codec-fixtures: the DAG-CBOR form of each DAG-PB fixture (../shared/conformance/codec-fixtures/dag-pb).
 * Each file is named by its CID; its DAG-JSON sibling, read with Jackson, is the expected data model.
 */
class DagCborFixturesTest {
  static Stream<Arguments> dagCborFixtures() {
    if (!SharedData.hasConformanceDir("codec-fixtures/dag-pb/fixtures")) {
      return SharedData.absentRow((Object) null);
    }
    Path dir = SharedData.conformanceDir("codec-fixtures/dag-pb/fixtures");
    return SharedData.filesEndingWith(dir, ".dag-cbor").stream()
        .map(p -> Arguments.of(p.getParent().getFileName().toString(), p));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dagCborFixtures")
  void decodesToTheDagJsonModelAndReencodesToTheSameBytesAndCid(String fixture, Path file) throws Exception {
    SharedData.assumePresent(fixture);
    byte[] bytes = Files.readAllBytes(file);
    String name = file.getFileName().toString();
    Cid expectedCid = Cid.parse(name.substring(0, name.length() - ".dag-cbor".length()));
    DagCborValue expected = DagJson.read(siblingDagJson(file));

    DagCborValue decoded = DagCbor.decode(bytes);
    assertEquals(expected, decoded);
    byte[] reencoded = DagCbor.encode(decoded);
    assertArrayEquals(bytes, reencoded);
    assertArrayEquals(bytes, DagCbor.encode(expected), "encoding the DAG-JSON model (upstream's cross-codec check)");
    assertEquals(expectedCid, Cid.v1(Multicodec.DAG_CBOR, HashFunction.SHA2_256.digest(reencoded)));
    assertEquals(DagJson.links(expected), DagCbor.links(bytes));
  }

  private static Path siblingDagJson(Path file) throws Exception {
    try (Stream<Path> s = Files.list(file.getParent())) {
      List<Path> json = s.filter(p -> p.toString().endsWith(".dag-json")).toList();
      assertEquals(1, json.size(), "one .dag-json beside " + file);
      return json.get(0);
    }
  }
}

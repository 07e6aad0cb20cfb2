package io.carmint.dagpb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ipld/codec-fixtures dag-pb fixtures, read in place from {@code ../shared/conformance} (one case per
 * fixture): positive blocks decode to their DAG-JSON data model and re-encode to identical bytes and CID;
 * negative decode cases and negative encode (data model) cases are rejected.
 */
class DagPbCodecFixturesTest {
  /** Case name used when ../shared is absent: the one case is then skipped with the reason, visibly. */
  private static final String ABSENT = "../shared absent";

  private static Path fixtures() {
    return Path.of(System.getProperty("carmint.shared", "../shared"), "conformance", "codec-fixtures", "dag-pb");
  }

  private static boolean absent() {
    return !Files.isDirectory(fixtures());
  }

  private static void skipIfAbsent(String name) {
    Assumptions.assumeFalse(ABSENT.equals(name), "../shared absent: " + fixtures() + " (dag-pb codec-fixtures skipped)");
  }

  static Stream<Arguments> positive() throws IOException {
    if (absent()) {
      return Stream.of(Arguments.of(ABSENT, null, null));
    }
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(fixtures().resolve("fixtures"))) {
      for (Path d : dirs.sorted().toList()) {
        try (Stream<Path> files = Files.list(d)) {
          Path pb = files.filter(f -> f.getFileName().toString().endsWith(".dag-pb")).findFirst().orElseThrow();
          Path json;
          try (Stream<Path> again = Files.list(d)) {
            json = again.filter(f -> f.getFileName().toString().endsWith(".dag-json")).findFirst().orElseThrow();
          }
          out.add(Arguments.of(d.getFileName().toString(), pb, json));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "positive {0}")
  @MethodSource("positive")
  void decodesReencodesAndHashesToItsName(String name, Path pbFile, Path jsonFile) throws IOException {
    skipIfAbsent(name);
    byte[] bytes = Files.readAllBytes(pbFile);
    String expectedCid = pbFile.getFileName().toString().replace(".dag-pb", "");

    PbNode node = DagPb.decode(bytes);
    assertEquals(PbNode.fromDataModel(DagJson.read(jsonFile)), node, "decoded node = the DAG-JSON data model");
    byte[] again = DagPb.encode(node);
    assertArrayEquals(bytes, again, "re-encoding gives identical bytes");
    assertEquals(bytes.length, DagPb.encodedLength(node));
    assertEquals(expectedCid, Cid.v1(Multicodec.DAG_PB, HashFunction.SHA2_256.digest(again)).toString());

    List<Cid> linkCids = node.links().stream().map(PbLink::hash).toList();
    assertEquals(linkCids, DagPb.links(bytes));
    // the data model in DAG-JSON encodes to the same block (upstream's cross-check)
    assertArrayEquals(bytes, DagPb.encode(PbNode.fromDataModel(DagJson.read(jsonFile))));
  }

  static Stream<Arguments> negativeDecode() throws IOException {
    if (absent()) {
      return Stream.of(Arguments.of(ABSENT, null, null));
    }
    JsonNode cases = DagJson.MAPPER.readTree(fixtures().resolve("negative-fixtures/decode/edges.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : cases) {
      out.add(Arguments.of(c.get("name").asText(), c.get("hex").asText(), c.get("error").asText()));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "negative decode: {0}")
  @MethodSource("negativeDecode")
  void rejectsInvalidBlocks(String name, String hex, String upstreamError) {
    skipIfAbsent(name);
    byte[] bytes = HexFormat.of().parseHex(hex);
    DagPbFormatException e = assertThrows(DagPbFormatException.class, () -> DagPb.decode(bytes), upstreamError);
    assertThrows(DagPbFormatException.class, () -> DagPb.links(bytes));
    String expected = upstreamError.contains("duplicate Links") ? "duplicate Links" : "invalid Hash field found in link";
    assertEquals(true, e.getMessage().contains(expected), e.getMessage());
  }

  static Stream<Arguments> negativeEncode() throws IOException {
    if (absent()) {
      return Stream.of(Arguments.of(ABSENT, null, null));
    }
    List<Arguments> out = new ArrayList<>();
    for (String file : List.of("basic-datamodel-kinds.json", "invalid-forms.json")) {
      JsonNode cases = DagJson.MAPPER.readTree(fixtures().resolve("negative-fixtures/encode").resolve(file).toFile());
      for (JsonNode c : cases) {
        out.add(Arguments.of(file + ": " + c.get("name").asText(), c.get("dag-json"), c.get("error").asText()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "negative encode {0}")
  @MethodSource("negativeEncode")
  void refusesToEncodeInvalidForms(String name, JsonNode dagJson, String upstreamError) {
    skipIfAbsent(name);
    Object value = DagJson.toDataModel(dagJson);
    InvalidDagPbException e = assertThrows(InvalidDagPbException.class,
        () -> DagPb.encode(PbNode.fromDataModel(value)), upstreamError);
    // Our messages start with upstream's wording (up to the closing parenthesis of the reason).
    String reason = upstreamError.contains("(") ? upstreamError.substring(0, upstreamError.indexOf(')') + 1)
        : "Invalid DAG-PB form";
    assertEquals(true, e.getMessage().startsWith(reason) || upstreamError.equals("Invalid DAG-PB form")
        && e.getMessage().startsWith("Invalid DAG-PB form"), "'" + e.getMessage() + "' vs '" + upstreamError + "'");
  }
}

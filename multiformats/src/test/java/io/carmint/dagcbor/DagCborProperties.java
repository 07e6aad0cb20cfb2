package io.carmint.dagcbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.dagcbor.DagCborValue.BoolValue;
import io.carmint.dagcbor.DagCborValue.BytesValue;
import io.carmint.dagcbor.DagCborValue.FloatValue;
import io.carmint.dagcbor.DagCborValue.IntValue;
import io.carmint.dagcbor.DagCborValue.LinkValue;
import io.carmint.dagcbor.DagCborValue.ListValue;
import io.carmint.dagcbor.DagCborValue.MapValue;
import io.carmint.dagcbor.DagCborValue.NullValue;
import io.carmint.dagcbor.DagCborValue.TextValue;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.testsupport.Generators;
import io.carmint.testsupport.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

class DagCborProperties {
  @Provide
  Arbitrary<DagCborValue> values() {
    return value(4);
  }

  private static Arbitrary<DagCborValue> value(int depth) {
    if (depth == 0) {
      return scalars();
    }
    Arbitrary<DagCborValue> child = Arbitraries.lazy(() -> value(depth - 1));
    Arbitrary<DagCborValue> list = child.list().ofMaxSize(5).map(ListValue::new);
    Arbitrary<DagCborValue> map = Arbitraries.maps(keys(), child).ofMaxSize(5).map(MapValue::of);
    return Arbitraries.frequencyOf(Tuple.of(4, scalars()), Tuple.of(1, list), Tuple.of(1, map));
  }

  private static Arbitrary<DagCborValue> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.just(NullValue.INSTANCE),
        Arbitraries.of(BoolValue.TRUE, BoolValue.FALSE),
        Arbitraries.longs().map(IntValue::of),
        Arbitraries.bigIntegers().between(IntValue.MIN, IntValue.MAX).map(IntValue::of),
        Arbitraries.doubles().filter(Double::isFinite).map(FloatValue::of),
        Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE).map(FloatValue::of),
        texts().map(TextValue::of),
        Generators.bytes(40).map(BytesValue::of),
        Generators.cids().map(LinkValue::of));
  }

  /** Unicode text from code points (no unpaired surrogates), often ASCII, sometimes astral. */
  private static Arbitrary<String> texts() {
    Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
        Tuple.of(1, Arbitraries.integers().between(0, 0xd7ff)),
        Tuple.of(1, Arbitraries.integers().between(0xe000, 0x10ffff)));
    return codePoints.list().ofMaxSize(12)
        .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString());
  }

  /** Keys from a small alphabet, so that equal lengths and shared prefixes are common. */
  private static Arbitrary<String> keys() {
    return Arbitraries.oneOf(Arbitraries.strings().withChars("abé").ofMaxLength(4), texts());
  }

  @Property
  void decodeOfEncodeIsIdentity(@ForAll("values") DagCborValue value) throws IOException {
    byte[] bytes = DagCbor.encode(value);
    DagCborValue back = DagCbor.decode(bytes);
    assertEquals(value, back);
    assertEquals(value.hashCode(), back.hashCode());
    assertArrayEquals(bytes, DagCbor.encode(back));
    assertEquals(DagJson.links(value), DagCbor.links(bytes));
  }

  /** Arbitrary bytes: only the declared exceptions; whatever decodes is canonical (re-encodes identically). */
  @Property(tries = 3000)
  void arbitraryBytesDecodeCanonicallyOrThrowDeclaredExceptions(@ForAll @Size(max = 64) byte[] bytes)
      throws IOException {
    checkDecoders(bytes);
  }

  @Provide
  Arbitrary<byte[]> damagedEncodings() {
    return values().map(DagCbor::encode).flatMap(Generators::mutations);
  }

  @Property(tries = 3000)
  void damagedEncodingsDecodeCanonicallyOrThrowDeclaredExceptions(@ForAll("damagedEncodings") byte[] bytes)
      throws IOException {
    checkDecoders(bytes);
  }

  /** Seeds: the codec-fixtures DAG-CBOR files and the CAR headers' shapes, damaged. */
  @Provide
  Arbitrary<byte[]> damagedFixtures() {
    List<byte[]> seeds = new ArrayList<>();
    Path dir = Path.of(System.getProperty("carmint.shared", "../shared"), "conformance", "codec-fixtures");
    if (Files.isDirectory(dir)) {
      for (Path p : SharedData.filesEndingWith(dir, ".dag-cbor")) {
        try {
          seeds.add(Files.readAllBytes(p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    seeds.add(DagCbor.encodeCarV2Pragma());
    seeds.add(DagCbor.encodeCarV1Header(List.of(io.carmint.multiformats.Cid.parse(
        "bafyreihyrpefhacm6kkp4ql6j6udakdit7g3dmkzfriqfykhjw6cad5lrm"))));
    return Arbitraries.of(seeds.stream().map(byte[]::clone).collect(Collectors.toList()))
        .flatMap(Generators::mutations);
  }

  @Property(tries = 3000)
  void damagedFixturesDecodeCanonicallyOrThrowDeclaredExceptions(@ForAll("damagedFixtures") byte[] bytes)
      throws IOException {
    checkDecoders(bytes);
  }

  private static void checkDecoders(byte[] bytes) throws IOException {
    DagCborValue value = null;
    try {
      value = DagCbor.decode(bytes);
      assertArrayEquals(bytes, DagCbor.encode(value));
    } catch (DagCborFormatException | LimitExceededException expected) {
      // the declared failures
    }
    try {
      List<io.carmint.multiformats.Cid> links = DagCbor.links(bytes);
      if (value != null) {
        assertEquals(DagJson.links(value), links);
      }
    } catch (DagCborFormatException | LimitExceededException expected) {
      assertEquals(null, value, "links() rejected what decode() accepted");
    }
    try {
      DagCbor.decodeCarHeader(bytes);
    } catch (DagCborFormatException | LimitExceededException expected) {
      // the declared failures
    }
  }
}

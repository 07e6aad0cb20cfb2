package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.carmint.dagcbor.DagCbor;
import io.carmint.dagcbor.DagCborFormatException;
import io.carmint.dagcbor.DagCborValue;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.DagPbFormatException;
import io.carmint.dagpb.PbNode;
import io.carmint.testsupport.FuzzSeeds;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzz tests (Jazzer) of this module's decoders. Each target checks that only the declared
 * exceptions escape and that whatever decodes re-encodes to the same bytes. {@code mvn verify} replays the named
 * regression inputs under {@code src/test/resources/io/carmint/multiformats/MultiformatsFuzzTestInputs/<method>};
 * the README's Reliability section gives the command that fuzzes a target, with seeds from
 * {@code ../shared/conformance}.
 */
class MultiformatsFuzzTest {
  static Stream<byte[]> varintSeeds() {
    return FuzzSeeds.fuzzing()
        ? Stream.of(0L, 1L, 127L, 128L, 300L, 1L << 35, Long.MAX_VALUE).map(Varint::encode)
        : Stream.empty();
  }

  /** A varint from an array and from a stream: the same value or the declared failures; minimal bytes only. */
  @MethodSource("varintSeeds")
  @FuzzTest
  void varint(byte[] input) throws IOException {
    long fromArray;
    try {
      fromArray = Varint.decode(input);
    } catch (InvalidVarintException e) {
      fromArray = -1;
    }
    if (fromArray >= 0) {
      assertArrayEquals(input, Varint.encode(fromArray));
    }
    ByteArrayInputStream in = new ByteArrayInputStream(input);
    try {
      long fromStream = Varint.read(in, 0);
      if (in.available() == 0) {
        assertEquals(fromArray, fromStream);
      }
      assertEquals(fromStream, Varint.read(ByteBuffer.wrap(input)));
    } catch (EOFException | VarintFormatException e) {
      assertEquals(-1, fromArray);
    }
  }

  static Stream<byte[]> multibaseSeeds() {
    return FuzzSeeds.quotedCsvValues("multibase/tests");
  }

  /**
   * Text (UTF-8) decoded in the base its prefix names: bytes or a {@link MultibaseException}; what decodes
   * re-encodes to the same text (ignoring case in the case-insensitive bases), and the bytes of the input
   * round-trip through every base.
   */
  @MethodSource("multibaseSeeds")
  @FuzzTest
  void multibase(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      Multibase base = Multibase.forText(text);
      byte[] data = base.decode(text);
      String again = base.encode(data);
      if (MultibaseProperties.caseInsensitive(base)) {
        assertEquals(text.toLowerCase(Locale.ROOT), again.toLowerCase(Locale.ROOT));
      } else {
        assertEquals(text, again);
      }
    } catch (MultibaseException expected) {
      // the declared failure
    }
    if (input.length <= 256) { // base2 and base10 are quadratic by nature; long inputs would only be slow
      for (Multibase base : Multibase.all()) {
        assertArrayEquals(input, base.decode(base.encode(input)), base.name());
      }
    }
  }

  static Stream<byte[]> cidSeeds() {
    Stream<String> texts = FuzzSeeds.fileNames("codec-fixtures/dag-pb/fixtures", ".dag-pb")
        .map(name -> new String(name, StandardCharsets.UTF_8));
    return texts.flatMap(t -> Stream.of(t.getBytes(StandardCharsets.UTF_8), Cid.parse(t).toBytes()));
  }

  /**
   * The input as text (UTF-8) to {@code Cid.parse} and as bytes to {@code Cid.decode}: a CID whose text and
   * bytes read back to it (from bytes: exactly the input), or InvalidCidException.
   */
  @MethodSource("cidSeeds")
  @FuzzTest
  void cid(byte[] input) {
    Cid parsed = null;
    try {
      parsed = Cid.parse(new String(input, StandardCharsets.UTF_8));
    } catch (InvalidCidException expected) {
      // the declared failure
    }
    if (parsed != null) {
      assertEquals(parsed, Cid.parse(parsed.toString()));
      assertEquals(parsed, Cid.decode(parsed.toBytes()));
    }
    Cid decoded;
    try {
      decoded = Cid.decode(input);
    } catch (InvalidCidException expected) {
      return;
    }
    assertArrayEquals(input, decoded.toBytes());
    assertEquals(decoded, Cid.parse(decoded.toString()));
  }

  static Stream<byte[]> multihashSeeds() {
    return FuzzSeeds.files("multihash/tests/values", "test_cases.csv", 1 << 20)
        .flatMap(csv -> new String(csv, StandardCharsets.UTF_8).lines().skip(1))
        .map(line -> HexFormat.of().parseHex(line.substring(line.lastIndexOf(',') + 1).trim()));
  }

  /** A multihash: exactly these bytes back, or InvalidMultihashException. */
  @MethodSource("multihashSeeds")
  @FuzzTest
  void multihash(byte[] input) {
    Multihash mh;
    try {
      mh = Multihash.decode(input);
    } catch (InvalidMultihashException expected) {
      return;
    }
    assertArrayEquals(input, mh.toBytes());
    assertEquals(mh, Multihash.of(mh.code(), mh.digest()));
  }

  static Stream<byte[]> dagPbSeeds() {
    return FuzzSeeds.files("codec-fixtures/dag-pb/fixtures", ".dag-pb", 1 << 20);
  }

  /** A dag-pb block: a node that re-encodes (links in their order) to the same bytes, or DagPbFormatException. */
  @MethodSource("dagPbSeeds")
  @FuzzTest
  void dagPb(byte[] input) {
    PbNode node;
    try {
      node = DagPb.decode(input);
    } catch (DagPbFormatException expected) {
      return;
    }
    assertArrayEquals(input, DagPb.encodeInGivenOrder(node));
    assertEquals(node.links().stream().map(l -> l.hash()).toList(), links(input));
  }

  private static List<Cid> links(byte[] block) {
    try {
      return DagPb.links(block);
    } catch (DagPbFormatException e) {
      throw new AssertionError("decode accepted what links refused", e);
    }
  }

  static Stream<byte[]> dagCborSeeds() {
    return Stream.concat(FuzzSeeds.files("codec-fixtures/dag-pb/fixtures", ".dag-cbor", 1 << 20),
        FuzzSeeds.fuzzing() ? Stream.of(DagCbor.encodeCarV1Header(List.of()), DagCbor.encodeCarV2Pragma())
            : Stream.empty());
  }

  /**
   * A DAG-CBOR value: canonical, so it re-encodes to the same bytes, or the declared failures (format, limit);
   * the CAR header reading of the same bytes fails the same way or gives a header that re-encodes.
   */
  @MethodSource("dagCborSeeds")
  @FuzzTest
  void dagCbor(byte[] input) {
    DagCborValue value;
    try {
      value = DagCbor.decode(input);
    } catch (DagCborFormatException | LimitExceededException expected) {
      return;
    }
    assertArrayEquals(input, DagCbor.encode(value));
    try {
      DagCbor.links(input);
      DagCbor.CarHeaderFields header = DagCbor.decodeCarHeader(input);
      if (header.version() == 1 && header.roots() != null) { // canonical, so only one encoding
        assertArrayEquals(input, DagCbor.encodeCarV1Header(header.roots()));
      }
    } catch (DagCborFormatException expected) {
      // not a CAR header
    } catch (LimitExceededException e) {
      throw new AssertionError("a value within the limits exceeded them when read again", e);
    }
  }
}

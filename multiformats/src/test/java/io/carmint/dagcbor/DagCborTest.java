package io.carmint.dagcbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.dagcbor.DagCborValue.BoolValue;
import io.carmint.dagcbor.DagCborValue.BytesValue;
import io.carmint.dagcbor.DagCborValue.FloatValue;
import io.carmint.dagcbor.DagCborValue.IntValue;
import io.carmint.dagcbor.DagCborValue.LinkValue;
import io.carmint.dagcbor.DagCborValue.ListValue;
import io.carmint.dagcbor.DagCborValue.MapValue;
import io.carmint.dagcbor.DagCborValue.NullValue;
import io.carmint.dagcbor.DagCborValue.TextValue;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DagCborTest {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] hex(String s) {
    return HEX.parseHex(s.replace(" ", ""));
  }

  /**
   * RFC 8949 Appendix A examples that are valid DAG-CBOR (64-bit floats, text keys, no tags): each decodes to
   * the value in the second column, written as DAG-JSON, and re-encodes to the same bytes.
   */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "00 | 0",
      "01 | 1",
      "0a | 10",
      "17 | 23",
      "1818 | 24",
      "1819 | 25",
      "1864 | 100",
      "1903e8 | 1000",
      "1a000f4240 | 1000000",
      "1b000000e8d4a51000 | 1000000000000",
      "1bffffffffffffffff | 18446744073709551615",
      "3bffffffffffffffff | -18446744073709551616",
      "20 | -1",
      "29 | -10",
      "3863 | -100",
      "3903e7 | -1000",
      "fb3ff199999999999a | 1.1",
      "fb7e37e43c8800759c | 1.0e+300",
      "fbc010666666666666 | -4.1",
      "f4 | false",
      "f5 | true",
      "f6 | null",
      "40 | {\"/\": {\"bytes\": \"\"}}",
      "4401020304 | {\"/\": {\"bytes\": \"AQIDBA\"}}",
      "60 | \"\"",
      "6161 | \"a\"",
      "6449455446 | \"IETF\"",
      "62225c | \"\\\"\\\\\"",
      "62c3bc | \"\u00fc\"",
      "63e6b0b4 | \"\u6c34\"",
      "64f0908591 | \"\ud800\udd51\"",
      "80 | []",
      "83010203 | [1, 2, 3]",
      "8301820203820405 | [1, [2, 3], [4, 5]]",
      "98190102030405060708090a0b0c0d0e0f101112131415161718181819 | "
          + "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]",
      "a0 | {}",
      "a26161016162820203 | {\"a\": 1, \"b\": [2, 3]}",
      "826161a161626163 | [\"a\", {\"b\": \"c\"}]",
      "a56161614161626142616361436164614461656145 | "
          + "{\"a\": \"A\", \"b\": \"B\", \"c\": \"C\", \"d\": \"D\", \"e\": \"E\"}",
  })
  void rfc8949AppendixAExamples(String hexBytes, String dagJson) throws Exception {
    byte[] bytes = hex(hexBytes);
    DagCborValue expected = DagJson.parse(dagJson);
    assertEquals(expected, DagCbor.decode(bytes));
    assertArrayEquals(bytes, DagCbor.encode(expected));
    assertEquals(List.of(), DagCbor.links(bytes));
  }

  @Test
  void integerBoundariesUseTheShortestHead() throws Exception {
    // Each boundary of the head sizes (RFC 8949 §3.1), both signs.
    String[][] cases = {
        {"23", "17"}, {"24", "1818"}, {"255", "18ff"}, {"256", "190100"}, {"65535", "19ffff"},
        {"65536", "1a00010000"}, {"4294967295", "1affffffff"}, {"4294967296", "1b0000000100000000"},
        {"9223372036854775807", "1b7fffffffffffffff"}, {"9223372036854775808", "1b8000000000000000"},
        {"-24", "37"}, {"-25", "3818"}, {"-256", "38ff"}, {"-257", "390100"},
        {"-9223372036854775808", "3b7fffffffffffffff"}, {"-9223372036854775809", "3b8000000000000000"},
    };
    for (String[] c : cases) {
      IntValue v = IntValue.of(new BigInteger(c[0]));
      assertEquals(c[1], HEX.formatHex(DagCbor.encode(v)), c[0]);
      assertEquals(v, DagCbor.decode(hex(c[1])), c[0]);
    }
  }

  @Test
  void intValueHoldsLongsAsLongsAndComparesNumerically() {
    assertEquals(IntValue.of(5), IntValue.of(BigInteger.valueOf(5)));
    assertTrue(IntValue.of(BigInteger.valueOf(Long.MIN_VALUE)).fitsLong());
    IntValue big = IntValue.of(new BigInteger("18446744073709551615"));
    assertFalse(big.fitsLong());
    assertThrows(ArithmeticException.class, big::longValueExact);
    assertThrows(IllegalArgumentException.class, () -> IntValue.of(BigInteger.ONE.shiftLeft(64)));
    assertThrows(IllegalArgumentException.class,
        () -> IntValue.of(BigInteger.ONE.shiftLeft(64).negate().subtract(BigInteger.ONE)));
  }

  @Test
  void mapKeysAreSortedLengthFirstThenBytewise() {
    // "b" < "aa" (shorter first) < "ab"; "é" (2 UTF-8 bytes) sorts with the two-byte keys, after "ab" (c3 > 61).
    Map<String, DagCborValue> in = new LinkedHashMap<>();
    in.put("é", IntValue.of(4));
    in.put("ab", IntValue.of(3));
    in.put("aa", IntValue.of(2));
    in.put("b", IntValue.of(1));
    MapValue m = MapValue.of(in);
    assertEquals(List.of("b", "aa", "ab", "é"), List.copyOf(m.entries().keySet()));
    assertEquals("a4 6162 01 626161 02 626162 03 62c3a9 04".replace(" ", ""), HEX.formatHex(DagCbor.encode(m)));
  }

  @Test
  void carV1HeaderMatchesTheSpecFixtureLayout() throws Exception {
    // specs-and-implementations.md §1.4: a2 65 "roots" 8N (d8 2a 58 LL 00 <cid>)… 67 "version" 01
    Cid v1 = Cid.parse("bafyreihyrpefhacm6kkp4ql6j6udakdit7g3dmkzfriqfykhjw6cad5lrm");
    Cid v0 = Cid.parse("QmNX6Tffavsya4xgBi2VJQnSuqy9GsxongxZZ9uZBqp16d");
    byte[] header = DagCbor.encodeCarV1Header(List.of(v1, v0));
    String expected = "a2" + "65726f6f7473" + "82"
        + "d82a" + "5825" + "00" + HEX.formatHex(v1.toBytes())
        + "d82a" + "5823" + "00" + HEX.formatHex(v0.toBytes())
        + "6776657273696f6e" + "01";
    assertEquals(expected, HEX.formatHex(header));
    DagCbor.CarHeaderFields fields = DagCbor.decodeCarHeader(header);
    assertEquals(1, fields.version());
    assertEquals(List.of(v1, v0), fields.roots());
    assertEquals(List.of(v1, v0), DagCbor.links(header));
  }

  @Test
  void carV2PragmaIsTheTenSpecBytes() throws Exception {
    assertEquals("a16776657273696f6e02", HEX.formatHex(DagCbor.encodeCarV2Pragma()));
    DagCbor.CarHeaderFields fields = DagCbor.decodeCarHeader(hex("a16776657273696f6e02"));
    assertEquals(2, fields.version());
    assertEquals(null, fields.roots());
  }

  /** js-car's header-shape rejections (conformance/js-car/README.md), here at the DAG-CBOR level. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{roots:[]} | a165726f6f747380",
      "{version:\"1\", roots:[]} | a265726f6f7473806776657273696f6e6131",
      "{version:1, roots:{}} | a265726f6f7473a06776657273696f6e01",
      "{version:1, roots:[], blip:true} | a364626c6970f565726f6f7473806776657273696f6e01",
      "[1, []] | 820180",
      "null | f6",
      "{version:1, roots:[1]} | a265726f6f747381016776657273696f6e01",
      "{version:-1} | a16776657273696f6e20",
  })
  void carHeaderOfTheWrongShapeIsRejected(String what, String hexBytes) {
    assertThrows(DagCborFormatException.class, () -> DagCbor.decodeCarHeader(hex(hexBytes)), what);
  }

  @Test
  void carHeaderShapesJsCarAccepts() throws Exception {
    assertEquals(new DagCbor.CarHeaderFields(1, List.of()),
        DagCbor.decodeCarHeader(hex("a265726f6f74738067" + "76657273696f6e01")));
    // {version:3}: a valid shape; the CAR layer rejects the version (js-car: "Invalid CAR version: 3").
    assertEquals(new DagCbor.CarHeaderFields(3, null), DagCbor.decodeCarHeader(hex("a16776657273696f6e03")));
  }

  /** Every strictness rule of the DAG-CBOR spec, with the offset the error must name. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "empty input | '' | 0",
      "trailing byte | 0000 | 1",
      "two values | 0102 | 1",
      "non-minimal int, 1-byte argument | 1817 | 0",
      "non-minimal int, 2-byte argument | 1900ff | 0",
      "non-minimal int, 4-byte argument | 1a0000ffff | 0",
      "non-minimal int, 8-byte argument | 1b00000000ffffffff | 0",
      "non-minimal negative int | 3817 | 0",
      "non-minimal bytes length | 580101 | 0",
      "non-minimal text length | 780161 | 0",
      "non-minimal list length | 980100 | 0",
      "non-minimal map length | b801616100 | 0",
      "non-minimal length inside a list | 82 01 580101 | 2",
      "indefinite bytes | 5f4101ff | 0",
      "indefinite text | 7f6161ff | 0",
      "indefinite list | 9fff | 0",
      "indefinite map | bfff | 0",
      "break | ff | 0",
      "reserved additional info | 1c | 0",
      "tag 0 (date) | c06161 | 0",
      "tag 2 (bignum) | c249010000000000000000 | 0",
      "tag 42 not minimal | d9002a4100 | 0",
      "tag 42 over text | d82a6100 | 2",
      "tag 42 over empty bytes | d82a40 | 2",
      "tag 42 without the 00 prefix | d82a420155 | 2",
      "tag 42 over a bad CID | d82a43000155 | 4",
      "int map key | a10101 | 1",
      "bytes map key | a1416101 | 1",
      "unsorted keys | a2616201616101 | 4",
      "longer key first | a262616101616101 | 5",
      "duplicate keys | a2616101616102 | 4",
      "16-bit float | f90000 | 0",
      "32-bit float | fa00000000 | 0",
      "NaN | fb7ff8000000000000 | 0",
      "Infinity | fb7ff0000000000000 | 0",
      "-Infinity | fbfff0000000000000 | 0",
      "undefined | f7 | 0",
      "simple value 16 | f0 | 0",
      "simple value 255 | f8ff | 0",
      "invalid UTF-8 | 61ff | 1",
      "overlong UTF-8 | 62c0af | 1",
      "UTF-16 surrogate in UTF-8 | 63eda080 | 1",
      "code point above U+10FFFF | 64f4908080 | 1",
      "truncated UTF-8 sequence | 62 61 e6 | 2",
      "invalid UTF-8 map key | a161ff00 | 2",
      "truncated argument | 1a0000 | 0",
      "truncated bytes, short | 430102 | 0",
      "truncated list | 8201 | 0",
      "truncated list item | 82 1a00 | 1",
      "truncated map value | a16161 | 3",
      "huge list declared, few bytes | 9bffffffffffffffff00 | 0",
      "huge bytes declared, few bytes | 5b7fffffffffffffff00 | 0",
      "huge map declared | bb000000010000000000 | 0",
  })
  void nonCanonicalOrInvalidInputIsRejectedWithItsOffset(String what, String hexBytes, long offset) {
    byte[] bytes = hex(hexBytes);
    DagCborFormatException e = assertThrows(DagCborFormatException.class, () -> DagCbor.decode(bytes), what);
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(e.getMessage().contains("offset " + offset), e.getMessage());
  }

  @Test
  void truncatedBytesIsATruncationNotSomethingElse() {
    DagCborFormatException e = assertThrows(DagCborFormatException.class, () -> DagCbor.decode(hex("430102")));
    assertEquals("Invalid DAG-CBOR at offset 0: truncated: byte string declares 3 bytes, only 2 byte(s) left",
        e.getMessage());
  }

  @Test
  void linksModeAppliesTheSameRulesExceptUtf8() throws Exception {
    assertThrows(DagCborFormatException.class, () -> DagCbor.links(hex("a2616201616101")));
    assertThrows(DagCborFormatException.class, () -> DagCbor.links(hex("f90000")));
    assertThrows(DagCborFormatException.class, () -> DagCbor.links(hex("0000")));
    assertEquals(List.of(), DagCbor.links(hex("8261ff6161")));
    assertThrows(DagCborFormatException.class, () -> DagCbor.decode(hex("8261ff6161")));
  }

  @Test
  void linksAreListedInDocumentOrderWithDuplicates() throws Exception {
    Cid a = Cid.parse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
    Cid b = Cid.parse("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n");
    DagCborValue v = MapValue.of(Map.of(
        "z", ListValue.of(LinkValue.of(a), NullValue.INSTANCE, LinkValue.of(b)),
        "aa", LinkValue.of(b),
        "m", MapValue.of(Map.of("x", LinkValue.of(a)))));
    // canonical order: "m", "z", "aa"
    assertEquals(List.of(a, a, b, b), DagCbor.links(DagCbor.encode(v)));
  }

  @Test
  void nestingDeeperThanTheLimitThrowsLimitException() {
    byte[] deep = new byte[DagCborDecodeOptions.DEFAULT_MAX_DEPTH + 1];
    Arrays.fill(deep, (byte) 0x81);
    deep[deep.length - 1] = (byte) 0x80;
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> DagCbor.decode(deep));
    assertEquals(DagCborDecodeOptions.DEFAULT_MAX_DEPTH, e.offset());
    assertEquals(DagCborDecodeOptions.DEFAULT_MAX_DEPTH, e.limit());
    assertEquals(DagCborDecodeOptions.DEFAULT_MAX_DEPTH + 1, e.actual());
    assertEquals("DagCborDecodeOptions.maxDepth", e.setting());
    assertTrue(e.getMessage().endsWith("raise DagCborDecodeOptions.maxDepth"), e.getMessage());
    assertThrows(LimitExceededException.class, () -> DagCbor.links(deep));
    byte[] atLimit = Arrays.copyOfRange(deep, 1, deep.length);
    assertTrue(atLimit.length == DagCborDecodeOptions.DEFAULT_MAX_DEPTH);
    assertArrayEquals(atLimit, encodeDecode(atLimit, DagCborDecodeOptions.DEFAULTS));
  }

  @Test
  void veryDeepNestingNeedsNoStack() throws Exception {
    int depth = 200_000;
    byte[] deep = new byte[depth];
    Arrays.fill(deep, (byte) 0x81);
    deep[depth - 1] = (byte) 0xf6;
    DagCborDecodeOptions opts = DagCborDecodeOptions.builder().maxDepth(depth).build();
    assertArrayEquals(deep, encodeDecode(deep, opts));
    assertEquals(List.of(), DagCbor.links(deep, opts));
  }

  @Test
  void declaredLengthAboveTheLimitThrowsLimitExceptionBeforeAllocating() {
    DagCborDecodeOptions opts = DagCborDecodeOptions.builder().maxDeclaredLength(3).build();
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> DagCbor.decode(hex("82 00 4401020304"), opts));
    assertEquals(2, e.offset());
    assertEquals(4, e.actual());
    assertEquals("DagCborDecodeOptions.maxDeclaredLength", e.setting());
    assertThrows(LimitExceededException.class, () -> DagCbor.decode(hex("8400000000"), opts));
    assertThrows(LimitExceededException.class, () -> DagCbor.decode(hex("64 61616161"), opts));
    assertThrows(LimitExceededException.class, () -> DagCbor.links(hex("8400000000"), opts));
  }

  @Test
  void decodeOfARangeReportsOffsetsWithinTheRange() {
    byte[] buf = hex("ffff 82 01 f90000 ffff");
    DagCborFormatException e = assertThrows(DagCborFormatException.class,
        () -> DagCbor.decode(buf, 2, 5, DagCborDecodeOptions.DEFAULTS));
    assertEquals(2, e.offset());
  }

  @Test
  void floatsAreAlways64BitAndMustBeFinite() throws Exception {
    assertEquals("fb3ff8000000000000", HEX.formatHex(DagCbor.encode(FloatValue.of(1.5))));
    assertEquals("fb8000000000000000", HEX.formatHex(DagCbor.encode(FloatValue.of(-0.0))));
    assertNotEquals(FloatValue.of(0.0), FloatValue.of(-0.0));
    assertNotEquals(FloatValue.of(1.0), IntValue.of(1));
    assertThrows(IllegalArgumentException.class, () -> FloatValue.of(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> FloatValue.of(Double.POSITIVE_INFINITY));
  }

  @Test
  void valueModelRejectsWhatDagCborCannotHold() {
    assertThrows(IllegalArgumentException.class, () -> TextValue.of("a\ud800b"));
    assertThrows(IllegalArgumentException.class, () -> TextValue.of("\udc00"));
    assertThrows(IllegalArgumentException.class, () -> MapValue.builder().put("\ud800", NullValue.INSTANCE));
    assertThrows(IllegalArgumentException.class,
        () -> MapValue.builder().put("a", NullValue.INSTANCE).put("a", NullValue.INSTANCE));
    assertThrows(NullPointerException.class, () -> ListValue.of(NullValue.INSTANCE, null));
  }

  @Test
  void bytesValueCopiesInAndOut() {
    byte[] in = {1, 2, 3};
    BytesValue v = BytesValue.of(in);
    in[0] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, v.toBytes());
    v.toBytes()[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, v.toBytes());
    assertEquals(BytesValue.of(new byte[] {1, 2, 3}), v);
    assertEquals(BytesValue.of(new byte[] {1, 2, 3}).hashCode(), v.hashCode());
  }

  @Test
  void booleansAndNullAreSingletons() throws Exception {
    assertTrue(DagCbor.decode(hex("f5")) == BoolValue.TRUE);
    assertTrue(DagCbor.decode(hex("f6")) == NullValue.INSTANCE);
  }

  private static byte[] encodeDecode(byte[] bytes, DagCborDecodeOptions opts) {
    try {
      return DagCbor.encode(DagCbor.decode(bytes, opts));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}

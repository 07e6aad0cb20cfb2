package io.carmint.nft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-preserving rewrite: only the string tokens of image references change, for pretty-printed, minified and
 * oddly spaced JSON, read normally and one byte at a time; invalid JSON is reported with line and column.
 */
class JsonRewriterTest {
  /** Replaces every reference by {@code NEW:<value>} and records what it saw. */
  static final class Recorder implements JsonRewriter.Links {
    final List<String> seen = new ArrayList<>();

    @Override
    public String rewrite(String key, String value, long line, long column) {
      seen.add(key + "=" + value + "@" + line + ":" + column);
      return "NEW:" + value.replace("\"", "").replace("\\", "");
    }
  }

  static String rewrite(String json, JsonRewriter.Links links, boolean oneByteAtATime) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    JsonRewriter.rewrite(oneByteAtATime ? oneByte(in) : in, out, "t.json", links);
    return out.toString(StandardCharsets.UTF_8);
  }

  static InputStream oneByte(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void onlyTheReferenceTokensChange(boolean oneByte) throws IOException {
    String pretty = """
        {
          "name": "Token #1",
          "description": "caf\\u00e9 \\"quoted\\" \\/ slash",
          "image": "ipfs://NewUriToReplace/1.png",
          "edition": 1,
          "ratio": 1.50E+2,
          "neg": -0,
          "attributes": [
            { "trait_type": "image", "value": "ipfs://NewUriToReplace/not-a-reference.png" },
            { "trait_type": "Eyes", "value": 7 }
          ],
          "properties": { "image_url": "1.png", "nested": { "animation_url": "images/1.mp4" } }
        }
        """;
    Recorder r = new Recorder();
    String out = rewrite(pretty, r, oneByte);
    assertEquals(pretty.replace("\"ipfs://NewUriToReplace/1.png\"", "\"NEW:ipfs://NewUriToReplace/1.png\"")
        .replace("\"1.png\"", "\"NEW:1.png\"").replace("\"images/1.mp4\"", "\"NEW:images/1.mp4\""), out);
    assertEquals(List.of("image=ipfs://NewUriToReplace/1.png@4:12", "image_url=1.png@12:32",
        "animation_url=images/1.mp4@12:70"), r.seen);
  }

  /** Pairs: a file, and the same file with every reference to x.png replaced by Y. */
  static Stream<Arguments> layouts() {
    return Stream.of(
        // minified, no final newline
        Arguments.of("{\"name\":\"a\",\"image\":\"x.png\",\"n\":1e5}", "{\"name\":\"a\",\"image\":\"Y\",\"n\":1e5}"),
        // byte order mark, CRLF, odd spacing
        Arguments.of("\uFEFF{ \"image\" :\t\"x.png\" ,\r\n\"n\":[ ] , \"o\" : { } }\r\n",
            "\uFEFF{ \"image\" :\t\"Y\" ,\r\n\"n\":[ ] , \"o\" : { } }\r\n"),
        // an array of tokens
        Arguments.of("  [ {\"image\":\"x.png\"},\n\n {\"image\" :\"x.png\"} ]   ",
            "  [ {\"image\":\"Y\"},\n\n {\"image\" :\"Y\"} ]   "),
        // escapes in the key and the value
        Arguments.of("{\"im\\u0061ge\":\"x\\u002epng\",\"image\":\"\\u0078.png\"}",
            "{\"im\\u0061ge\":\"Y\",\"image\":\"Y\"}"),
        // only string values directly under the keys
        Arguments.of("{\"image\":{\"image\":\"x.png\"},\"image_url\":[\"x.png\"],\"animation_url\":null}",
            "{\"image\":{\"image\":\"Y\"},\"image_url\":[\"x.png\"],\"animation_url\":null}"));
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void everyOtherByteStays(String json, String rewritten) throws IOException {
    JsonRewriter.Links keep = (k, v, l, c) -> null;
    JsonRewriter.Links replace = (k, v, l, c) -> v.equals("x.png") ? "Y" : null;
    for (boolean oneByte : new boolean[] {false, true}) {
      assertEquals(json, rewrite(json, keep, oneByte));
      assertEquals(rewritten, rewrite(json, replace, oneByte));
    }
  }

  @Test
  void longStringsPassThroughUnchanged() throws IOException {
    String data = "data:image/svg+xml;base64," + "A".repeat(JsonRewriter.MAX_REFERENCE_BYTES * 3);
    String json = "{\"image\":\"" + data + "\",\"animation_url\":\"a.png\"}";
    Recorder r = new Recorder();
    assertEquals(json.replace("\"a.png\"", "\"NEW:a.png\""), rewrite(json, r, true));
    assertEquals(List.of("animation_url=a.png@1:" + (data.length() + 29)), r.seen);
  }

  @Test
  void countsTokens() throws IOException {
    JsonRewriter.Links keep = (k, v, l, c) -> null;
    assertEquals(new JsonRewriter.Tokens(1, false), JsonRewriter.rewrite(in("{}"), null, "t", keep));
    assertEquals(new JsonRewriter.Tokens(3, true),
        JsonRewriter.rewrite(in("[{},{},{\"a\":[1,{}]}]"), null, "t", keep));
    assertEquals(new JsonRewriter.Tokens(0, true), JsonRewriter.rewrite(in(" [ ] "), null, "t", keep));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("{\"a\":1,}", 1, 8, 7, "expected a member name in double quotes, found '}'"),
        Arguments.of("{\"a\":[1,2,]}", 1, 11, 10, "expected a value, found ']'"),
        Arguments.of("{\"a\":1}\n// comment", 2, 1, 8, "unexpected '/' after the JSON value"),
        Arguments.of("{'a':1}", 1, 2, 1, "expected a member name in double quotes, found '''"),
        Arguments.of("{\"a\":01}", 1, 7, 6, "a number must not have leading zeros"),
        Arguments.of("{\"a\":1.}", 1, 8, 7, "expected a digit after the decimal point, found '}'"),
        Arguments.of("{\"a\":NaN}", 1, 6, 5, "expected a value, found 'N'"),
        Arguments.of("{\"a\":tru}", 1, 9, 8, "expected true, found '}'"),
        Arguments.of("{\"a\":\"x\\qy\"}", 1, 9, 8, "invalid escape \\q in a string"),
        Arguments.of("{\"a\":\"\\u12G4\"}", 1, 11, 10, "expected 4 hexadecimal digits after \\u, found 'G'"),
        Arguments.of("{\"a\":\"x\ty\"}", 1, 8, 7,
            "control character U+0009 in a string; write it as an escape such as \\n"),
        Arguments.of("{\"é\":\"x\" \"b\":2}", 1, 10, 10, "expected ',' or '}' after an object member, found '\"'"),
        Arguments.of("{\"a\":\"unterminated", 1, 19, 18, "unterminated string"),
        Arguments.of("{\"a\"  1}", 1, 7, 6, "expected ':' after a member name, found '1'"),
        Arguments.of("", 1, 1, 0, "the file is empty; expected a token object or an array of token objects"),
        Arguments.of("\n  \"just a string\"  ", 2, 3, 3,
            "not a token object or an array of token objects: the file holds a string"),
        Arguments.of("42", 1, 1, 0, "not a token object or an array of token objects: the file holds a number"),
        Arguments.of("[{\"a\":1}, 7]", 1, 11, 10, "not an array of token objects: element 1 is a number"),
        Arguments.of("[{\"a\":1} {}]", 1, 10, 9, "expected ',' or ']' after an array element, found '{'"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidJsonIsReportedWithItsPlace(String json, long line, long column, long offset, String problem) {
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> JsonRewriter.rewrite(in(json), null, "meta/1.json", (k, v, l, c) -> null));
    assertEquals("meta/1.json: line " + line + ", column " + column + " (byte " + offset + "): " + problem,
        e.getMessage());
    assertEquals(line, e.line());
    assertEquals(column, e.column());
    assertEquals(offset, e.offset());
    assertEquals("meta/1.json", e.file());
  }

  @Test
  void invalidUtf8() {
    byte[][] bad = {{'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'},        // overlong
        {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},        // a surrogate
        {'{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'},                     // cut short
        {'{', '"', 'a', '"', ':', '"', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"', '}'}};
    for (byte[] b : bad) {
      InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
          () -> JsonRewriter.rewrite(new ByteArrayInputStream(b), null, "u.json", (k, v, l, c) -> null));
      assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
    }
  }

  @Test
  void tooDeep() {
    String deep = "{\"a\":" + "[".repeat(JsonRewriter.MAX_DEPTH) + "]".repeat(JsonRewriter.MAX_DEPTH) + "}";
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> JsonRewriter.rewrite(in(deep), null, "d.json", (k, v, l, c) -> null));
    assertTrue(e.getMessage().endsWith("objects and arrays nested deeper than 512"), e.getMessage());
    String ok = "{\"a\":" + "[".repeat(JsonRewriter.MAX_DEPTH - 1) + "]".repeat(JsonRewriter.MAX_DEPTH - 1) + "}";
    assertArrayEquals(ok.getBytes(StandardCharsets.UTF_8), rewriteBytes(ok));
  }

  private static byte[] rewriteBytes(String json) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      JsonRewriter.rewrite(in(json), out, "t", (k, v, l, c) -> null);
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static InputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}

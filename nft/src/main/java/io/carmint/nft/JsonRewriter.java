package io.carmint.nft;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * A strict, streaming JSON tokenizer (RFC 8259 over UTF-8) that copies a metadata file byte for byte and replaces
 * only the string tokens that are the values of {@link #KEYS}, as {@link Links} decides. Everything else (key
 * order, whitespace, escapes, number spelling, a byte order mark, a final newline or its absence) passes through
 * untouched. The file is never held in memory: bytes are copied as they are read; a candidate string is held
 * until its end, up to {@link #MAX_REFERENCE_BYTES} (a longer one, such as a {@code data:} URI, is passed through
 * unchanged).
 *
 * <p>Rejected, with line, column (code points) and byte offset: anything RFC 8259 does not allow (comments,
 * trailing commas, single quotes, leading zeros, raw control characters in strings, bad escapes, invalid UTF-8,
 * NaN), nesting deeper than {@link #MAX_DEPTH}, and JSON that is not a token object or an array of token objects.
 * Single use; not thread-safe.
 */
final class JsonRewriter {
  /** The keys whose string values are image references. */
  static final Set<String> KEYS = Set.of("image", "image_url", "animation_url");
  /** Deepest nesting of objects and arrays: 512, far beyond any token, and a bound on the parser's stack. */
  static final int MAX_DEPTH = 512;
  /** Longest string (in bytes of JSON text) still considered as a reference: 8 KiB. */
  static final int MAX_REFERENCE_BYTES = 8192;
  private static final int MAX_KEY_BYTES = 16; // the longest of KEYS, as JSON text, is far shorter

  /** Decides what becomes of a reference. */
  @FunctionalInterface
  interface Links {
    /**
     * @param key the key ({@code image}, {@code image_url} or {@code animation_url})
     * @param value the string's value
     * @param line its line, from 1
     * @param column its column (code points), from 1
     * @return the new value, written between double quotes as it is (it must need no JSON escaping), or null to
     *     keep the string token unchanged
     */
    String rewrite(String key, String value, long line, long column);
  }

  private final InputStream in;
  private final OutputStream out;
  private final String file;
  private final Links links;
  private final byte[] buf = new byte[8192]; // metadata files are small; larger ones stream through it
  private int pos;
  private int limit;
  private final byte[] outBuf = new byte[8192];
  private int outPos;
  private long offset;
  private long line = 1;
  private long column = 1;
  private byte[] held = new byte[64];
  private int heldLength;
  private int heldLimit;
  private boolean holding;
  private boolean teeing;
  private boolean overflowed;

  private JsonRewriter(InputStream in, OutputStream out, String file, Links links) {
    this.in = in;
    this.out = out;
    this.file = file;
    this.links = links;
  }

  /**
   * Copies one metadata file from {@code in} to {@code out}, rewriting the references; neither stream is closed.
   *
   * @param out where the file goes, or null to only check it
   * @param file the file's name for messages
   * @return the number of token objects (1 for an object, the length of an array) and whether it was an array
   * @throws InvalidMetadataException if the text is not JSON, or not a token object or array of token objects
   * @throws IOException if reading or writing fails
   */
  static Tokens rewrite(InputStream in, OutputStream out, String file, Links links) throws IOException {
    return new JsonRewriter(in, out, file, links).document();
  }

  /**
   * @return the first byte of a file's text after a byte order mark and JSON whitespace (among its first 4 KiB), or
   *     -1 if there is none
   */
  static int firstByte(InputStream in) throws IOException {
    byte[] head = in.readNBytes(4096);
    boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    int i = bom ? 3 : 0;
    while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) {
      i++;
    }
    return i < head.length ? head[i] & 0xFF : -1;
  }

  /**
   * What a file held.
   *
   * @param count the token objects: 1 for a token object, the length of an array of them
   * @param array whether the file held an array
   */
  record Tokens(int count, boolean array) {}

  private Tokens document() throws IOException {
    if (peek() == 0xEF) {
      for (int b : new int[] {0xEF, 0xBB, 0xBF}) {
        if (peek() != b) {
          throw fail("invalid UTF-8 byte 0x" + hex(peek()) + " (a file may start with a byte order mark, EF BB BF)");
        }
        next();
      }
    }
    ws();
    int c = peek();
    int tokens;
    if (c == '{') {
      container(1, Container.OBJECT);
      tokens = 1;
    } else if (c == '[') {
      tokens = container(1, Container.TOKENS);
    } else if (c == -1) {
      throw fail("the file is empty; expected a token object or an array of token objects");
    } else {
      long l = line;
      long col = column;
      long off = offset;
      String kind = kind(c);
      value(null, 1);
      ws();
      if (peek() != -1) {
        throw fail("unexpected " + describe(peek()) + " after the JSON value");
      }
      throw new InvalidMetadataException(file, l, col, off,
          "not a token object or an array of token objects: the file holds " + kind);
    }
    ws();
    if (peek() != -1) {
      throw fail("unexpected " + describe(peek()) + " after the JSON value");
    }
    flush();
    return new Tokens(tokens, c == '[');
  }

  private void value(String key, int depth) throws IOException {
    int c = peek();
    switch (c) {
      case '{' -> container(depth + 1, Container.OBJECT);
      case '[' -> container(depth + 1, Container.ARRAY);
      case '"' -> {
        if (key != null && KEYS.contains(key)) {
          reference(key);
        } else {
          string();
        }
      }
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          number();
        } else {
          throw fail("expected a value, found " + describe(c));
        }
      }
    }
  }

  /**
   * An object, an array, or the top-level array of token objects, whose elements must be objects.
   *
   * @return the number of members or elements
   */
  private int container(int depth, Container kind) throws IOException {
    checkDepth(depth);
    int close = kind == Container.OBJECT ? '}' : ']';
    next();
    ws();
    if (peek() == close) {
      next();
      return 0;
    }
    for (int n = 1; ; n++) {
      ws();
      String key = null;
      if (kind == Container.OBJECT) {
        key = memberName();
      } else if (kind == Container.TOKENS && peek() != '{') {
        throw fail(peek() == -1 || kind(peek()) == null ? "expected a token object, found " + describe(peek())
            : "not an array of token objects: element " + (n - 1) + " is " + kind(peek()));
      }
      value(key, depth);
      ws();
      int c = peek();
      if (c == ',') {
        next();
      } else if (c == close) {
        next();
        return n;
      } else {
        throw fail("expected ',' or '" + (char) close + "' after " + (kind == Container.OBJECT ? "an object member"
            : "an array element") + ", found " + describe(c));
      }
    }
  }

  private enum Container { OBJECT, ARRAY, TOKENS }

  /** A member name and its colon. */
  private String memberName() throws IOException {
    if (peek() != '"') {
      throw fail("expected a member name in double quotes, found " + describe(peek()));
    }
    String key = key();
    ws();
    if (peek() != ':') {
      throw fail("expected ':' after a member name, found " + describe(peek()));
    }
    next();
    ws();
    return key;
  }

  private void checkDepth(int depth) throws InvalidMetadataException {
    if (depth > MAX_DEPTH) {
      throw fail("objects and arrays nested deeper than " + MAX_DEPTH);
    }
  }

  /** A member name: copied through, its value kept if short enough to be one of {@link #KEYS}. */
  private String key() throws IOException {
    startHolding(MAX_KEY_BYTES, false);
    string();
    boolean whole = !overflowed;
    stopHolding();
    return whole ? unescape(held, 1, heldLength - 1) : null;
  }

  /** A string that may be a reference: held until its end, then written as it was or replaced. */
  private void reference(String key) throws IOException {
    long l = line;
    long col = column;
    startHolding(MAX_REFERENCE_BYTES, true);
    string();
    if (overflowed) {
      stopHolding(); // already passed through
      return;
    }
    stopHolding();
    String replacement = links.rewrite(key, unescape(held, 1, heldLength - 1), l, col);
    if (replacement == null) {
      emit(held, 0, heldLength);
    } else {
      byte[] text = ('"' + replacement + '"').getBytes(StandardCharsets.UTF_8);
      emit(text, 0, text.length);
    }
  }

  private void string() throws IOException {
    next(); // the opening quote
    while (true) {
      int b = peek();
      if (b == '"') {
        next();
        return;
      }
      if (b == -1) {
        throw fail("unterminated string");
      }
      if (b < 0x20) {
        throw fail("control character U+00" + hex(b) + " in a string; write it as an escape such as \\n");
      }
      if (b == '\\') {
        next();
        int e = peek();
        if (e == 'u') {
          next();
          for (int i = 0; i < 4; i++) {
            if (Character.digit(peek(), 16) < 0) {
              throw fail("expected 4 hexadecimal digits after \\u, found " + describe(peek()));
            }
            next();
          }
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
          next();
        } else {
          throw fail("invalid escape \\" + (e == -1 ? "" : (char) e) + " in a string");
        }
      } else if (b < 0x80) {
        next();
      } else {
        utf8(b);
      }
    }
  }

  /** One UTF-8 encoded character of two to four bytes, checked as RFC 3629 defines it (no overlongs, no surrogates). */
  private void utf8(int lead) throws IOException {
    int more;
    int lo = 0x80;
    int hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      more = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      more = 2;
      lo = lead == 0xE0 ? 0xA0 : 0x80;
      hi = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      more = 3;
      lo = lead == 0xF0 ? 0x90 : 0x80;
      hi = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      throw fail("invalid UTF-8 byte 0x" + hex(lead));
    }
    next();
    for (int i = 0; i < more; i++) {
      int b = peek();
      if (b < lo || b > hi) {
        throw fail("invalid UTF-8 byte " + (b < 0 ? "sequence at the end of the file" : "0x" + hex(b)));
      }
      next();
      lo = 0x80;
      hi = 0xBF;
    }
  }

  private void number() throws IOException {
    if (peek() == '-') {
      next();
    }
    int c = peek();
    if (c == '0') {
      next();
      if (isDigit(peek())) {
        throw fail("a number must not have leading zeros");
      }
    } else if (isDigit(c)) {
      digits();
    } else {
      throw fail("expected a digit, found " + describe(c));
    }
    if (peek() == '.') {
      next();
      if (!isDigit(peek())) {
        throw fail("expected a digit after the decimal point, found " + describe(peek()));
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      next();
      if (peek() == '+' || peek() == '-') {
        next();
      }
      if (!isDigit(peek())) {
        throw fail("expected a digit in the exponent, found " + describe(peek()));
      }
      digits();
    }
  }

  private void digits() throws IOException {
    while (isDigit(peek())) {
      next();
    }
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private void literal(String word) throws IOException {
    for (int i = 0; i < word.length(); i++) {
      if (peek() != word.charAt(i)) {
        throw fail("expected " + word + ", found " + describe(peek()));
      }
      next();
    }
  }

  private void ws() throws IOException {
    for (int c = peek(); c == ' ' || c == '\t' || c == '\n' || c == '\r'; c = peek()) {
      next();
    }
  }

  // ------------------------------------------------------------------------------------------------ bytes

  private int peek() throws IOException {
    if (pos == limit) {
      limit = in.read(buf, 0, buf.length);
      pos = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buf[pos] & 0xFF;
  }

  /** Consumes the byte {@link #peek()} returned (never at the end) and passes it on. */
  private void next() throws IOException {
    int b = buf[pos++] & 0xFF;
    offset++;
    if (b == '\n') {
      line++;
      column = 1;
    } else if ((b & 0xC0) != 0x80) {
      column++;
    }
    if (holding || teeing) {
      if (heldLength < heldLimit) {
        if (heldLength == held.length) {
          held = Arrays.copyOf(held, Math.min(heldLimit, held.length * 2));
        }
        held[heldLength++] = (byte) b;
        if (teeing) {
          emit(b);
        }
        return;
      }
      overflowed = true;
      if (holding) {
        emit(held, 0, heldLength);
      }
      holding = false;
      teeing = false;
    }
    emit(b);
  }

  private void startHolding(int max, boolean hold) {
    heldLength = 0;
    heldLimit = max;
    overflowed = false;
    holding = hold;
    teeing = !hold;
  }

  private void stopHolding() {
    holding = false;
    teeing = false;
  }

  private void emit(int b) throws IOException {
    if (out == null) {
      return;
    }
    if (outPos == outBuf.length) {
      flush();
    }
    outBuf[outPos++] = (byte) b;
  }

  private void emit(byte[] b, int off, int len) throws IOException {
    for (int i = 0; i < len; i++) {
      emit(b[off + i] & 0xFF);
    }
  }

  private void flush() throws IOException {
    if (out != null && outPos > 0) {
      out.write(outBuf, 0, outPos);
    }
    outPos = 0;
  }

  // ------------------------------------------------------------------------------------------------ text

  /** Decodes the content of a string token already checked by {@link #string()}. */
  private static String unescape(byte[] raw, int from, int to) {
    StringBuilder b = new StringBuilder(to - from);
    int run = from;
    for (int i = from; i < to; i++) {
      if (raw[i] != '\\') {
        continue;
      }
      b.append(new String(raw, run, i - run, StandardCharsets.UTF_8));
      char e = (char) raw[++i];
      switch (e) {
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          b.append((char) Integer.parseInt(new String(raw, i + 1, 4, StandardCharsets.US_ASCII), 16));
          i += 4;
        }
        default -> b.append(e); // " \ /
      }
      run = i + 1;
    }
    return b.append(new String(raw, run, to - run, StandardCharsets.UTF_8)).toString();
  }

  private InvalidMetadataException fail(String problem) {
    return new InvalidMetadataException(file, line, column, offset, problem);
  }

  /** @return what a value starting with byte {@code c} is, or null if none can */
  private static String kind(int c) {
    return switch (c) {
      case '{' -> "an object";
      case '[' -> "an array";
      case '"' -> "a string";
      case 't', 'f' -> "a boolean";
      case 'n' -> "null";
      default -> c == '-' || isDigit(c) ? "a number" : null;
    };
  }

  private static String describe(int c) {
    if (c == -1) {
      return "the end of the file";
    }
    if (c > 0x20 && c < 0x7F) {
      return "'" + (char) c + "'";
    }
    return "byte 0x" + hex(c);
  }

  private static String hex(int b) {
    return String.format("%02X", b);
  }
}

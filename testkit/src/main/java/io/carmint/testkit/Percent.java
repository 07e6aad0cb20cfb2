package io.carmint.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict percent-decoding of URL path segments and query parameters (RFC 3986 §2.1): every {@code %} must be
 * followed by two hex digits, and the bytes must be UTF-8. {@link java.net.URLDecoder} instead turns malformed
 * UTF-8 into U+FFFD, so that {@code %E0} could match a name holding that character. Stateless.
 */
final class Percent {
  private Percent() {
  }

  /**
   * @param text a path segment ({@code plusIsSpace} false: {@code +} is a plus) or a query name or value
   *     ({@code plusIsSpace} true, as HTML forms encode a space)
   * @throws IllegalArgumentException if a {@code %} is not followed by two hex digits, or the bytes are not UTF-8
   */
  static String decode(String text, boolean plusIsSpace) {
    if (text.indexOf('%') < 0) {
      return plusIsSpace ? text.replace('+', ' ') : text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      int percent = text.indexOf('%', i);
      int end = percent < 0 ? text.length() : percent;
      String plain = text.substring(i, end);
      bytes.writeBytes((plusIsSpace ? plain.replace('+', ' ') : plain).getBytes(StandardCharsets.UTF_8));
      if (percent < 0) {
        break;
      }
      int hi = percent + 2 < text.length() ? Character.digit(text.charAt(percent + 1), 16) : -1;
      int lo = hi >= 0 ? Character.digit(text.charAt(percent + 2), 16) : -1;
      if (lo < 0) {
        throw new IllegalArgumentException("a % not followed by two hex digits at character " + percent);
      }
      bytes.write(hi << 4 | lo);
      i = percent + 3;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the %-escapes are not UTF-8", e);
    }
  }
}

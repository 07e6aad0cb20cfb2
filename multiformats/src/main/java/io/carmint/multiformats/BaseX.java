package io.carmint.multiformats;

import java.util.Arrays;

/**
 * Big-number encodings (base10, base36, base58): the bytes are read as one unsigned big-endian integer written
 * in the alphabet's radix, with one zero digit for each leading zero byte. Encoding and decoding take time
 * quadratic in the length, as in every implementation of these bases; callers bound the length of untrusted
 * text (CID text, for example, is at most {@link Cid#MAX_TEXT_LENGTH}).
 */
final class BaseX extends Multibase {
  private final char[] alphabet;
  private final int[] decodeTable = new int[128];
  private final int radix;

  BaseX(String name, String prefix, String alphabet, boolean caseInsensitive) {
    super(name, prefix);
    this.alphabet = alphabet.toCharArray();
    this.radix = alphabet.length();
    Arrays.fill(decodeTable, -1);
    for (int i = 0; i < radix; i++) {
      char c = this.alphabet[i];
      decodeTable[c] = i;
      if (caseInsensitive) {
        decodeTable[Character.toLowerCase(c)] = i;
        decodeTable[Character.toUpperCase(c)] = i;
      }
    }
  }

  /**
   * @return the most characters an encoding of {@code bytes} bytes takes in this base (no prefix): a zero digit per
   *     leading zero byte, else about log(256)/log(radix) digits per byte
   */
  int maxLength(int bytes) {
    return (int) Math.ceil(bytes * (Math.log(256) / Math.log(radix))) + 1;
  }

  @Override
  void encodeTo(byte[] data, StringBuilder out) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    // digits in little-endian order, base `radix`
    int maxDigits = (int) ((data.length - zeros) * (Math.log(256) / Math.log(radix))) + 2;
    int[] digits = new int[maxDigits];
    int n = 0;
    for (int i = zeros; i < data.length; i++) {
      int carry = data[i] & 0xFF;
      for (int j = 0; j < n; j++) {
        carry += digits[j] << 8;
        digits[j] = carry % radix;
        carry /= radix;
      }
      while (carry > 0) {
        digits[n++] = carry % radix;
        carry /= radix;
      }
    }
    for (int i = 0; i < zeros; i++) {
      out.append(alphabet[0]);
    }
    for (int j = n - 1; j >= 0; j--) {
      out.append(alphabet[digits[j]]);
    }
  }

  @Override
  public byte[] decodeBare(CharSequence text) {
    int len = text.length();
    int zeros = 0;
    while (zeros < len && text.charAt(zeros) < 128 && decodeTable[text.charAt(zeros)] == 0) {
      zeros++;
    }
    int maxBytes = (int) ((len - zeros) * (Math.log(radix) / Math.log(256))) + 2;
    int[] bytes = new int[maxBytes];
    int n = 0;
    for (int i = zeros; i < len; i++) {
      char c = text.charAt(i);
      int v = c < 128 ? decodeTable[c] : -1;
      if (v < 0) {
        throw badChar(name(), text, i);
      }
      int carry = v;
      for (int j = 0; j < n; j++) {
        carry += bytes[j] * radix;
        bytes[j] = carry & 0xFF;
        carry >>>= 8;
      }
      while (carry > 0) {
        bytes[n++] = carry & 0xFF;
        carry >>>= 8;
      }
    }
    byte[] out = new byte[zeros + n];
    for (int j = 0; j < n; j++) {
      out[zeros + j] = (byte) bytes[n - 1 - j];
    }
    return out;
  }
}

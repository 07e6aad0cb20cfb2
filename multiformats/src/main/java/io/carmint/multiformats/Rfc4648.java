package io.carmint.multiformats;

import java.util.Arrays;

/**
 * The RFC 4648 style bit-stream encodings: each character carries {@code bits} bits (1, 3, 4, 5 or 6), most
 * significant first; the last character is zero-filled. Padded variants pad with {@code =} to a whole group
 * (8 characters for base32, 4 for base64); unpadded variants must not contain {@code =}.
 */
final class Rfc4648 extends Multibase {
  private final char[] alphabet;
  private final int[] decodeTable = new int[128];
  private final int bits;
  private final boolean padded;
  private final int groupChars;

  Rfc4648(String name, String prefix, String alphabet, int bits, boolean padded, boolean caseInsensitive) {
    super(name, prefix);
    this.alphabet = alphabet.toCharArray();
    this.bits = bits;
    this.padded = padded;
    // characters per whole group: lcm(8, bits) / bits
    int lcm = 8 * bits / gcd(8, bits);
    this.groupChars = lcm / bits;
    Arrays.fill(decodeTable, -1);
    for (int i = 0; i < this.alphabet.length; i++) {
      char c = this.alphabet[i];
      decodeTable[c] = i;
      if (caseInsensitive) {
        decodeTable[Character.toLowerCase(c)] = i;
        decodeTable[Character.toUpperCase(c)] = i;
      }
    }
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  @Override
  void encodeTo(byte[] data, StringBuilder out) {
    int mask = (1 << bits) - 1;
    int buffer = 0;
    int buffered = 0;
    int chars = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xFF);
      buffered += 8;
      while (buffered >= bits) {
        buffered -= bits;
        out.append(alphabet[(buffer >>> buffered) & mask]);
        chars++;
      }
      buffer &= (1 << buffered) - 1;
    }
    if (buffered > 0) {
      out.append(alphabet[(buffer << (bits - buffered)) & mask]);
      chars++;
    }
    if (padded) {
      while (chars % groupChars != 0) {
        out.append('=');
        chars++;
      }
    }
  }

  @Override
  public byte[] decodeBare(CharSequence text) {
    int len = text.length();
    int dataChars = len;
    if (padded) {
      if (len % groupChars != 0) {
        throw new MultibaseException("Invalid " + name() + " length " + len + ": padded text must be a multiple of "
            + groupChars + " characters");
      }
      while (dataChars > 0 && text.charAt(dataChars - 1) == '=') {
        dataChars--;
      }
      if (len - dataChars >= groupChars) {
        throw new MultibaseException("Invalid " + name() + " padding: a whole group of '='");
      }
    }
    long totalBits = (long) dataChars * bits;
    int outLen = (int) (totalBits / 8);
    int leftover = (int) (totalBits % 8);
    // The last character may only carry zero-fill bits; a whole extra character of fill means a bad length.
    if (leftover >= bits) {
      throw new MultibaseException("Invalid " + name() + " length: " + dataChars
          + " characters cannot encode a whole number of bytes");
    }
    if (padded && dataChars < len) {
      // The padding must be exactly what the encoder writes for this many data characters.
      int expectedChars = dataChars;
      while (expectedChars % groupChars != 0) {
        expectedChars++;
      }
      if (expectedChars != len) {
        throw new MultibaseException("Invalid " + name() + " padding");
      }
    }
    byte[] out = new byte[outLen];
    int buffer = 0;
    int buffered = 0;
    int o = 0;
    for (int i = 0; i < dataChars; i++) {
      char c = text.charAt(i);
      int v = c < 128 ? decodeTable[c] : -1;
      if (v < 0) {
        throw badChar(name(), text, i);
      }
      buffer = (buffer << bits) | v;
      buffered += bits;
      if (buffered >= 8) {
        buffered -= 8;
        out[o++] = (byte) (buffer >>> buffered);
        buffer &= (1 << buffered) - 1;
      }
    }
    if (buffer != 0) {
      throw new MultibaseException("Invalid " + name() + " text: non-zero trailing bits in the last character");
    }
    return out;
  }
}

package io.carmint.multiformats;

import java.util.Arrays;

/**
 * base45 ({@code R}), <a href="https://www.rfc-editor.org/rfc/rfc9285">RFC 9285</a>: each pair of bytes, read as
 * a big-endian 16-bit number n, is written as three characters c, d, e with n = c + 45·d + 45²·e; a last single
 * byte as two. Decoding is strict: only the 45 uppercase alphabet characters, no length of the form 3k+1, and no
 * triple above 65535 or pair above 255, as the RFC requires.
 */
final class Base45 extends Multibase {
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  private static final int[] DECODE = new int[128];

  static {
    Arrays.fill(DECODE, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      DECODE[ALPHABET.charAt(i)] = i;
    }
  }

  Base45() {
    super("base45", "R");
  }

  @Override
  void encodeTo(byte[] data, StringBuilder out) {
    int i = 0;
    for (; i + 1 < data.length; i += 2) {
      int n = ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
      out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
    }
    if (i < data.length) {
      int n = data[i] & 0xFF;
      out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
    }
  }

  @Override
  public byte[] decodeBare(CharSequence text) {
    int len = text.length();
    if (len % 3 == 1) {
      throw new MultibaseException("Invalid base45 length " + len + ": a length of 3k+1 characters encodes nothing");
    }
    byte[] out = new byte[len / 3 * 2 + (len % 3 == 2 ? 1 : 0)];
    int o = 0;
    for (int i = 0; i < len; i += 3) {
      int c = digit(text, i);
      int d = digit(text, i + 1);
      if (i + 2 < len) {
        int n = c + 45 * d + 2025 * digit(text, i + 2);
        if (n > 0xFFFF) {
          throw new MultibaseException("Invalid base45 triple at index " + i + ": value " + n + " exceeds 65535");
        }
        out[o++] = (byte) (n >>> 8);
        out[o++] = (byte) n;
      } else {
        int n = c + 45 * d;
        if (n > 0xFF) {
          throw new MultibaseException("Invalid base45 pair at index " + i + ": value " + n + " exceeds 255");
        }
        out[o++] = (byte) n;
      }
    }
    return out;
  }

  private int digit(CharSequence text, int index) {
    char ch = text.charAt(index);
    int v = ch < 128 ? DECODE[ch] : -1;
    if (v < 0) {
      throw badChar(name(), text, index);
    }
    return v;
  }
}

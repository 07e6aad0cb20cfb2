package io.carmint.unixfs;

/**
 * Protobuf wire helpers for the UnixFS message: unsigned 64-bit varints (negative {@code long}s are written as
 * their two's complement, 10 bytes, as protobuf does for int64) with strict decoding.
 */
final class Wire {
  private Wire() {}

  static int varintLength(long value) {
    int bits = 64 - Long.numberOfLeadingZeros(value | 1);
    return (bits + 6) / 7;
  }

  static int writeVarint(long value, byte[] dst, int p) {
    int start = p;
    while ((value & ~0x7FL) != 0) {
      dst[p++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    dst[p++] = (byte) value;
    return p - start;
  }

  /** A strict reader over {@code bytes[start..end)}; offsets in errors are relative to {@code origin}. */
  static final class Reader {
    private final byte[] bytes;
    private final int origin;
    private int pos;
    private int end;

    Reader(byte[] bytes, int start, int end, int origin) {
      this.bytes = bytes;
      this.pos = start;
      this.end = end;
      this.origin = origin;
    }

    boolean hasMore() {
      return pos < end;
    }

    int position() {
      return pos - origin;
    }

    /** Reads a minimal varint of at most 10 bytes as an unsigned 64-bit value. */
    long varint(String what) throws UnixFsFormatException {
      int at = pos;
      long value = 0;
      for (int i = 0; i < 10; i++) {
        if (pos >= end) {
          throw new UnixFsFormatException(at - origin, "truncated varint for " + what);
        }
        int b = bytes[pos++] & 0xFF;
        if (i == 9 && b > 1) {
          throw new UnixFsFormatException(at - origin, "varint for " + what + " exceeds 64 bits");
        }
        value |= (long) (b & 0x7F) << (7 * i);
        if ((b & 0x80) == 0) {
          if (b == 0 && i > 0) {
            throw new UnixFsFormatException(at - origin, "non-minimal varint for " + what);
          }
          return value;
        }
      }
      throw new UnixFsFormatException(at - origin, "varint for " + what + " longer than 10 bytes");
    }

    /** Reads a varint that must be in [0, 2^63). */
    long uint63(String what) throws UnixFsFormatException {
      int at = pos;
      long v = varint(what);
      if (v < 0) {
        throw new UnixFsFormatException(at - origin, what + " " + Long.toUnsignedString(v)
            + " exceeds 2^63-1");
      }
      return v;
    }

    /** Reads a length prefix and returns the start of the field's bytes, checking they are all present. */
    int lengthDelimited(String what) throws UnixFsFormatException {
      int at = pos;
      long len = varint(what + " length");
      if (len < 0 || len > end - pos) {
        throw new UnixFsFormatException(at - origin, what + " declares " + Long.toUnsignedString(len)
            + " bytes but only " + (end - pos) + " remain");
      }
      int start = pos;
      pos += (int) len;
      return start;
    }

    int fixed32(String what) throws UnixFsFormatException {
      if (end - pos < 4) {
        throw new UnixFsFormatException(pos - origin, "truncated fixed32 for " + what);
      }
      int v = (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8 | (bytes[pos + 2] & 0xFF) << 16
          | (bytes[pos + 3] & 0xFF) << 24;
      pos += 4;
      return v;
    }

    int absolute() {
      return pos;
    }
  }
}

package io.carmint.multiformats;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The multiformats unsigned varint: unsigned LEB128, seven bits per byte, least significant group first,
 * high bit set on every byte but the last.
 *
 * <p>Decoding is strict, as the <a href="https://github.com/multiformats/unsigned-varint">spec</a> requires:
 * encodings must be minimal (no trailing {@code 0x00} group, except the single byte {@code 00} for zero),
 * at most {@value #MAX_LENGTH} bytes long, and the value at most {@link Long#MAX_VALUE} (2<sup>63</sup>-1).
 * Values are therefore always non-negative {@code long}s.
 *
 * <p>Stateless and thread-safe.
 */
public final class Varint {
  /** Longest valid encoding, in bytes: 9 (63 bits). */
  public static final int MAX_LENGTH = 9;
  private static final String TOO_LONG =
      "longer than " + MAX_LENGTH + " bytes (the limit; values above 2^63-1 are not allowed)";

  private Varint() {}

  /**
   * @param value a non-negative value
   * @return the number of bytes {@link #encode(long)} writes for {@code value}, 1 to 9
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public static int encodedLength(long value) {
    checkNonNegative(value);
    int bits = 64 - Long.numberOfLeadingZeros(value | 1);
    return (bits + 6) / 7;
  }

  /**
   * @param value a non-negative value
   * @return the minimal encoding of {@code value}
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public static byte[] encode(long value) {
    byte[] out = new byte[encodedLength(value)];
    write(value, out, 0);
    return out;
  }

  /**
   * Writes the encoding of {@code value} into {@code dst} at {@code offset}.
   *
   * @param value a non-negative value
   * @param dst the array to write into
   * @param offset where the varint starts in {@code dst}
   * @return the number of bytes written
   * @throws IllegalArgumentException if {@code value} is negative
   * @throws IndexOutOfBoundsException if {@code dst} has no room
   */
  public static int write(long value, byte[] dst, int offset) {
    checkNonNegative(value);
    int i = offset;
    while ((value & ~0x7FL) != 0) {
      dst[i++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    dst[i++] = (byte) value;
    return i - offset;
  }

  /**
   * Writes the encoding of {@code value} at the buffer's position, advancing it.
   *
   * @param value a non-negative value
   * @param dst the buffer to write into
   * @throws IllegalArgumentException if {@code value} is negative
   * @throws java.nio.BufferOverflowException if the buffer has no room
   */
  public static void write(long value, ByteBuffer dst) {
    checkNonNegative(value);
    while ((value & ~0x7FL) != 0) {
      dst.put((byte) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    dst.put((byte) value);
  }

  /**
   * Writes the encoding of {@code value} to a stream.
   *
   * @param value a non-negative value
   * @param out the stream to write to
   * @throws IllegalArgumentException if {@code value} is negative
   * @throws IOException if the stream fails
   */
  public static void write(long value, OutputStream out) throws IOException {
    byte[] tmp = new byte[MAX_LENGTH];
    int n = write(value, tmp, 0);
    out.write(tmp, 0, n);
  }

  /**
   * Decodes a byte array that holds exactly one varint and nothing else.
   *
   * @param src exactly one varint
   * @return its value
   * @throws InvalidVarintException if the bytes are not exactly one valid varint (trailing bytes included)
   */
  public static long decode(byte[] src) {
    ByteBuffer buf = ByteBuffer.wrap(src);
    long value = read(buf);
    if (buf.hasRemaining()) {
      throw new InvalidVarintException(buf.position(), (src.length - buf.position())
          + " trailing byte(s) after the varint");
    }
    return value;
  }

  /**
   * Reads one varint at the buffer's position and advances the position past it. On failure the position is
   * left where it was.
   *
   * @param src the buffer, positioned at the varint
   * @return its value
   * @throws InvalidVarintException if the bytes there are not a valid varint, or the buffer ends inside it;
   *     the offset in the message is the buffer position
   */
  public static long read(ByteBuffer src) {
    int start = src.position();
    int limit = src.limit();
    long value = 0;
    for (int i = 0; i < MAX_LENGTH; i++) {
      if (start + i >= limit) {
        throw new InvalidVarintException(start, i == 0 ? "no bytes left" : "truncated after " + i + " byte(s)");
      }
      int b = src.get(start + i) & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        String problem = problem(b, i);
        if (problem != null) {
          throw new InvalidVarintException(start, problem);
        }
        src.position(start + i + 1);
        return value;
      }
    }
    throw new InvalidVarintException(start, TOO_LONG);
  }

  /**
   * Reads one varint from {@code src} starting at {@code offset}, reading no further than {@code limit}.
   * The number of bytes it took is {@link #encodedLength(long)} of the result.
   *
   * @param src the bytes to read from
   * @param offset where the varint starts
   * @param limit the end of the readable range (exclusive)
   * @return its value
   * @throws InvalidVarintException if the bytes there are not a valid varint (offset = {@code offset})
   * @throws IndexOutOfBoundsException if {@code [offset, limit)} is not a range of {@code src}
   */
  public static long read(byte[] src, int offset, int limit) {
    java.util.Objects.checkFromToIndex(offset, limit, src.length);
    return read(ByteBuffer.wrap(src, offset, limit - offset));
  }

  /**
   * Reads one varint from a stream.
   *
   * @param offset the stream offset of the varint, used only in messages (-1 if unknown)
   * @param in the stream, read one byte at a time and no further than the varint
   * @return the value, or -1 if the stream was already at its end (no byte read)
   * @throws EOFException if the stream ends inside the varint
   * @throws VarintFormatException if the varint is not minimal, too long, or too large
   * @throws IOException if the stream fails
   */
  public static long readOrEof(InputStream in, long offset) throws IOException {
    long value = 0;
    for (int i = 0; i < MAX_LENGTH; i++) {
      int b = in.read();
      if (b < 0) {
        if (i == 0) {
          return -1;
        }
        throw new EOFException("Truncated varint" + (offset >= 0 ? " at offset " + offset : "")
            + ": stream ended after "
            + i + " byte(s)");
      }
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        String problem = problem(b, i);
        if (problem != null) {
          throw new VarintFormatException(offset, problem);
        }
        return value;
      }
    }
    throw new VarintFormatException(offset, TOO_LONG);
  }

  /**
   * Reads one varint from a stream that must not be at its end.
   *
   * @param offset the stream offset of the varint, used only in messages (-1 if unknown)
   * @param in the stream, read one byte at a time and no further than the varint
   * @return its value
   * @throws EOFException if the stream ends before or inside the varint
   * @throws VarintFormatException if the varint is not minimal, too long, or too large
   * @throws IOException if the stream fails
   */
  public static long read(InputStream in, long offset) throws IOException {
    long v = readOrEof(in, offset);
    if (v < 0) {
      throw new EOFException("Expected a varint" + (offset >= 0 ? " at offset " + offset : "") + ", stream ended");
    }
    return v;
  }

  /**
   * @param lastByte the final byte (high bit clear) of a varint
   * @param index its index in the varint
   * @return why the varint is invalid, or null. Nine 7-bit groups hold at most 63 bits, so the value is always
   *     within {@link Long#MAX_VALUE}; only minimality is left to check.
   */
  private static String problem(int lastByte, int index) {
    if (lastByte == 0 && index > 0) {
      return "not minimal (ends in a zero group after " + index + " byte(s))";
    }
    return null;
  }

  private static void checkNonNegative(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("Varint value must be non-negative, got " + value);
    }
  }
}

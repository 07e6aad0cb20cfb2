package io.carmint.dagpb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable sequence of bytes: the Data of a dag-pb node, the Data of a UnixFS message.
 *
 * <p>{@link #of} and {@link #copyOf} copy their input; {@link #wrap} takes ownership of an array the caller
 * promises never to modify again (the no-copy path for freshly decoded or freshly read bytes). Reads hand out
 * copies ({@link #toByteArray()}) or read-only views ({@link #asReadOnlyBuffer()}). Equality is by content.
 * Immutable and thread-safe.
 */
public final class Bytes {
  /** The empty sequence. */
  public static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);

  private final byte[] array;
  private final int offset;
  private final int length;
  private int hash;

  private Bytes(byte[] array, int offset, int length) {
    this.array = array;
    this.offset = offset;
    this.length = length;
  }

  /**
   * @param bytes the bytes to copy
   * @return a copy of {@code bytes}
   */
  public static Bytes of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone(), 0, bytes.length);
  }

  /**
   * @param bytes the array to copy from
   * @param offset where the range starts
   * @param length the length of the range
   * @return a copy of {@code bytes[offset..offset+length)}
   * @throws IndexOutOfBoundsException if the range is outside the array
   */
  public static Bytes copyOf(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(bytes, offset, offset + length), 0, length);
  }

  /**
   * @param buffer the bytes to copy, from position to limit
   * @return a copy of the buffer's remaining bytes; the buffer's position is not moved
   */
  public static Bytes copyOf(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return wrap(out);
  }

  /**
   * Wraps {@code bytes} without copying. The caller hands over ownership: it must not modify the array
   * afterwards, or this supposedly immutable value changes.
   *
   * @param bytes the array, owned by the result from now on
   * @return a value over {@code bytes}
   */
  public static Bytes wrap(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes, 0, bytes.length);
  }

  /**
   * Wraps {@code bytes[offset..offset+length)} without copying; the caller must not modify that range afterwards.
   *
   * @param bytes the array holding the range
   * @param offset where the range starts
   * @param length the length of the range
   * @return a value over the range
   * @throws IndexOutOfBoundsException if the range is outside the array
   */
  public static Bytes wrap(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return length == 0 ? EMPTY : new Bytes(bytes, offset, length);
  }

  /** @return the number of bytes */
  public int length() {
    return length;
  }

  /** @return whether there are no bytes */
  public boolean isEmpty() {
    return length == 0;
  }

  /**
   * @param index the byte's index
   * @return the byte at {@code index}
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
   */
  public byte get(int index) {
    Objects.checkIndex(index, length);
    return array[offset + index];
  }

  /** @return a copy of the bytes */
  public byte[] toByteArray() {
    return Arrays.copyOfRange(array, offset, offset + length);
  }

  /**
   * Copies all the bytes into {@code dst} at {@code dstOffset}.
   *
   * @param dst the array to copy into
   * @param dstOffset where the bytes start in {@code dst}
   * @return the number of bytes copied, {@link #length()}
   * @throws IndexOutOfBoundsException if {@code dst} has no room
   */
  public int copyTo(byte[] dst, int dstOffset) {
    System.arraycopy(array, offset, dst, dstOffset, length);
    return length;
  }

  /**
   * @param from the first index (inclusive)
   * @param to the last index (exclusive)
   * @return a copy of {@code [from, to)}
   * @throws IndexOutOfBoundsException if the range is not inside {@code [0, length()]}
   */
  public Bytes slice(int from, int to) {
    Objects.checkFromToIndex(from, to, length);
    return from == 0 && to == length ? this : wrap(Arrays.copyOfRange(array, offset + from, offset + to));
  }

  /** @return a read-only view of the bytes, position 0, without a copy */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(array, offset, length).slice().asReadOnlyBuffer();
  }

  /**
   * Writes the bytes to {@code out}.
   *
   * @param out the stream to write to
   * @throws IOException if the stream fails
   */
  public void writeTo(OutputStream out) throws IOException {
    out.write(array, offset, length);
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Bytes)) {
      return false;
    }
    Bytes b = (Bytes) o;
    return Arrays.equals(array, offset, offset + length, b.array, b.offset, b.offset + b.length);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 1;
      for (int i = offset; i < offset + length; i++) {
        h = 31 * h + array[i];
      }
      hash = h;
    }
    return h;
  }

  /** @return {@code Bytes[N]: hex…}, the hex abbreviated after 32 bytes */
  @Override
  public String toString() {
    int shown = Math.min(length, 32);
    return "Bytes[" + length + "]: " + HexFormat.of().formatHex(array, offset, offset + shown)
        + (shown < length ? "…" : "");
  }
}

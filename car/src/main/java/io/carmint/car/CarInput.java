package io.carmint.car;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * A buffered, position-counting byte source for the CAR readers: over an {@link InputStream} (any stream, even one
 * that returns a single byte per read) or over a {@link FileChannel} (positional reads; skips are seeks).
 *
 * <p>Reads never go past {@link #end()}: there the input behaves as if it ended, so a CARv2 payload can be read as
 * a bounded view. Not thread-safe.
 */
final class CarInput {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final InputStream stream;
  private final FileChannel channel;
  private long channelPos;
  private final byte[] buf = new byte[BUFFER_SIZE];
  private int pos;
  private int lim;
  private long bufBase;
  private long end = Long.MAX_VALUE;
  private boolean eof;

  private CarInput(InputStream stream, FileChannel channel, long start) {
    this.stream = stream;
    this.channel = channel;
    this.channelPos = start;
    this.bufBase = start;
  }

  static CarInput of(InputStream in) {
    return new CarInput(Objects.requireNonNull(in, "in"), null, 0);
  }

  /** @param start where to start reading; positions are absolute in the channel */
  static CarInput of(FileChannel channel, long start) {
    return new CarInput(null, Objects.requireNonNull(channel, "channel"), start);
  }

  /** @return absolute offset of the next byte */
  long position() {
    return bufBase + pos;
  }

  /** @return the offset at which the input behaves as ended */
  long end() {
    return end;
  }

  /** Makes the input behave as ended at absolute offset {@code end} (Long.MAX_VALUE: no bound). */
  void end(long end) {
    this.end = end;
  }

  private int available() {
    long room = end - position();
    return (int) Math.min(lim - pos, Math.max(0, room));
  }

  /** Refills the buffer; @return false if no byte is left before the end */
  private boolean fill() throws IOException {
    if (available() > 0) {
      return true;
    }
    if (position() >= end || eof) {
      return false;
    }
    bufBase += pos;
    pos = 0;
    lim = 0;
    int n = readSource(buf, 0, buf.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    lim = n;
    return available() > 0;
  }

  private int readSource(byte[] b, int off, int len) throws IOException {
    if (stream != null) {
      int n;
      do {
        n = stream.read(b, off, len);
      } while (n == 0);
      return n;
    }
    int n = channel.read(ByteBuffer.wrap(b, off, len), channelPos);
    if (n > 0) {
      channelPos += n;
    }
    return n;
  }

  /** @return the next byte (0-255), or -1 at the end */
  int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return buf[pos++] & 0xFF;
  }

  /**
   * Reads up to {@code len} bytes into {@code dst}, looping until they are all read or the input ends. Large reads
   * go straight from the source into {@code dst}.
   *
   * @return the number of bytes read; less than {@code len} only at the end
   */
  int readFully(byte[] dst, int off, int len) throws IOException {
    int done = 0;
    while (done < len) {
      int a = available();
      if (a > 0) {
        int n = Math.min(a, len - done);
        System.arraycopy(buf, pos, dst, off + done, n);
        pos += n;
        done += n;
        continue;
      }
      long room = end - position();
      int want = (int) Math.min(len - done, room);
      if (want <= 0 || eof) {
        break;
      }
      if (want >= BUFFER_SIZE) {
        // Direct read: skip the buffer for big blocks.
        bufBase += pos;
        pos = 0;
        lim = 0;
        int n = readSource(dst, off + done, want);
        if (n <= 0) {
          eof = true;
          break;
        }
        bufBase += n;
        done += n;
      } else if (!fill()) {
        break;
      }
    }
    return done;
  }

  /**
   * Skips up to {@code n} bytes (seeks on a channel).
   *
   * @return the number skipped; less than {@code n} only at the end
   */
  long skip(long n) throws IOException {
    long done = 0;
    int a = (int) Math.min(available(), n);
    pos += a;
    done += a;
    long want = Math.min(n - done, end - position());
    if (want <= 0) {
      return done;
    }
    if (channel != null) {
      long size = channel.size();
      long target = Math.min(position() + want, size);
      long moved = Math.max(0, target - position());
      bufBase = position() + moved;
      pos = 0;
      lim = 0;
      channelPos = bufBase;
      eof = false;
      return done + moved;
    }
    while (want > 0 && fill()) {
      int k = (int) Math.min(available(), want);
      pos += k;
      want -= k;
      done += k;
    }
    return done;
  }

  /** @return the rest of the input, up to {@link #end()}, as a stream; closing it closes nothing */
  InputStream asStream() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        return CarInput.this.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
          return 0;
        }
        int n = readFully(b, off, len);
        return n == 0 ? -1 : n;
      }
    };
  }

  /**
   * Reads a minimal unsigned varint of at most 9 bytes.
   *
   * @param what what the varint is, for messages ("section length")
   * @return the value, or -1 if the input was at its end before the first byte
   * @throws CarVarintException if the varint is not minimal or too long
   * @throws TruncatedCarException if the input ends inside it
   */
  long readVarint(String what) throws IOException {
    long start = position();
    long value = 0;
    for (int i = 0; i < 9; i++) {
      int b = read();
      if (b < 0) {
        if (i == 0) {
          return -1;
        }
        throw new TruncatedCarException(start, what + " varint", -1, i);
      }
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new CarVarintException(start, what, "not minimal (a trailing zero group after " + i + " byte(s))");
        }
        return value;
      }
    }
    throw new CarVarintException(start, what, "longer than 9 bytes");
  }
}

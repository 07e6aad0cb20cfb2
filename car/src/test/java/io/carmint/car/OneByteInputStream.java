package io.carmint.car;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that returns at most one byte per read: likely to trigger bugs in readers that assume full reads. */
public final class OneByteInputStream extends FilterInputStream {
  /** @param in the stream to throttle */
  public OneByteInputStream(InputStream in) {
    super(in);
  }

  /** @return a one-byte-at-a-time stream over {@code bytes} */
  public static InputStream of(byte[] bytes) {
    return new OneByteInputStream(new ByteArrayInputStream(bytes));
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return super.read(b, off, Math.min(len, 1));
  }

  @Override
  public long skip(long n) throws IOException {
    return super.skip(Math.min(n, 1));
  }

  @Override
  public int available() {
    return 0;
  }
}

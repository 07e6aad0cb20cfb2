package io.carmint.testsupport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Hands out at most one byte per {@code read} call, to catch readers that expect full buffers. */
public final class OneByteAtATimeInputStream extends FilterInputStream {
  /** @param in the stream to throttle */
  public OneByteAtATimeInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return super.read(b, off, Math.min(len, 1));
  }

  @Override
  public int available() {
    return 0;
  }
}

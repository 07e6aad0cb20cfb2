package io.carmint.car;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** How a reader test feeds its bytes: every reader test runs with both. */
public enum Feed {
  /** A normal in-memory stream. */
  WHOLE,
  /** A stream returning one byte per read. */
  ONE_BYTE;

  /** @return a stream over {@code bytes} fed this way */
  public InputStream stream(byte[] bytes) {
    return this == WHOLE ? new ByteArrayInputStream(bytes) : OneByteInputStream.of(bytes);
  }
}

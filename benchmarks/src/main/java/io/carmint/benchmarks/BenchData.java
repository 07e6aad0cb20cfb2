package io.carmint.benchmarks;

import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.SplittableRandom;

/** Shared inputs for the benchmarks: seeded pseudo-random bytes and a channel that drops what it is given. */
final class BenchData {
  private BenchData() {}

  /** @return {@code size} pseudo-random bytes from {@code seed} */
  static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < size; i += 8) {
      long v = r.nextLong();
      for (int j = 0; j < 8 && i + j < size; j++) {
        b[i + j] = (byte) (v >>> (8 * j));
      }
    }
    return b;
  }

  /** A channel that counts and drops bytes: measures a writer without the kernel. Not thread-safe. */
  static final class NullChannel implements GatheringByteChannel {
    long written;

    @Override
    public int write(ByteBuffer src) {
      int n = src.remaining();
      src.position(src.limit());
      written += n;
      return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
      long n = 0;
      for (int i = offset; i < offset + length; i++) {
        n += write(srcs[i]);
      }
      return n;
    }

    @Override
    public long write(ByteBuffer[] srcs) {
      return write(srcs, 0, srcs.length);
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}

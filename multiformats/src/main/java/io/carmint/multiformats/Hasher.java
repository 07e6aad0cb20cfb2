package io.carmint.multiformats;

import java.nio.ByteBuffer;

/**
 * An incremental hash computation for one {@link HashFunction}: feed bytes as they stream past, then take the
 * {@link #digest() multihash}. After {@code digest()} the hasher is reset and may be reused.
 *
 * <p>Not thread-safe: use one hasher per thread.
 */
public interface Hasher {
  /** @return the function this hasher computes */
  HashFunction function();

  /** Adds {@code len} bytes of {@code data} starting at {@code off}. */
  Hasher update(byte[] data, int off, int len);

  /** Adds all of {@code data}. */
  default Hasher update(byte[] data) {
    return update(data, 0, data.length);
  }

  /** Adds the buffer's remaining bytes and advances its position to its limit. */
  Hasher update(ByteBuffer data);

  /** @return the multihash of everything added since creation or the last digest; resets the hasher */
  Multihash digest();
}

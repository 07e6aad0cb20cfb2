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

  /**
   * Adds {@code len} bytes of {@code data} starting at {@code off}.
   *
   * @param data the bytes to add
   * @param off where the range starts
   * @param len the length of the range
   * @return this hasher
   */
  Hasher update(byte[] data, int off, int len);

  /**
   * Adds all of {@code data}.
   *
   * @param data the bytes to add
   * @return this hasher
   */
  default Hasher update(byte[] data) {
    return update(data, 0, data.length);
  }

  /**
   * Adds the buffer's remaining bytes and advances its position to its limit.
   *
   * @param data the bytes to add, from position to limit
   * @return this hasher
   */
  Hasher update(ByteBuffer data);

  /** @return the multihash of everything added since creation or the last digest; resets the hasher */
  Multihash digest();
}

package io.carmint.unixfs.hamt;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The bucket rule of a HAMT of one fanout, which {@link HamtShard} writes by and the exporter reads by: the bucket a
 * name takes at each level, and how a bucket is named in a shard's links.
 *
 * <p>Level {@code d} (0 for the root shard) takes bits {@code [d·b, (d+1)·b)}, most significant first, of the name's
 * 64-bit {@linkplain #hash key hash}, where {@code b = log2(fanout)}; the hash therefore addresses {@link #maxDepth()}
 * levels (8 for fanout 256). A link name starts with its bucket in uppercase hex, zero-padded to
 * {@link #prefixLength()} digits ({@code "0A"} for fanout 256), alone for a child shard, followed by the entry name
 * for an entry.
 *
 * <p>Immutable and thread-safe.
 */
public final class HamtBuckets {
  private final int fanout;
  private final int bits;
  private final int prefixLength;

  private HamtBuckets(int fanout) {
    this.fanout = fanout;
    this.bits = Integer.numberOfTrailingZeros(fanout);
    this.prefixLength = Integer.toHexString(fanout - 1).length();
  }

  /**
   * @param fanout buckets per shard: a power of two from 2 to {@value HamtShard#MAX_FANOUT}
   * @return the rule for that fanout
   * @throws IllegalArgumentException if the fanout is not such a power of two
   */
  public static HamtBuckets of(int fanout) {
    if (fanout < 2 || fanout > HamtShard.MAX_FANOUT || Integer.bitCount(fanout) != 1) {
      throw new IllegalArgumentException("HAMT fanout must be a power of two from 2 to " + HamtShard.MAX_FANOUT
          + ", got " + fanout);
    }
    return new HamtBuckets(fanout);
  }

  /**
   * @param name an entry name
   * @return the key hash of an entry name: murmur3-x64-64 ({@link Murmur3#hash64}) of its UTF-8 bytes
   */
  public static long hash(String name) {
    return Murmur3.hash64(Objects.requireNonNull(name, "name").getBytes(StandardCharsets.UTF_8));
  }

  /** @return buckets per shard */
  public int fanout() {
    return fanout;
  }

  /** @return hash bits each level takes: log2 of the fanout */
  public int bitsPerLevel() {
    return bits;
  }

  /** @return hex digits of a bucket prefix in a link name (2 for fanout 256) */
  public int prefixLength() {
    return prefixLength;
  }

  /** @return levels a 64-bit key hash can address: {@code 64 / bitsPerLevel()} */
  public int maxDepth() {
    return 64 / bits;
  }

  /**
   * @param hash a key hash ({@link #hash})
   * @param depth the level, 0 for the root shard
   * @return the bucket, 0 to {@code fanout - 1}, that {@code hash} takes at {@code depth}
   * @throws IndexOutOfBoundsException if {@code depth} is not in {@code [0, maxDepth())}
   */
  public int bucket(long hash, int depth) {
    Objects.checkIndex(depth, maxDepth());
    return (int) ((hash << (depth * bits)) >>> (64 - bits));
  }

  /**
   * @param bucket a bucket, 0 to {@code fanout - 1}
   * @return its link-name prefix: uppercase hex, zero-padded to {@link #prefixLength()} digits
   * @throws IndexOutOfBoundsException if {@code bucket} is not a bucket of this fanout
   */
  public String prefix(int bucket) {
    Objects.checkIndex(bucket, fanout);
    String hex = Integer.toHexString(bucket).toUpperCase(Locale.ROOT);
    return hex.length() == prefixLength ? hex : "0".repeat(prefixLength - hex.length()) + hex;
  }

  /** @return e.g. {@code HamtBuckets{fanout 256}} */
  @Override
  public String toString() {
    return "HamtBuckets{fanout " + fanout + "}";
  }
}

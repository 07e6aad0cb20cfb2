package io.carmint.unixfs.importer;

import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.unixfs.WrittenNode;
import io.carmint.unixfs.importer.Tree.DirNode;
import io.carmint.unixfs.importer.Tree.Node;
import java.util.Map;
import java.util.Objects;

/**
 * When a directory becomes a HAMT-sharded directory instead of a single directory node. Reference tools
 * disagree, so each profile names its rule. The rule is applied to each directory's final set of entries (every
 * tool only ever switches from flat to sharded, and the measures only grow as entries are added).
 *
 * <ul>
 *   <li>{@link Kind#ENTRIES_GREATER_THAN}: more than N entries (ipfs-car 1.x–3.x, w3up: N = 1000).
 *   <li>{@link Kind#ENTRIES_AT_LEAST}: at least N entries (the nft.storage JS client, ipfs-unixfs-importer 9: 1000).
 *   <li>{@link Kind#LINKS_BYTES_GREATER_THAN}: Σ (UTF-8 name length + CID length) over the entries above N bytes
 *       (Kubo's {@code links} estimate and ipfs-unixfs-importer 17's {@code links-bytes}: 262,144).
 *   <li>{@link Kind#BLOCK_BYTES_GREATER_THAN}: the exact encoded size of the flat directory node above N bytes
 *       (IPIP-499 unixfs-v1-2025, ipfs-unixfs-importer's {@code block-bytes}: 262,144).
 *   <li>{@link Kind#NEVER}: never shard.
 * </ul>
 *
 * <p>The two byte measures count only entries that were already hashed when ipfs-unixfs-importer 17 checks its
 * estimate: files, symlinks and empty directories. A non-empty sub-directory contributes 0 bytes there, so a
 * directory of 4,500 sub-directories stays flat; Kubo would count those links (a known divergence; the reference
 * vectors follow the importer). Entry counts count every entry. Immutable.
 *
 * @param kind the measure and comparison
 * @param threshold N, ignored for {@link Kind#NEVER}
 */
public record ShardingRule(Kind kind, long threshold) {
  /** Kubo's and IPIP-499's HAMT size threshold: 262,144 bytes (256 KiB). */
  public static final long DEFAULT_THRESHOLD_BYTES = 262_144;

  /** The measure and comparison of a rule. */
  public enum Kind {
    /** Never shard. */
    NEVER,
    /** Shard when the number of entries is greater than the threshold. */
    ENTRIES_GREATER_THAN,
    /** Shard when the number of entries is at least the threshold. */
    ENTRIES_AT_LEAST,
    /** Shard when Σ (name bytes + CID bytes) is greater than the threshold. */
    LINKS_BYTES_GREATER_THAN,
    /** Shard when the encoded flat directory block would be larger than the threshold. */
    BLOCK_BYTES_GREATER_THAN
  }

  /**
   * @param kind the measure and comparison
   * @param threshold N, ignored for {@link Kind#NEVER}
   * @throws IllegalArgumentException if the threshold is negative
   */
  public ShardingRule {
    Objects.requireNonNull(kind, "kind");
    if (threshold < 0) {
      throw new IllegalArgumentException("Sharding threshold must be non-negative, got " + threshold);
    }
  }

  /** @return the rule that never shards */
  public static ShardingRule never() {
    return new ShardingRule(Kind.NEVER, 0);
  }

  /**
   * @param n the threshold
   * @return shard when a directory has more than {@code n} entries
   */
  public static ShardingRule entriesGreaterThan(long n) {
    return new ShardingRule(Kind.ENTRIES_GREATER_THAN, n);
  }

  /**
   * @param n the threshold
   * @return shard when a directory has at least {@code n} entries
   */
  public static ShardingRule entriesAtLeast(long n) {
    return new ShardingRule(Kind.ENTRIES_AT_LEAST, n);
  }

  /**
   * @param bytes the threshold
   * @return shard when the links-bytes estimate exceeds {@code bytes}
   */
  public static ShardingRule linksBytesGreaterThan(long bytes) {
    return new ShardingRule(Kind.LINKS_BYTES_GREATER_THAN, bytes);
  }

  /**
   * @param bytes the threshold
   * @return shard when the flat block would exceed {@code bytes}
   */
  public static ShardingRule blockBytesGreaterThan(long bytes) {
    return new ShardingRule(Kind.BLOCK_BYTES_GREATER_THAN, bytes);
  }

  /**
   * Applies the rule to a directory's final entries, every one of them written.
   *
   * @return whether the directory is to be a HAMT
   */
  boolean shards(Map<String, Node> entries) {
    switch (kind) {
      case NEVER:
        return false;
      case ENTRIES_GREATER_THAN:
        return entries.size() > threshold;
      case ENTRIES_AT_LEAST:
        return entries.size() >= threshold;
      default:
        break;
    }
    byte[] data = DirectoryWriter.DIRECTORY_DATA;
    long size = kind == Kind.BLOCK_BYTES_GREATER_THAN ? DagPb.dataHeaderLength(data.length) + data.length : 0;
    for (Map.Entry<String, Node> e : entries.entrySet()) {
      Node n = e.getValue();
      if (n instanceof DirNode d && d.hadChildren()) {
        continue; // ipfs-unixfs-importer has not flushed sub-directories when it estimates: they count 0
      }
      WrittenNode r = n.result();
      if (kind == Kind.LINKS_BYTES_GREATER_THAN) {
        size += PbLink.utf8Length(e.getKey()) + r.cid().byteLength();
      } else {
        size += DagPb.linkEncodedLength(PbLink.of(r.cid(), e.getKey(), r.dagSize()));
      }
    }
    return size > threshold;
  }

  /** @return e.g. {@code entries > 1000}, {@code links-bytes > 262144} */
  @Override
  public String toString() {
    return switch (kind) {
      case NEVER -> "never";
      case ENTRIES_GREATER_THAN -> "entries > " + threshold;
      case ENTRIES_AT_LEAST -> "entries >= " + threshold;
      case LINKS_BYTES_GREATER_THAN -> "links-bytes > " + threshold;
      case BLOCK_BYTES_GREATER_THAN -> "block-bytes > " + threshold;
    };
  }
}

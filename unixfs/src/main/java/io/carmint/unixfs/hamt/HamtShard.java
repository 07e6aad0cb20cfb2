package io.carmint.unixfs.hamt;

import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.WrittenNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the HAMT shard tree of one directory from its entries and writes it, sub-shards before their parent,
 * in bucket order, the root shard last.
 *
 * <pre>
 * fanout 256; h = h1(murmur3("name")) big-endian; level d uses byte d of h.
 *
 *   root shard (bucket 0x00 holds 2 keys, so it is a child shard)
 *   ├── "00"            → shard: ├── "6E470.txt" → entry   (h = 00 6E …)
 *   │                            └── "FF742.txt" → entry   (h = 00 FF …)
 *   ├── "1Aa.txt"       → entry  (h = 1A …, alone in its bucket)
 *   └── …
 * </pre>
 *
 * <p>The shape depends only on the set of names, not on insertion order, so every implementation makes the same
 * blocks: this is the structure boxo, ipfs-unixfs-importer and {@code @ipld/unixfs} build (see the package doc
 * for the byte layout). Holds every entry until {@link #write}. Not thread-safe.
 */
public final class HamtShard {
  /** The fanout every reference implementation uses: 256 buckets, 8 hash bits per level. */
  public static final int DEFAULT_FANOUT = 256;
  /** Largest fanout accepted: 1024 (larger fanouts are refused since CVE-2023-23625). */
  public static final int MAX_FANOUT = 1024;

  private final int fanout;
  private final HamtBuckets buckets;
  private final Node root;
  private int size;

  /**
   * @param fanout buckets per shard: a power of two from 8 to {@value #MAX_FANOUT}
   * @throws IllegalArgumentException if the fanout is not allowed
   */
  public HamtShard(int fanout) {
    if (fanout < 8 || fanout > MAX_FANOUT || Integer.bitCount(fanout) != 1) {
      throw new IllegalArgumentException("HAMT fanout must be a power of two from 8 to " + MAX_FANOUT + ", got "
          + fanout);
    }
    this.fanout = fanout;
    this.buckets = HamtBuckets.of(fanout);
    this.root = new Node(fanout);
  }

  /** @return the number of entries */
  public int size() {
    return size;
  }

  /**
   * Adds an entry.
   *
   * @param name the entry name (its UTF-8 bytes are hashed)
   * @param entry the written entry it links to
   * @throws IllegalArgumentException if the name is already present
   * @throws io.carmint.unixfs.hamt.HamtDepthException if two names share all 64 hash bits (the shard would
   *     be deeper than the hash allows)
   */
  public void put(String name, WrittenNode entry) {
    Objects.requireNonNull(entry, "entry");
    put(root, new Entry(name, HamtBuckets.hash(name), entry), 0);
    size++;
  }

  private void put(Node node, Entry e, int depth) {
    int index = bucket(e.hash, depth, e.name);
    Object slot = node.slots[index];
    if (slot == null) {
      node.slots[index] = e;
    } else if (slot instanceof Node) {
      put((Node) slot, e, depth + 1);
    } else {
      Entry other = (Entry) slot;
      if (other.name.equals(e.name)) {
        throw new IllegalArgumentException("Duplicate directory entry '" + e.name + "'");
      }
      Node child = new Node(fanout);
      node.slots[index] = child;
      put(child, other, depth + 1);
      put(child, e, depth + 1);
    }
  }

  private int bucket(long hash, int depth, String name) {
    if (depth >= buckets.maxDepth()) {
      throw new HamtDepthException("HAMT too deep: names share all " + depth * buckets.bitsPerLevel()
          + " bits of their hash (entry '" + name + "'); murmur3-x64-64 gives only 64");
    }
    return buckets.bucket(hash, depth);
  }

  /** Encodes a block and stores it, returning its CID: the importer's hashing and block sink. */
  @FunctionalInterface
  public interface BlockWriter {
    /**
     * @param block an encoded dag-pb block
     * @return its CID
     * @throws IOException if storing it fails
     */
    Cid write(byte[] block) throws IOException;
  }

  /**
   * Writes every shard node, sub-shards first, and returns the root shard.
   *
   * @param writer where the shard blocks go
   * @return the root shard
   * @throws IOException if a block cannot be written
   */
  public WrittenNode write(BlockWriter writer) throws IOException {
    return write(root, writer);
  }

  private WrittenNode write(Node node, BlockWriter writer) throws IOException {
    List<PbLink> links = new ArrayList<>();
    byte[] bitfield = new byte[fanout / 8];
    long childSizes = 0;
    for (int i = 0; i < fanout; i++) {
      Object slot = node.slots[i];
      if (slot == null) {
        continue;
      }
      bitfield[bitfield.length - 1 - i / 8] |= (byte) (1 << (i % 8));
      String prefix = buckets.prefix(i);
      WrittenNode child;
      String name;
      if (slot instanceof Node) {
        child = write((Node) slot, writer);
        name = prefix;
      } else {
        Entry e = (Entry) slot;
        child = e.node;
        name = prefix + e.name;
      }
      links.add(PbLink.of(child.cid(), name, child.dagSize()));
      childSizes = Math.addExact(childSizes, child.dagSize());
    }
    int first = 0;
    while (first < bitfield.length && bitfield[first] == 0) {
      first++;
    }
    Bytes field = Bytes.copyOf(bitfield, first, bitfield.length - first);
    byte[] block = DagPb.encode(PbNode.of(links, UnixFsData.hamtShard(field, fanout).encode()));
    Cid cid = writer.write(block);
    return new WrittenNode(cid, Math.addExact(block.length, childSizes));
  }

  private static final class Node {
    final Object[] slots;

    Node(int fanout) {
      slots = new Object[fanout];
    }
  }

  private static final class Entry {
    final String name;
    final long hash;
    final WrittenNode node;

    Entry(String name, long hash, WrittenNode node) {
      this.name = name;
      this.hash = hash;
      this.node = node;
    }
  }
}

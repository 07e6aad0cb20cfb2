package io.carmint.unixfs.exporter;

import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.PbLink;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.UnixFsFormatException;
import io.carmint.unixfs.UnixFsType;
import io.carmint.unixfs.hamt.HamtShard;
import io.carmint.unixfs.hamt.HamtBuckets;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a directory's entries one at a time, from {@link Exporter#openDirectory}: a basic directory's links in block
 * order, or a HAMT's entries in shard order (bucket order, depth first). Nothing is collected: memory is the
 * directory's root block plus, for a HAMT, one shard block per level of the path being read, however many entries
 * the directory declares (a small DAG can declare billions by linking one sub-shard from many buckets).
 *
 * <p>Each shard is checked as it is reached (fanout, hash type, bucket prefixes uppercase, increasing and below the
 * fanout, bitfield bits set, depth at most 64 bits of hash), and each entry must sit in the buckets its name hashes
 * to ({@link HamtBuckets}, the rule {@link HamtShard} writes by), as every HAMT writer places it; a failure is
 * thrown by the {@link #next} call that reaches it. The placement check also means a sub-shard linked from several
 * buckets is refused at its first entry, so a HAMT cannot declare more entries than its blocks hold. Unlike
 * {@link Exporter#list}, the cursor does not check that names are unique: that needs memory proportional to the
 * directory. Not thread-safe.
 */
public final class DirectoryCursor {
  private final Exporter exporter;
  private final Exporter.Node root;
  // basic directory
  private int nextLink;
  // HAMT
  private final ArrayDeque<Shard> shards = new ArrayDeque<>();
  private HamtBuckets hamt;

  /** One shard being read: its node, the next link to look at, the last bucket seen, its depth below the root. */
  private static final class Shard {
    final Exporter.Node node;
    final int depth;
    int nextLink;
    int previousBucket = -1;

    Shard(Exporter.Node node, int depth) {
      this.node = node;
      this.depth = depth;
    }
  }

  DirectoryCursor(Exporter exporter, Exporter.Node root) throws UnixFsFormatException {
    if (root.raw() || (root.data().type() != UnixFsType.DIRECTORY
        && root.data().type() != UnixFsType.HAMT_SHARD)) {
      throw new UnixFsFormatException("Node " + root.cid() + " is not a directory");
    }
    this.exporter = exporter;
    this.root = root;
    if (root.data().type() == UnixFsType.HAMT_SHARD) {
      UnixFsData d = root.data();
      long f = d.fanout().orElseThrow(() -> new UnixFsFormatException("HAMT shard " + root.cid()
          + " has no fanout"));
      if (f < 2 || f > HamtShard.MAX_FANOUT || Long.bitCount(f) != 1) {
        throw new UnixFsFormatException("HAMT shard " + root.cid() + " has fanout " + f
            + "; it must be a power of two up to " + HamtShard.MAX_FANOUT);
      }
      if (d.hashType().orElse(-1) != UnixFsData.HAMT_HASH_MURMUR3_X64_64) {
        throw new UnixFsFormatException("HAMT shard " + root.cid() + " has hash type "
            + (d.hashType().isPresent() ? "0x" + Long.toHexString(d.hashType().getAsLong()) : "(none)")
            + "; only murmur3-x64-64 (0x22) is supported");
      }
      hamt = HamtBuckets.of((int) f);
      shards.push(new Shard(root, 0));
    }
  }

  /** @return the directory's CID */
  public Cid cid() {
    return root.cid();
  }

  /** @return whether the directory is HAMT-sharded */
  public boolean sharded() {
    return root.data().type() == UnixFsType.HAMT_SHARD;
  }

  /**
   * @return the next entry, or empty after the last
   * @throws UnixFsFormatException if a link has no name, or (HAMT) a shard reached is malformed
   * @throws MissingBlockException if a HAMT sub-shard block is missing
   * @throws io.carmint.block.BlockIntegrityException if a sub-shard's bytes do not match its CID
   * @throws IOException if the block source fails
   */
  public Optional<DirectoryEntry> next() throws IOException {
    if (!sharded()) {
      if (nextLink >= root.pb().links().size()) {
        return Optional.empty();
      }
      PbLink l = root.pb().links().get(nextLink++);
      if (l.name().isEmpty()) {
        throw new UnixFsFormatException("Directory " + root.cid() + " has a link without a name (to " + l.hash()
            + ")");
      }
      return Optional.of(new DirectoryEntry(l.name().get(), l.hash(), l.tsize()));
    }
    while (!shards.isEmpty()) {
      Shard s = shards.peek();
      if (s.nextLink >= s.node.pb().links().size()) {
        shards.pop();
        continue;
      }
      PbLink l = s.node.pb().links().get(s.nextLink++);
      String name = bucketChecked(s, l);
      if (name.length() == hamt.prefixLength()) {
        Exporter.Node child = exporter.load(l.hash(), "HAMT shard " + s.node.cid() + " bucket " + name);
        checkSubShard(child, s.depth + 1);
        shards.push(new Shard(child, s.depth + 1));
      } else {
        String entry = name.substring(hamt.prefixLength());
        checkPlacement(s, entry);
        return Optional.of(new DirectoryEntry(entry, l.hash(), l.tsize()));
      }
    }
    return Optional.empty();
  }

  /** Checks a link's bucket prefix against the shard's order and bitfield; returns its name. */
  private String bucketChecked(Shard s, PbLink l) throws UnixFsFormatException {
    Cid cid = s.node.cid();
    String name = l.name().orElseThrow(() -> new UnixFsFormatException("HAMT shard " + cid
        + " has a link without a name"));
    int pad = hamt.prefixLength();
    if (name.length() < pad) {
      throw new UnixFsFormatException("HAMT shard " + cid + " has a link named '" + name
          + "', shorter than its " + pad + "-digit bucket prefix");
    }
    String prefix = name.substring(0, pad);
    int bucket;
    try {
      bucket = Integer.parseInt(prefix, 16);
    } catch (NumberFormatException e) {
      throw new UnixFsFormatException("HAMT shard " + cid + " has a link named '" + name
          + "' whose prefix is not hexadecimal");
    }
    if (!prefix.equals(prefix.toUpperCase(Locale.ROOT)) || bucket >= hamt.fanout() || bucket <= s.previousBucket) {
      throw new UnixFsFormatException("HAMT shard " + cid + ": link '" + name
          + "' has a bad bucket prefix (uppercase hex below the fanout, increasing)");
    }
    if (!bitSet(s.node.data().data().orElse(Bytes.EMPTY), bucket)) {
      throw new UnixFsFormatException("HAMT shard " + cid + ": bucket " + bucket
          + " has a link but its bitfield bit is clear");
    }
    s.previousBucket = bucket;
    return name;
  }

  private void checkSubShard(Exporter.Node n, int depth) throws UnixFsFormatException {
    if (depth >= hamt.maxDepth()) {
      throw new UnixFsFormatException("HAMT shard " + n.cid() + " is at depth " + depth + "; a hash of 64 bits "
          + "allows at most " + hamt.maxDepth());
    }
    if (n.raw() || n.data().type() != UnixFsType.HAMT_SHARD) {
      throw new UnixFsFormatException("Node " + n.cid() + " inside a HAMT is a "
          + (n.raw() ? "raw block" : n.data().type()) + ", not a shard");
    }
    if (n.data().fanout().orElse(-1) != hamt.fanout()) {
      throw new UnixFsFormatException("HAMT shard " + n.cid() + " has fanout " + n.data().fanout()
          + ", its root " + hamt.fanout());
    }
  }

  /** Checks that an entry found in shard {@code s} sits in the buckets its name hashes to at every level. */
  private void checkPlacement(Shard s, String name) throws UnixFsFormatException {
    // The bucket taken at each depth on the current path: each shard on the stack is at the link it last read.
    int[] path = new int[s.depth + 1];
    for (Shard onPath : shards) {
      path[onPath.depth] = onPath.previousBucket;
    }
    long h = HamtBuckets.hash(name);
    for (int d = 0; d <= s.depth; d++) {
      if (hamt.bucket(h, d) != path[d]) {
        throw new UnixFsFormatException("HAMT " + root.cid() + ": entry " + EntryNames.quote(name) + " in shard "
            + s.node.cid() + " sits in bucket path " + bucketPath(path, s.depth) + " but its name hashes to "
            + bucketPath(h, s.depth) + " (a misplaced entry, or a sub-shard linked from several buckets)");
      }
    }
  }

  private String bucketPath(int[] buckets, int depth) {
    StringBuilder b = new StringBuilder();
    for (int d = 0; d <= depth; d++) {
      b.append(d == 0 ? "" : "/").append(hamt.prefix(buckets[d]));
    }
    return b.toString();
  }

  private String bucketPath(long hash, int depth) {
    int[] buckets = new int[depth + 1];
    for (int d = 0; d <= depth; d++) {
      buckets[d] = hamt.bucket(hash, d);
    }
    return bucketPath(buckets, depth);
  }

  /**
   * Finds one entry by name without reading the others: a basic directory's links are scanned; a HAMT is descended
   * along the buckets the name hashes to, one shard per level. Call on a fresh cursor.
   *
   * @throws DuplicateNameException if a basic directory has the name twice
   * @throws UnixFsFormatException if a shard on the way is malformed
   * @throws MissingBlockException if a sub-shard on the way is missing
   * @throws IOException if the source fails
   */
  Optional<DirectoryEntry> find(String name) throws IOException {
    if (!sharded()) {
      DirectoryEntry found = null;
      for (Optional<DirectoryEntry> e = next(); e.isPresent(); e = next()) {
        if (e.get().name().equals(name)) {
          if (found != null) {
            throw new DuplicateNameException(name, root.cid());
          }
          found = e.get();
        }
      }
      return Optional.ofNullable(found);
    }
    long h = HamtBuckets.hash(name);
    Exporter.Node shard = root;
    for (int depth = 0; ; depth++) {
      String prefix = hamt.prefix(hamt.bucket(h, depth));
      PbLink hit = null;
      for (PbLink l : shard.pb().links()) {
        if (l.name().isPresent() && l.name().get().startsWith(prefix)) {
          hit = l;
          break;
        }
      }
      if (hit == null) {
        return Optional.empty();
      }
      String linkName = hit.name().get();
      if (linkName.length() == hamt.prefixLength()) {
        Exporter.Node child = exporter.load(hit.hash(), "HAMT shard " + shard.cid() + " bucket " + linkName);
        checkSubShard(child, depth + 1);
        shard = child;
      } else {
        return linkName.substring(hamt.prefixLength()).equals(name)
            ? Optional.of(new DirectoryEntry(name, hit.hash(), hit.tsize())) : Optional.empty();
      }
    }
  }

  /** Bit {@code i} of a big-endian bitfield with leading zero bytes stripped. */
  private static boolean bitSet(Bytes bitfield, int i) {
    int fromEnd = i / 8;
    if (fromEnd >= bitfield.length()) {
      return false;
    }
    return (bitfield.get(bitfield.length() - 1 - fromEnd) & (1 << (i % 8))) != 0;
  }
}

package io.carmint.unixfs.exporter;

import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.PbLink;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.UnixFsFormatException;
import io.carmint.unixfs.UnixFsType;
import io.carmint.unixfs.hamt.HamtShard;
import java.io.IOException;
import java.util.List;

/** Lists the entries of a HAMT-sharded directory, checking each shard's structure. */
final class HamtReader {
  private HamtReader() {}

  static void entries(Exporter exporter, Exporter.Node root, List<DirectoryEntry> out) throws IOException {
    UnixFsData d = root.data();
    long fanout = d.fanout().orElseThrow(() -> new UnixFsFormatException("HAMT shard " + root.cid()
        + " has no fanout"));
    if (fanout < 2 || fanout > HamtShard.MAX_FANOUT || Long.bitCount(fanout) != 1) {
      throw new UnixFsFormatException("HAMT shard " + root.cid() + " has fanout " + fanout
          + "; it must be a power of two up to " + HamtShard.MAX_FANOUT);
    }
    if (d.hashType().orElse(-1) != UnixFsData.HAMT_HASH_MURMUR3_X64_64) {
      throw new UnixFsFormatException("HAMT shard " + root.cid() + " has hash type "
          + (d.hashType().isPresent() ? "0x" + Long.toHexString(d.hashType().getAsLong()) : "(none)")
          + "; only murmur3-x64-64 (0x22) is supported");
    }
    int bits = Long.numberOfTrailingZeros(fanout);
    int maxDepth = 64 / bits;
    int pad = Long.toHexString(fanout - 1).length();
    shard(exporter, root, (int) fanout, pad, 0, maxDepth, out);
  }

  private static void shard(Exporter exporter, Exporter.Node n, int fanout, int pad, int depth, int maxDepth,
      List<DirectoryEntry> out) throws IOException {
    if (depth >= maxDepth) {
      throw new UnixFsFormatException("HAMT shard " + n.cid() + " is at depth " + depth + "; a hash of 64 bits "
          + "allows at most " + maxDepth);
    }
    UnixFsData d = n.data();
    if (d.type() != UnixFsType.HAMT_SHARD) {
      throw new UnixFsFormatException("Node " + n.cid() + " inside a HAMT is a " + d.type() + ", not a shard");
    }
    if (d.fanout().orElse(-1) != fanout) {
      throw new UnixFsFormatException("HAMT shard " + n.cid() + " has fanout " + d.fanout() + ", its root "
          + fanout);
    }
    Bytes bitfield = d.data().orElse(Bytes.EMPTY);
    int previous = -1;
    for (PbLink l : n.pb().links()) {
      String name = l.name().orElseThrow(() -> new UnixFsFormatException("HAMT shard " + n.cid()
          + " has a link without a name"));
      if (name.length() < pad) {
        throw new UnixFsFormatException("HAMT shard " + n.cid() + " has a link named '" + name
            + "', shorter than its " + pad + "-digit bucket prefix");
      }
      int bucket;
      try {
        bucket = Integer.parseInt(name.substring(0, pad), 16);
      } catch (NumberFormatException e) {
        throw new UnixFsFormatException("HAMT shard " + n.cid() + " has a link named '" + name
            + "' whose prefix is not hexadecimal");
      }
      if (!name.substring(0, pad).equals(name.substring(0, pad).toUpperCase(java.util.Locale.ROOT))
          || bucket >= fanout || bucket <= previous) {
        throw new UnixFsFormatException("HAMT shard " + n.cid() + ": link '" + name
            + "' has a bad bucket prefix (uppercase hex below the fanout, increasing)");
      }
      if (!bitSet(bitfield, bucket)) {
        throw new UnixFsFormatException("HAMT shard " + n.cid() + ": bucket " + bucket
            + " has a link but its bitfield bit is clear");
      }
      previous = bucket;
      if (name.length() == pad) {
        shard(exporter, exporter.load(l.hash(), "HAMT shard " + n.cid() + " bucket " + name), fanout, pad,
            depth + 1, maxDepth, out);
      } else {
        out.add(new DirectoryEntry(name.substring(pad), l.hash(), l.tsize()));
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

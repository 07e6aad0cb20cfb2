package io.carmint.unixfs.importer;

import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.WrittenNode;
import io.carmint.unixfs.hamt.HamtShard;
import io.carmint.unixfs.importer.Tree.DirNode;
import io.carmint.unixfs.importer.Tree.Node;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a directory whose entries are all written: one flat UnixFS Directory node, links sorted by name, or a HAMT
 * of {@code fanout} buckets per shard when the profile's {@link ShardingRule} says so. Not thread-safe: used by the
 * calling thread only.
 */
final class DirectoryWriter {
  /** The Data of a flat directory node: UnixFS {Type: Directory}. */
  static final byte[] DIRECTORY_DATA = UnixFsData.directory().encode();

  private final ShardingRule sharding;
  private final int fanout;
  private final NodeWriter out;

  DirectoryWriter(ShardingRule sharding, int fanout, NodeWriter out) {
    this.sharding = sharding;
    this.fanout = fanout;
    this.out = out;
  }

  /** @return the written directory; its children have all been written */
  WrittenNode write(DirNode dir) throws IOException {
    Map<String, Node> children = dir.children();
    if (sharding.shards(children)) {
      HamtShard shard = new HamtShard(fanout);
      for (Map.Entry<String, Node> e : children.entrySet()) {
        shard.put(e.getKey(), e.getValue().result());
      }
      return shard.write(out::writeDagPb);
    }
    List<Map.Entry<String, Node>> entries = new ArrayList<>(children.entrySet());
    entries.sort((a, b) -> PbLink.compareNames(a.getKey(), b.getKey()));
    List<PbLink> links = new ArrayList<>(entries.size());
    long dagSize = 0;
    for (Map.Entry<String, Node> e : entries) {
      WrittenNode r = e.getValue().result();
      links.add(PbLink.of(r.cid(), e.getKey(), r.dagSize()));
      dagSize = Math.addExact(dagSize, r.dagSize());
    }
    byte[] block = DagPb.encode(PbNode.of(links, DIRECTORY_DATA));
    return new WrittenNode(out.writeDagPb(block), Math.addExact(block.length, dagSize));
  }
}

package io.carmint.client.gateway;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.exporter.DirectoryCursor;
import io.carmint.unixfs.exporter.DirectoryEntry;
import io.carmint.unixfs.exporter.Exporter;
import io.carmint.unixfs.exporter.MissingBlockException;
import io.carmint.unixfs.exporter.UnixFsEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Walks the DAG below the end of a path within a scope, asking the feed for each block in the order a trustless
 * gateway sends them (depth first, links in order, a block each time it occurs), and reading each node as the
 * exporter does: file sizes against their declarations, HAMT shards against their rules. Nothing is written; names
 * are not checked for extraction. Holds one node per level of the path being read.
 */
final class DagWalk {
  private final Exporter exporter;
  private final BlockFeed feed;
  private final int maxDepth;

  DagWalk(Exporter exporter, BlockFeed feed, int maxDepth) {
    this.exporter = exporter;
    this.feed = feed;
    this.maxDepth = maxDepth;
  }

  void run(Cid cid, DagScope scope) throws IOException {
    switch (scope) {
      case BLOCK -> block(cid);
      case ENTITY -> node(cid, false, 0);
      case ALL -> node(cid, true, 0);
    }
  }

  private void block(Cid cid) throws IOException {
    long codec = cid.codecCode();
    if (codec == Multicodec.DAG_PB.code() || codec == Multicodec.RAW.code()) {
      exporter.stat(cid); // decodes it: a dag-pb block must be a UnixFS node
    } else if (feed.get(cid).isEmpty()) {
      throw new MissingBlockException(cid, "the end of the path");
    }
  }

  private void node(Cid cid, boolean recurse, int depth) throws IOException {
    UnixFsEntry entry = exporter.stat(cid);
    feed.repeatLast(); // the stat read the node's block; reading the node asks for it again
    switch (entry.kind()) {
      case FILE -> {
        try (InputStream in = exporter.open(cid)) {
          in.transferTo(OutputStream.nullOutputStream());
        }
      }
      case SYMLINK -> exporter.readSymlink(cid);
      case DIRECTORY -> {
        if (depth > maxDepth) {
          throw new LimitExceededException("Directories nest " + depth + " levels deep at " + cid,
              "TrustlessGatewayClient.Builder.maxDepth", maxDepth, depth, -1);
        }
        DirectoryCursor cursor = exporter.openDirectory(cid);
        for (Optional<DirectoryEntry> e = cursor.next(); e.isPresent(); e = cursor.next()) {
          if (recurse) {
            node(e.get().cid(), true, depth + 1);
          }
        }
      }
    }
  }
}

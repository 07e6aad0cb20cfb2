package io.carmint.unixfs.importer;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.WrittenNode;
import io.carmint.unixfs.layout.FileLink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands an import's blocks to the sink, in the order it is given them, and counts them; makes the dag-pb nodes
 * between the leaves and the directories: file branch nodes (the layouts'
 * {@link io.carmint.unixfs.layout.BranchWriter}) and symlinks. Not thread-safe: used by the calling thread only, which is the only thread that calls the sink.
 */
final class NodeWriter {
  private final BlockSink sink;
  private final BlockCids cids;
  private long blocks;
  private long blockBytes;

  NodeWriter(BlockSink sink, BlockCids cids) {
    this.sink = sink;
    this.cids = cids;
  }

  /** @return the blocks handed to the sink so far */
  long blocks() {
    return blocks;
  }

  /** @return the bytes of those blocks */
  long blockBytes() {
    return blockBytes;
  }

  /** Hands {@code b} to the sink. */
  void emit(Block b) throws IOException {
    blocks++;
    blockBytes = Math.addExact(blockBytes, b.length());
    sink.put(b);
  }

  /** Hands an encoded dag-pb block to the sink; the HAMT's block writer. */
  Cid writeDagPb(byte[] block) throws IOException {
    Cid cid = cids.dagPb(block, 0, block.length);
    emit(Block.wrap(cid, block));
    return cid;
  }

  /** Writes a UnixFS File node over {@code children}: the layouts' branch writer. */
  FileLink writeBranch(List<FileLink> children) throws IOException {
    List<PbLink> links = new ArrayList<>(children.size());
    List<Long> sizes = new ArrayList<>(children.size());
    long fileSize = 0;
    long dagSize = 0;
    for (FileLink c : children) {
      links.add(PbLink.of(c.cid(), "", c.dagSize()));
      sizes.add(c.fileSize());
      fileSize = Math.addExact(fileSize, c.fileSize());
      dagSize = Math.addExact(dagSize, c.dagSize());
    }
    byte[] block = DagPb.encode(PbNode.of(links, UnixFsData.fileNode(sizes).encode()));
    return new FileLink(writeDagPb(block), fileSize, Math.addExact(block.length, dagSize));
  }

  /** Writes a UnixFS Symlink node whose Data is the UTF-8 bytes of {@code target}. */
  WrittenNode writeSymlink(String target) throws IOException {
    Bytes data = Bytes.wrap(target.getBytes(StandardCharsets.UTF_8));
    byte[] block = DagPb.encode(PbNode.of(List.of(), UnixFsData.symlink(data).encode()));
    return new WrittenNode(writeDagPb(block), block.length);
  }
}

package io.carmint.unixfs.importer;

import io.carmint.block.Block;
import io.carmint.unixfs.importer.Tree.DirNode;
import io.carmint.unixfs.importer.Tree.FileNode;
import io.carmint.unixfs.importer.Tree.SymlinkNode;
import java.nio.channels.FileChannel;
import java.util.concurrent.Future;

/**
 * What the walk over the tree hands to the in-order consumer of an {@link ImportRun}: a file's start, its leaves
 * (being hashed, or hashed) and its end, a symlink, a directory whose entries have all come before it. Immutable
 * (a leaf's future completes on the hashing pool).
 */
sealed interface ImportEvent {
  /** A file begins: its leaves follow. */
  record FileStart() implements ImportEvent {}

  /**
   * One leaf of the current file.
   *
   * @param block the leaf block, once hashed
   * @param contentLength the file bytes it holds
   * @param lastShort whether it is the file's last leaf and shorter than a full chunk
   * @param chunk the chunk it was made from, whose buffer is released once the sink has the block
   */
  record Leaf(Future<Block> block, int contentLength, boolean lastShort, Chunk chunk) implements ImportEvent {}

  /**
   * The current file ends.
   *
   * @param node the file
   * @param channel the file's channel, open until its chunks are consumed, or null
   */
  record FileEnd(FileNode node, FileChannel channel) implements ImportEvent {}

  /** A symlink, written as it comes. */
  record Symlink(SymlinkNode node) implements ImportEvent {}

  /** A directory whose entries are all written. */
  record DirEnd(DirNode node) implements ImportEvent {}
}

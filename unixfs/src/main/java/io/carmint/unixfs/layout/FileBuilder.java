package io.carmint.unixfs.layout;

import java.io.IOException;

/**
 * Builds one file's DAG from its leaves, which the caller has already written, in file order. Not thread-safe.
 *
 * <p>The last leaf is passed to {@link #finish} rather than {@link #add} when it is shorter than a full chunk
 * (or is the empty leaf of an empty file): the JS writer ipfs-car uses receives such a chunk only when the file is
 * closed, and where that leaf arrives changes the order in which branch blocks come out (never the CIDs).
 */
public interface FileBuilder {
  /**
   * Adds the next leaf; may write branch nodes that are now complete.
   *
   * @param leaf the leaf, already written
   * @throws IOException if writing a branch block fails
   */
  void add(FileLink leaf) throws IOException;

  /**
   * Adds {@code lastShortLeaf} (if not null), writes the remaining branch nodes and returns the root. A file of a
   * single leaf has that leaf as its root; no branch is written.
   *
   * @param lastShortLeaf the final leaf when it is shorter than a full chunk, or null
   * @return the root's link
   * @throws IllegalStateException if no leaf was given at all
   * @throws IOException if writing a branch block fails
   */
  FileLink finish(FileLink lastShortLeaf) throws IOException;
}

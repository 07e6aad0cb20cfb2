package io.carmint.unixfs.layout;

/** A way of arranging a file's leaves into a DAG. Implementations are immutable and thread-safe. */
public interface FileLayout {
  /**
   * @param writer makes and writes each branch node
   * @return a builder for one file, writing branch nodes through {@code writer}; not thread-safe
   */
  FileBuilder newFile(BranchWriter writer);

  /** @return the most links a branch node gets */
  int maxLinks();
}

package io.carmint.unixfs.layout;

import java.io.IOException;
import java.util.List;

/**
 * Makes one file branch node over children (a UnixFS File node whose blocksizes are the children's file sizes),
 * writes its block, and returns its link. Supplied by the importer, which knows the CID version and hash.
 */
@FunctionalInterface
public interface BranchWriter {
  /**
   * @param children the node's children in file order, at least one
   * @return the written node's link
   * @throws IOException if writing the block fails
   */
  FileLink write(List<FileLink> children) throws IOException;
}

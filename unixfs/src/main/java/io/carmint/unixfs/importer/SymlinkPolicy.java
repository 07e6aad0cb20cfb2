package io.carmint.unixfs.importer;

/** What the importer does with symbolic links it meets. Symlinks inside a tree are never followed. */
public enum SymlinkPolicy {
  /**
   * Store each symlink as a UnixFS Symlink node (type 4) whose data is the target, verbatim (Kubo, IPIP-499). A
   * symlink given as the input path itself is stored the same way.
   */
  STORE,
  /**
   * Leave symlinks inside a directory out silently (ipfs-car: files-from-path keeps only regular files and
   * directories). A symlink given as the input path itself is followed, as ipfs-car's {@code stat} does.
   */
  SKIP
}

package io.carmint.unixfs.exporter;

/** What a UnixFS node is, as a file system would show it. */
public enum EntryKind {
  /** A file: a raw block, or a dag-pb UnixFS File or Raw node. */
  FILE,
  /** A directory: a basic UnixFS Directory or a HAMT-sharded one. */
  DIRECTORY,
  /** A symbolic link. */
  SYMLINK
}

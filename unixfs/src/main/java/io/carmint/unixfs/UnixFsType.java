package io.carmint.unixfs;

/** The UnixFS {@code DataType} of a node. The set is closed by the spec; unknown values fail to decode. */
public enum UnixFsType {
  /** 0: bytes of a file (written only by old trickle importers; readers must accept it as file data). */
  RAW(0),
  /** 1: a basic directory; its links are the entries. */
  DIRECTORY(1),
  /** 2: a file (a leaf with Data, or a node whose links are chunks). */
  FILE(2),
  /** 3: metadata (deprecated; not produced). */
  METADATA(3),
  /** 4: a symbolic link; Data is the target path. */
  SYMLINK(4),
  /** 5: a HAMT-sharded directory node. */
  HAMT_SHARD(5);

  private final int code;

  UnixFsType(int code) {
    this.code = code;
  }

  /** @return the protobuf enum value */
  public int code() {
    return code;
  }

  /** @return the type with this code, or {@code null} if the code is not a UnixFS type */
  static UnixFsType forCode(long code) {
    for (UnixFsType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}

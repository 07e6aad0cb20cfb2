package io.carmint.unixfs.exporter;

import io.carmint.multiformats.Cid;
import java.util.Objects;

/**
 * A UnixFS node as {@link Exporter#stat} describes it.
 *
 * @param cid its CID
 * @param kind file, directory or symlink
 * @param size for a file its size in bytes as declared by its root (a raw block's length); for a symlink the
 *     target's length in bytes; -1 for a directory
 * @param sharded whether a directory is HAMT-sharded
 */
public record UnixFsEntry(Cid cid, EntryKind kind, long size, boolean sharded) {
  /**
   * @param cid its CID
   * @param kind file, directory or symlink
   * @param size for a file its size in bytes as declared by its root (a raw block's length); for a symlink the target's
   *     length in bytes; -1 for a directory
   * @param sharded whether a directory is HAMT-sharded
   * @throws NullPointerException if {@code cid} or {@code kind} is null
   */
  public UnixFsEntry {
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(kind, "kind");
  }
}

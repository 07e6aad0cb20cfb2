package io.carmint.unixfs.unpack;

/** What {@link Unpacker} accepts as the target directory. Existing files are never replaced under any policy. */
public enum TargetPolicy {
  /**
   * The target must be absent (it is created, with missing parents) or an empty directory (the default);
   * otherwise {@link TargetNotEmptyException}. Every path written is then new, so any collision is a duplicate in
   * the DAG (or a case-insensitive file system folding two names) and fails with {@link EntryCollisionException}.
   */
  REQUIRE_EMPTY,
  /**
   * The target may hold files already. An existing real directory where the DAG has a directory is entered; an
   * existing file, symlink or anything else where the DAG has an entry fails with {@link EntryCollisionException}
   * (existing symlinks are never followed, existing files never replaced).
   */
  MERGE
}

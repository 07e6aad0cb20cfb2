package io.carmint.unixfs.importer;

import java.util.List;

/**
 * How entry paths become UnixFS names.
 */
public enum PathRules {
  /**
   * Paths are split on {@code /} only; every segment is kept byte for byte (spaces, backslashes, control
   * characters included); an empty segment, {@code .}, {@code ..} or a NUL is an error. Kubo, ipfs-car and
   * ipfs-unixfs-importer 17 name entries this way.
   */
  STRICT,
  /**
   * The nft.storage JS client's rules (ipfs-unixfs-importer 9 {@code toPathComponents}): JavaScript
   * {@code String.trim()} of the whole path (so leading whitespace of the first name and trailing whitespace of the
   * last name vanish), then a split on {@code /} and on {@code \}, empty segments dropped; when two entries end up
   * with the same path the later one replaces the earlier. {@code .} and {@code ..} segments are still an error.
   */
  NFT_STORAGE_CLIENT;

  /**
   * Splits an in-memory entry path into the names the importer gives its directories and file under these rules,
   * so a caller can tell beforehand where a file will be in the DAG.
   *
   * @param path an entry path
   * @return the names, outermost first; never empty
   * @throws InvalidEntryNameException if the path names nothing, or a name is {@code .}, {@code ..}, holds a NUL or
   *     is not valid Unicode (and, under {@link #STRICT}, if a segment is empty)
   */
  public List<String> split(String path) {
    return List.copyOf(EntryPaths.segments(path, this));
  }
}

package io.carmint.unixfs.unpack;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Unpacker#unpack} wrote.
 *
 * @param target where the root went: the (real) target directory, or the file written for a file root
 * @param directories directories visited, the root included (merged ones too)
 * @param files files written
 * @param symlinks symlinks created
 * @param skippedSymlinks symlinks left out under {@link EscapingSymlinkPolicy#SKIP}, in the order met
 * @param bytes bytes of file content written
 * @param blocks blocks read from the source (a block read twice counts twice)
 */
public record UnpackResult(Path target, long directories, long files, long symlinks,
    List<SkippedSymlink> skippedSymlinks, long bytes, long blocks) {
  /**
   * @param target where the root went: the (real) target directory, or the file written for a file root
   * @param directories directories visited, the root included (merged ones too)
   * @param files files written
   * @param symlinks symlinks created
   * @param skippedSymlinks symlinks left out under {@link EscapingSymlinkPolicy#SKIP}, in the order met
   * @param bytes bytes of file content written
   * @param blocks blocks read from the source (a block read twice counts twice)
   * @throws NullPointerException if a component is null
   */
  public UnpackResult {
    Objects.requireNonNull(target, "target");
    skippedSymlinks = List.copyOf(skippedSymlinks);
  }

  /** @return entries visited: directories, files, symlinks created and symlinks skipped */
  public long entries() {
    return directories + files + symlinks + skippedSymlinks.size();
  }

  /**
   * A symlink left out because it could escape the target.
   *
   * @param path its entry path relative to the unpacked root
   * @param target its target, as stored
   * @param reason why it could escape
   */
  public record SkippedSymlink(String path, String target, String reason) {
    /**
     * @param path its entry path relative to the unpacked root
     * @param target its target, as stored
     * @param reason why it could escape
     * @throws NullPointerException if a component is null
     */
    public SkippedSymlink {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(reason, "reason");
    }
  }
}

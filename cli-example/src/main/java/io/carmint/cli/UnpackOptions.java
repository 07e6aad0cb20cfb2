package io.carmint.cli;

import io.carmint.unixfs.unpack.EscapingSymlinkPolicy;
import io.carmint.unixfs.unpack.TargetPolicy;
import io.carmint.unixfs.unpack.Unpacker;
import picocli.CommandLine.Option;

/** The options of {@code unpack} and {@code extract} that configure the {@link Unpacker}: its policies and limits. */
final class UnpackOptions {
  @Option(names = "--skip-escaping-symlinks", description = "Leave out (and report on stderr) symlinks whose target "
      + "could lead outside the output, instead of failing.")
  boolean skipEscapingSymlinks;

  @Option(names = "--merge", description = "Allow a non-empty output directory: existing directories are merged "
      + "into; an entry whose path exists as a file or symlink still fails.")
  boolean merge;

  @Option(names = "--max-entries", paramLabel = "N", defaultValue = "" + Unpacker.DEFAULT_MAX_ENTRIES,
      description = "Most entries (files, directories, symlinks) to write (default: ${DEFAULT-VALUE}).")
  long maxEntries;

  @Option(names = "--max-bytes", paramLabel = "SIZE", converter = SizeConverter.class,
      description = "Most bytes of file content to write, e.g. 100GiB (default: 1,024 times the CAR's size, at least "
          + "1GiB and at most 32GiB).")
  Long maxBytes;

  @Option(names = "--max-blocks", paramLabel = "N", defaultValue = "" + Unpacker.DEFAULT_MAX_BLOCKS,
      description = "Most block reads (default: ${DEFAULT-VALUE}).")
  long maxBlocks;

  @Option(names = "--max-depth", paramLabel = "N", defaultValue = "" + Unpacker.DEFAULT_MAX_DEPTH,
      description = "Deepest directory nesting (default: ${DEFAULT-VALUE}, at most " + Unpacker.MAX_DEPTH_LIMIT
          + ").")
  int maxDepth;

  /**
   * @return an unpacker with these options; block hashes are not checked again (the CarFile hashes every block)
   * @throws UsageException if a limit is out of range
   */
  Unpacker unpacker() {
    try {
      Unpacker.Builder b = Unpacker.builder().maxEntries(maxEntries).maxBlocks(maxBlocks)
          .maxDepth(maxDepth).verifyHashes(false)
          .escapingSymlinks(skipEscapingSymlinks ? EscapingSymlinkPolicy.SKIP : EscapingSymlinkPolicy.REFUSE)
          .targetPolicy(merge ? TargetPolicy.MERGE : TargetPolicy.REQUIRE_EMPTY);
      if (maxBytes != null) {
        b.maxTotalBytes(maxBytes);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}

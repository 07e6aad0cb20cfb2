package io.carmint.cli;

import io.carmint.block.Block;
import io.carmint.block.BlockSource;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.exporter.EntryNames;
import io.carmint.unixfs.unpack.EscapingSymlinkPolicy;
import io.carmint.unixfs.unpack.TargetPolicy;
import io.carmint.unixfs.unpack.UnpackResult;
import io.carmint.unixfs.unpack.Unpacker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carmint unpack CAR -o DIR [--root CID]}: extracts the UnixFS tree of a CAR safely with
 * {@link Unpacker}; prints one summary line; skipped symlinks are reported on stderr.
 */
@Command(name = "unpack", mixinStandardHelpOptions = true,
    description = {"Extract the UnixFS tree under the CAR's root (or --root) into DIR, which must be new or empty "
        + "(or merge with --merge). A file root is written at the path DIR itself.",
        "Refused with exit code 1 and a one-line error: unsafe names (empty, '.', '..', absolute, containing '/', "
            + "'\\' or NUL), a name used twice, symlinks whose target could lead outside DIR (unless "
            + "--skip-escaping-symlinks), missing or corrupt blocks, files whose size differs from the declared "
            + "one, and trees beyond the limits. The tree's entries, bytes and depth are counted from the CAR before "
            + "anything is written, so a small CAR declaring a huge tree is refused at once. Nothing is written "
            + "outside DIR, existing files are never replaced, a file never appears half-written under its name, "
            + "and a failed unpack removes what it wrote.",
        "Prints: unpacked ROOT into DIR: N directories, N files, N symlinks, N bytes"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint unpack site.car -o site",
        "      The tree under the CAR's root into the new directory site.",
        "  carmint unpack dag.car -o out --root CID",
        "      One DAG of a CAR with several roots.",
        "  curl -s URL | carmint unpack - -o out --skip-escaping-symlinks",
        "      From standard input, leaving out symlinks that could point outside out."})
final class UnpackCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR file, or - for standard input (copied to a "
      + "temporary file).")
  Path car;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Where to unpack.")
  Path output;

  @Option(names = "--root", paramLabel = "CID", converter = CidConverter.class,
      description = "Unpack this CID instead of the CAR's root (needed when the CAR has several roots).")
  Cid root;

  @Option(names = "--skip-escaping-symlinks", description = "Leave out (and report on stderr) symlinks whose target "
      + "could lead outside DIR, instead of failing.")
  boolean skipEscapingSymlinks;

  @Option(names = "--merge", description = "Allow a non-empty DIR: existing directories are merged into; an entry "
      + "whose path exists as a file or symlink still fails.")
  boolean merge;

  @Option(names = "--max-entries", paramLabel = "N", defaultValue = "" + Unpacker.DEFAULT_MAX_ENTRIES,
      description = "Most entries (files, directories, symlinks) to unpack (default: ${DEFAULT-VALUE}).")
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

  @Spec
  CommandSpec spec;

  /** @return {@code source}, adding the bytes of each block read to {@code bar} (the count reads some twice) */
  private static BlockSource counted(BlockSource source, ProgressBar bar) {
    return new BlockSource() {
      @Override
      public Optional<Block> get(Cid cid) throws IOException {
        Optional<Block> b = source.get(cid);
        b.ifPresent(block -> bar.add(block.length()));
        return b;
      }

      @Override
      public boolean has(Cid cid) throws IOException {
        return source.has(cid);
      }

      @Override
      public OptionalLong length(Cid cid) throws IOException {
        return source.length(cid);
      }

      @Override
      public OptionalLong totalBytes() {
        return source.totalBytes();
      }
    };
  }

  @Override
  public Integer call() throws IOException {
    Unpacker unpacker;
    try {
      Unpacker.Builder b = Unpacker.builder().maxEntries(maxEntries).maxBlocks(maxBlocks)
          .maxDepth(maxDepth).verifyHashes(false) // the CarFile hashes every block it returns
          .escapingSymlinks(skipEscapingSymlinks ? EscapingSymlinkPolicy.SKIP : EscapingSymlinkPolicy.REFUSE)
          .targetPolicy(merge ? TargetPolicy.MERGE : TargetPolicy.REQUIRE_EMPTY);
      if (maxBytes != null) {
        b.maxTotalBytes(maxBytes);
      }
      unpacker = b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    UnpackResult r;
    Cid from;
    try (CarInputs.RandomAccessCar c = CarInputs.openRandomAccess(car, Main.of(spec).console().in());
        ProgressBar bar = ProgressBar.start(Main.of(spec), spec.commandLine().getErr(), "unpack",
            c.file().totalBytes().orElse(-1))) {
      from = CarInputs.root(c.file(), root);
      r = unpacker.unpack(bar.shown() ? counted(c.file(), bar) : c.file(), from, output);
    }
    for (UnpackResult.SkippedSymlink s : r.skippedSymlinks()) {
      Main.of(spec).note("skipped symlink " + EntryNames.quote(s.path()) + " -> " + EntryNames.quote(s.target())
          + ": " + s.reason());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(String.format(Locale.ROOT, "unpacked %s into %s: %,d directories, %,d files, %,d symlinks, %,d bytes",
        from, r.target(), r.directories(), r.files(), r.symlinks(), r.bytes())
        + (r.skippedSymlinks().isEmpty() ? "" : String.format(Locale.ROOT, " (%,d symlinks skipped)",
        r.skippedSymlinks().size())));
    out.flush();
    return Main.EXIT_OK;
  }
}

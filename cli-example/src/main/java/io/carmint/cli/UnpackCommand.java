package io.carmint.cli;

import io.carmint.block.Block;
import io.carmint.block.BlockSource;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.exporter.EntryNames;
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
import picocli.CommandLine.Mixin;
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

  @Mixin
  UnpackOptions options;

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
    Unpacker unpacker = options.unpacker();
    UnpackResult r;
    Cid from;
    try (CarInputs.RandomAccessCar c = CarInputs.openRandomAccess(car, Main.of(spec).console().in());
        ProgressBar bar = ProgressBar.start(Main.of(spec), spec.commandLine().getErr(), "unpack",
            c.file().totalBytes().orElse(-1))) {
      from = CarInputs.root(c.file(), root);
      r = unpacker.unpack(bar.shown() ? counted(c.file(), bar) : c.file(), from, output);
    }
    reportSkipped(Main.of(spec), r);
    PrintWriter out = spec.commandLine().getOut();
    out.println("unpacked " + from + " into " + r.target() + ": " + counts(r));
    out.flush();
    return Main.EXIT_OK;
  }

  /** Reports each symlink left out, one note each (silenced by {@code -q}). */
  static void reportSkipped(Main main, UnpackResult r) {
    for (UnpackResult.SkippedSymlink s : r.skippedSymlinks()) {
      main.note("skipped symlink " + EntryNames.quote(s.path()) + " -> " + EntryNames.quote(s.target()) + ": "
          + s.reason());
    }
  }

  /** @return {@code N directories, N files, N symlinks, N bytes}, and the symlinks skipped if any */
  static String counts(UnpackResult r) {
    return String.format(Locale.ROOT, "%,d directories, %,d files, %,d symlinks, %,d bytes", r.directories(),
        r.files(), r.symlinks(), r.bytes()) + (r.skippedSymlinks().isEmpty() ? ""
        : String.format(Locale.ROOT, " (%,d symlinks skipped)", r.skippedSymlinks().size()));
  }
}

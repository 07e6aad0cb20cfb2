package io.carmint.cli;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.unixfs.exporter.EntryKind;
import io.carmint.unixfs.exporter.Exporter;
import io.carmint.unixfs.exporter.UnixFsEntry;
import io.carmint.unixfs.unpack.UnpackResult;
import io.carmint.unixfs.unpack.Unpacker;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carmint extract CAR [PATH] [-o OUT]}: one path of a CAR's UnixFS tree, resolved with {@link Exporter} and
 * written with {@link Unpacker} (a file, a symlink or a whole directory), or a file's bytes to standard output.
 *
 * <p>Prints, when it writes to disk: {@code extracted PATH (CID) into OUT: N directories, N files, N symlinks, N
 * bytes}; nothing on stdout but the bytes when it writes there. {@code --json}: {@code {"car", "path", "cid",
 * "output", "directories", "files", "symlinks", "bytes"}} ({@code output} null for stdout, and then on stderr).
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = {"Extract one path of the UnixFS tree in a CAR (by default its root): a file or a symlink is "
        + "written at OUT, a directory's tree into OUT (new or empty, or --merge). A file goes to standard output "
        + "with -o -, or with no -o when standard output is not a terminal.",
        "PATH is a /-separated path of names below the root (or --root); HAMT-sharded directories are looked up "
            + "by hash, so only the blocks on the path and below it are needed.",
        "Checked and refused with exit code 1 as for unpack: missing or corrupt blocks, unsafe names, a name used "
            + "twice, symlinks that could lead outside OUT, sizes that differ from the declared ones, trees beyond "
            + "the limits. A failed extract removes what it wrote; a file sent to standard output is streamed as its "
            + "blocks are checked."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint extract site.car images/cat.png -o cat.png",
        "      One file of the tree, written at cat.png.",
        "  carmint extract site.car images -o images",
        "      A directory's tree, into the new directory images.",
        "  carmint extract site.car docs/readme.txt | less",
        "      A file to standard output.",
        "  carmint extract site.car -o site",
        "      The whole tree, as unpack does."})
final class ExtractCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR file, or - for standard input (copied to a "
      + "temporary file).")
  Path car;

  @Parameters(index = "1", paramLabel = "PATH", arity = "0..1", defaultValue = "",
      description = "A path of names below the root, e.g. images/cat.png (default: the root).")
  String path;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Where to write: a file or directory path, "
      + "or - for standard output (a file only).")
  Path output;

  @Option(names = "--root", paramLabel = "CID", converter = CidConverter.class,
      description = "Start from this CID instead of the CAR's root (needed when the CAR has several roots).")
  Cid root;

  @Option(names = "--json", description = "Print one JSON object: car, path, cid, output, directories, files, "
      + "symlinks, bytes.")
  boolean json;

  @Mixin
  UnpackOptions options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Unpacker unpacker = options.unpacker();
    Main main = Main.of(spec);
    boolean stdout = output == null ? !main.console().outIsTerminal() : output.toString().equals("-")
        || PackCommand.isStandardOutput(output);
    if (output == null && !stdout) {
      throw new UsageException("Standard output is a terminal; give -o OUT (or -o - to write the file there anyway)");
    }
    Cid target;
    UnpackResult r;
    try (CarInputs.RandomAccessCar c = CarInputs.openRandomAccess(car, main.console().in());
        ProgressBar bar = ProgressBar.start(main, spec.commandLine().getErr(), "extract", -1)) {
      Exporter exporter = Exporter.builder(c.file()).verifyHashes(false).build(); // the CarFile hashes
      target = exporter.resolve(CarInputs.root(c.file(), root), path);
      if (stdout) {
        r = toStdout(exporter, exporter.stat(target), unpacker.maxTotalBytes(c.file()), bar);
      } else {
        if (bar.shown()) {
          // One more count of the directory blocks, only for the bar: the unpack counts the tree again itself.
          bar.total(unpacker.count(c.file(), target).bytes());
          unpacker = unpacker.toBuilder().progress(bar::done).build();
        }
        r = unpacker.unpack(c.file(), target, output);
      }
    }
    UnpackCommand.reportSkipped(main, r);
    PrintWriter report = stdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
    String shown = path.isEmpty() ? "/" : path;
    if (json) {
      Json.print(report, Json.object().put("car", car.toString()).put("path", shown).put("cid", target.toString())
          .put("output", stdout ? null : r.target().toString()).put("directories", r.directories())
          .put("files", r.files()).put("symlinks", r.symlinks()).put("bytes", r.bytes()));
    } else if (!stdout) {
      report.println("extracted " + Printable.field(shown) + " (" + target + ") into " + r.target() + ": "
          + UnpackCommand.counts(r));
    }
    report.flush();
    return Main.EXIT_OK;
  }

  /** Streams a file to standard output, after checking its declared size against the byte limit. */
  private UnpackResult toStdout(Exporter exporter, UnixFsEntry entry, long maxBytes, ProgressBar bar)
      throws IOException {
    if (entry.kind() != EntryKind.FILE) {
      throw new UsageException(Printable.field(path.isEmpty() ? "/" : path) + " is a "
          + entry.kind().name().toLowerCase(Locale.ROOT) + ", not a file: give -o OUT to extract it");
    }
    if (entry.size() > maxBytes) {
      throw new LimitExceededException(String.format(Locale.ROOT, "The file declares %,d bytes", entry.size()),
          "Unpacker.Builder.maxTotalBytes", maxBytes, entry.size(), -1);
    }
    OutputStream out = Main.of(spec).console().out();
    bar.total(entry.size()); // the exporter fails a file whose bytes differ from the declared size
    long n = exporter.readFile(entry.cid(), bar.shown() ? new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        bar.add(len);
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        bar.add(1);
      }
    } : out);
    out.flush();
    return new UnpackResult(Path.of("-"), 0, 1, 0, List.of(), n, 0);
  }
}

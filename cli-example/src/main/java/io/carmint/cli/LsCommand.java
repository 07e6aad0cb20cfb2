package io.carmint.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmint.block.BlockSource;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.unixfs.exporter.DirectoryCursor;
import io.carmint.unixfs.exporter.DirectoryEntry;
import io.carmint.unixfs.exporter.EntryKind;
import io.carmint.unixfs.exporter.EntryNames;
import io.carmint.unixfs.exporter.ExportVisitor;
import io.carmint.unixfs.exporter.Exporter;
import io.carmint.unixfs.exporter.UnixFsEntry;
import io.carmint.unixfs.unpack.Unpacker;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carmint ls [-l] [-R] CAR [PATH]}: lists a UnixFS directory of a CAR (or describes a file or symlink), one
 * entry per line, in the directory's own order (a basic directory's link order, which writers sort by name; a HAMT's
 * bucket order); with {@code -R} the whole tree below it, depth first, each entry named by its path relative to the
 * listed directory ({@link Exporter#walk}, which refuses names that are not safe path segments).
 *
 * <p>Format: the name, as stored. With {@code -l}: {@code TYPE<TAB>SIZE<TAB>CID<TAB>NAME}, TYPE {@code d}
 * (directory), {@code -} (file) or {@code l} (symlink, NAME then {@code " -> "} and its target); SIZE a file's
 * declared size in bytes, a symlink target's length, {@code -} for a directory. A name holding a control or format
 * character (newline, tab, escape, bidirectional override…) is printed quoted, with those characters escaped as
 * {@link io.carmint.unixfs.exporter.EntryNames#quote} does, so each entry stays on one line. For a file or symlink PATH, its one line is printed, named by the last segment of PATH (the CID
 * if PATH is empty).
 */
@Command(name = "ls", mixinStandardHelpOptions = true,
    description = {"List the UnixFS directory at PATH (default: the root) in a CAR, one entry per line, in the "
        + "directory's own order; a file or symlink PATH prints its own line. PATH is a /-separated path of names; "
        + "HAMT-sharded directories are looked up by hash.",
        "Output: NAME, as stored; with -l: TYPE<TAB>SIZE<TAB>CID<TAB>NAME where TYPE is d, - or l, SIZE is the "
            + "file's declared size, the symlink target's length or - for a directory, and a symlink's NAME is "
            + "followed by ' -> TARGET'. Names holding control characters are printed quoted with \\uXXXX escapes.",
        "With -R: the whole tree below PATH, depth first (a directory before its entries), each entry named by its "
            + "path relative to PATH, e.g. images/cat.png; a name that is not a safe path segment ('..', one holding "
            + "'/') stops the listing.",
        "Exit code 1 if PATH does not exist or the DAG is broken (missing or corrupt block, malformed node, a "
            + "name used twice)."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint ls site.car",
        "      The names in the root directory.",
        "  carmint ls -l site.car assets/images",
        "      TYPE, SIZE, CID and NAME of each entry of a subdirectory, tab-separated.",
        "  carmint ls site.car --json",
        "      One JSON object an entry: name, type, size, cid, target.",
        "  carmint ls -R -l site.car",
        "      The whole tree, each entry by its path (as ipfs-car ls --verbose)."})
final class LsCommand implements Callable<Integer> {
  /** The library setting behind {@code --max-entries}, as {@link LimitExceededException#setting()} names it. */
  private static final String MAX_ENTRIES_SETTING = "Unpacker.Builder.maxEntries";

  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR file, or - for standard input.")
  Path car;

  @Parameters(index = "1", paramLabel = "PATH", arity = "0..1", defaultValue = "",
      description = "A path of names below the root, e.g. assets/images.")
  String path;

  @Option(names = {"-l", "--long"}, description = "Print type, size and CID too.")
  boolean longFormat;

  @Option(names = {"-R", "--recursive"}, description = "List the whole tree below PATH, depth first, each entry by "
      + "its path relative to PATH (a directory before its entries).")
  boolean recursive;

  @Option(names = "--root", paramLabel = "CID", converter = CidConverter.class,
      description = "Start from this CID instead of the CAR's root (needed when the CAR has several roots).")
  Cid root;

  @Option(names = "--max-entries", paramLabel = "N", defaultValue = "" + Unpacker.DEFAULT_MAX_ENTRIES,
      description = "Refuse, with exit code 1 and before printing anything, a directory (with -R: a tree) holding "
          + "more entries than this (default: ${DEFAULT-VALUE}).")
  long maxEntries;

  @Option(names = "--json", description = "Print one JSON object an entry: name (with -R the path relative to PATH), "
      + "type (directory, file, symlink), size, cid, target (see README).")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (maxEntries < 0) {
      throw new UsageException("--max-entries must be 0 or more, got " + maxEntries);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (CarInputs.RandomAccessCar c = CarInputs.openRandomAccess(car, Main.of(spec).console().in())) {
      Exporter exporter = Exporter.builder(c.file()).verifyHashes(false).build(); // the CarFile hashes
      Cid start = CarInputs.root(c.file(), root);
      Cid target = exporter.resolve(start, path);
      UnixFsEntry entry = exporter.stat(target);
      if (entry.kind() != EntryKind.DIRECTORY) {
        String trimmed = path.replaceAll("/+$", "");
        String name = trimmed.isEmpty() ? target.toString() : trimmed.substring(trimmed.lastIndexOf('/') + 1);
        print(out, exporter, entry, name);
        return Main.EXIT_OK;
      }
      if (recursive) {
        countFirst(c.file(), target);
        exporter.walk(target, new Lister(exporter, out));
        return Main.EXIT_OK;
      }
      // Counted first, so that a directory over the limit prints nothing (a HAMT's listing reads its shards twice).
      long count = 0;
      DirectoryCursor counting = exporter.openDirectory(target); // refuses a repeated name
      for (Optional<DirectoryEntry> next = counting.next(); next.isPresent(); next = counting.next()) {
        if (++count > maxEntries) {
          throw new ProblemException("Listing refused before printing anything: the directory holds more than "
              + entries(maxEntries) + "; if the input is genuine, raise --max-entries");
        }
      }
      DirectoryCursor cursor = exporter.openDirectory(target);
      for (Optional<DirectoryEntry> next = cursor.next(); next.isPresent(); next = cursor.next()) {
        DirectoryEntry e = next.get();
        if (longFormat || json) {
          print(out, exporter, exporter.stat(e.cid()), e.name());
        } else {
          out.println(Printable.field(e.name()));
        }
      }
    } finally {
      out.flush();
    }
    return Main.EXIT_OK;
  }

  /**
   * Counts the tree below {@code target} before a line is printed, as {@code unpack} counts before writing: a DAG
   * that links one directory from many places (a few kilobytes declaring billions of paths) is refused at once, at
   * the cost of a walk of its distinct directories, instead of printing up to {@link #maxEntries} lines first.
   */
  private void countFirst(BlockSource blocks, Cid target) throws IOException {
    Unpacker counter = Unpacker.builder()
        .maxEntries(maxEntries == Long.MAX_VALUE ? maxEntries : maxEntries + 1) // the count includes the root
        .maxTotalBytes(Long.MAX_VALUE) // file contents are not read by a listing
        .maxDepth(Unpacker.MAX_DEPTH_LIMIT) // the walk's own limit
        .verifyHashes(false) // the CarFile hashes
        .build();
    try {
      counter.count(blocks, target);
    } catch (LimitExceededException e) {
      if (!e.setting().equals(MAX_ENTRIES_SETTING)) {
        throw e;
      }
      throw new ProblemException("Listing refused before printing anything: the tree holds more than "
          + entries(maxEntries) + ", counting each path to a block linked from several places; if the input is "
          + "genuine, raise --max-entries");
    }
  }

  /**
   * Prints the entries of a walk, the walked directory itself left out, and stops after {@link #maxEntries}: a second
   * bound behind {@link #countFirst}, should the count and the walk ever disagree.
   */
  private final class Lister implements ExportVisitor {
    private final Exporter exporter;
    private final PrintWriter out;
    private long count;

    Lister(Exporter exporter, PrintWriter out) {
      this.exporter = exporter;
      this.out = out;
    }

    private void count() {
      if (++count > maxEntries) {
        throw new ProblemException("Listing stopped after " + maxEntries + " entries (--max-entries); the tree "
            + "declares more");
      }
    }

    @Override
    public void directory(String path, Cid cid) throws IOException {
      if (!path.isEmpty()) {
        count();
        print(out, exporter, new UnixFsEntry(cid, EntryKind.DIRECTORY, -1, false), path);
      }
    }

    @Override
    public void file(String path, Cid cid, long size, InputStream content) throws IOException {
      count();
      print(out, exporter, new UnixFsEntry(cid, EntryKind.FILE, size, false), path);
    }

    @Override
    public void symlink(String path, Cid cid, String target) throws IOException {
      count();
      print(out, exporter, new UnixFsEntry(cid, EntryKind.SYMLINK, target.getBytes(StandardCharsets.UTF_8).length,
          false), path);
    }
  }

  /** @return e.g. {@code 1 entry}, {@code 1,000,000 entries} */
  private static String entries(long n) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "entry" : "entries");
  }

  /** Prints one entry: its line, or with {@code --json} its object. */
  private void print(PrintWriter out, Exporter exporter, UnixFsEntry entry, String name) throws IOException {
    if (!json) {
      out.println(line(exporter, entry, name));
      return;
    }
    ObjectNode o = Json.object().put("name", name).put("type", entry.kind().name().toLowerCase(Locale.ROOT))
        .put("size", entry.kind() == EntryKind.DIRECTORY ? null : entry.size()).put("cid", entry.cid().toString());
    o.put("target", entry.kind() == EntryKind.SYMLINK ? exporter.readSymlink(entry.cid()) : null);
    Json.print(out, o);
  }

  private String line(Exporter exporter, UnixFsEntry entry, String name) throws IOException {
    if (!longFormat) {
      return Printable.field(name);
    }
    return switch (entry.kind()) {
      case DIRECTORY -> "d\t-\t" + entry.cid() + "\t" + Printable.field(name);
      case FILE -> "-\t" + entry.size() + "\t" + entry.cid() + "\t" + Printable.field(name);
      case SYMLINK -> "l\t" + entry.size() + "\t" + entry.cid() + "\t" + Printable.field(name) + " -> "
          + Printable.field(exporter.readSymlink(entry.cid()));
    };
  }
}


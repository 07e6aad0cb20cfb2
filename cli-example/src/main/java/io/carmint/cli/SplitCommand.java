package io.carmint.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmint.car.NftStorageLimits;
import io.carmint.car.split.Piece;
import io.carmint.car.split.SplitResult;
import io.carmint.car.split.TreewalkSplitter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code carmint split CAR --max-size SIZE -o DIR}: treewalk split into pieces NFT.Storage accepts. */
@Command(name = "split", mixinStandardHelpOptions = true,
    description = {"Split a CAR into CARv1 pieces of at most SIZE bytes with the treewalk rule NFT.Storage "
        + "requires: every piece has the same single root and starts with the chain of ancestors of its blocks, so "
        + "each can be uploaded and verified (verify --partial) on its own. Pieces are written as "
        + "DIR/<name>-<n>.car, n from 0; each is printed with its size.",
        "All or nothing: the pieces appear in DIR only once all are complete; a failed split leaves DIR as it was. "
            + "The pieces hold at most --max-total bytes in all; with --carbites (a block written each time it is "
            + "linked) that total is counted before anything is written."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint split site.car -o pieces",
        "      pieces/site-0.car, site-1.car \u2026 of at most 50MiB; prints each with its size.",
        "  carmint split site.car --max-size 10MB -o pieces --json",
        "      One JSON object: root, pieces (path and bytes each), unreachable.",
        "  carmint pack photos | carmint split - -o pieces",
        "      Split the CAR on standard input (pieces named stdin-N.car)."})
final class SplitCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR file (one root), or - for standard input.")
  Path car;

  @Option(names = "--max-size", paramLabel = "SIZE", converter = SizeConverter.class,
      defaultValue = (NftStorageLimits.DEFAULT_PIECE_SIZE >> 20) + "MiB",
      description = "Largest piece, e.g. 50MiB or 100MB (default: ${DEFAULT-VALUE}; the service takes at most "
          + (NftStorageLimits.MAX_REQUEST_SIZE / 1_000_000) + " MB per request).")
  long maxSize;

  @Option(names = "--max-total", paramLabel = "SIZE", converter = SizeConverter.class,
      description = "Most bytes of pieces in all, e.g. 10GiB (default: 1,024 times the CAR's size, at least 1GiB).")
  Long maxTotal;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Directory for the pieces.")
  Path dir;

  @Option(names = "--carbites", description = "Reproduce carbites' pieces byte for byte (sizes count block bytes "
      + "only, so pieces may exceed SIZE; repeated blocks are written each time).")
  boolean carbites;

  @Option(names = "--json", description = "Print one JSON object: root, pieces (path, bytes), unreachable (see README).")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (maxSize < 64) {
      throw new UsageException("--max-size must be at least 64 bytes, got " + maxSize);
    }
    PrintWriter out = spec.commandLine().getOut();
    Main main = Main.of(spec);
    if (maxSize > NftStorageLimits.MAX_PIECE_SIZE) {
      main.note("warning: pieces above " + (NftStorageLimits.MAX_PIECE_SIZE / 1_000_000)
          + " MB are rejected by NFT.Storage");
    }
    String name = CarInputs.isStdin(car) ? "stdin" : car.getFileName().toString().replaceFirst("\\.car$", "");
    SplitResult result;
    String splitRoot;
    TreewalkSplitter.Builder splitter = TreewalkSplitter.builder().maxPieceSize(maxSize).carbitesCompatible(carbites);
    if (maxTotal != null) {
      splitter.maxTotalSize(maxTotal);
    }
    try (CarInputs.RandomAccessCar f = CarInputs.openRandomAccess(car, main.console().in());
        ProgressBar bar = ProgressBar.start(main, spec.commandLine().getErr(), "split", -1)) {
      if (bar.shown()) {
        // The bytes expected are counted before writing; a carbites split of a DAG where two CIDs share a
        // multihash can write more, and the bar shows anything past the total as 100%.
        splitter.progress((written, expected) -> {
          bar.total(expected);
          bar.done(written);
        });
      }
      result = splitter.build().split(f.file(), dir, name);
      splitRoot = f.file().roots().get(0).toString(); // the split refuses a CAR without exactly one root
    }
    if (json) {
      ObjectNode o = Json.object().put("root", splitRoot);
      ArrayNode pieces = o.putArray("pieces");
      for (Piece p : result.pieces()) {
        pieces.addObject().put("path", dir.resolve(TreewalkSplitter.pieceName(name, p.index())).toString())
            .put("bytes", p.size());
      }
      Json.print(out, o.put("unreachable", result.unreachable()));
    } else {
      for (Piece p : result.pieces()) {
        out.println(String.format(Locale.ROOT, "%s\t%d", dir.resolve(TreewalkSplitter.pieceName(name, p.index())),
            p.size()));
      }
    }
    if (result.unreachable() > 0) {
      main.note("warning: " + result.unreachable() + " block(s) not reachable from the root were left out");
    }
    out.flush();
    return Main.EXIT_OK;
  }
}

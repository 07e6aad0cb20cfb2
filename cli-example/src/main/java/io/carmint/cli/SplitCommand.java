package io.carmint.cli;

import io.carmint.car.CarFile;
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
        + "DIR/<name>-<n>.car, n from 0; each is printed with its size."})
final class SplitCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR file (one root).")
  Path car;

  @Option(names = "--max-size", paramLabel = "SIZE", converter = SizeConverter.class,
      defaultValue = (NftStorageLimits.DEFAULT_PIECE_SIZE >> 20) + "MiB",
      description = "Largest piece, e.g. 50MiB or 100MB (default: ${DEFAULT-VALUE}; the service takes at most "
          + (NftStorageLimits.MAX_REQUEST_SIZE / 1_000_000) + " MB per request).")
  long maxSize;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Directory for the pieces.")
  Path dir;

  @Option(names = "--carbites", description = "Reproduce carbites' pieces byte for byte (sizes count block bytes "
      + "only, so pieces may exceed SIZE; repeated blocks are written each time).")
  boolean carbites;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (maxSize < 64) {
      throw new UsageException("--max-size must be at least 64 bytes, got " + maxSize);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (maxSize > NftStorageLimits.MAX_PIECE_SIZE) {
      spec.commandLine().getErr().println("carmint: warning: pieces above " + (NftStorageLimits.MAX_PIECE_SIZE
          / 1_000_000) + " MB are rejected by NFT.Storage");
    }
    String name = car.getFileName().toString().replaceFirst("\\.car$", "");
    SplitResult result;
    try (CarFile f = CarFile.open(car)) {
      result = TreewalkSplitter.builder().maxPieceSize(maxSize).carbitesCompatible(carbites).build()
          .split(f, dir, name);
    }
    for (Piece p : result.pieces()) {
      out.println(String.format(Locale.ROOT, "%s\t%d", dir.resolve(TreewalkSplitter.pieceName(name, p.index())),
          p.size()));
    }
    if (result.unreachable() > 0) {
      spec.commandLine().getErr().println("carmint: warning: " + result.unreachable()
          + " block(s) not reachable from the root were left out");
    }
    out.flush();
    return Main.EXIT_OK;
  }
}

package io.carmint.cli;

import io.carmint.client.Nft;
import io.carmint.client.NftStorageClient;
import io.carmint.client.UploadListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carmint upload PATH|CAR}: packs locally (or takes a CAR), uploads in pieces, and prints the root CID once
 * the service has answered every piece with that same CID.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
    description = {"Upload a CAR file, checking that the service stores its root. Large CARs are split with the "
        + "treewalk rule into pieces under the service's 100 MB limit and sent 3 at a time; every answer must name "
        + "the root computed locally, else nothing is claimed (exit 1).",
        "Prints the verified root CID."})
final class UploadCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAR", description = "A CAR file (CARv1 or CARv2) with one root.")
  Path input;

  @Option(names = "--max-chunk-size", paramLabel = "SIZE", converter = SizeConverter.class, defaultValue = "50MiB",
      description = "Largest piece per request (default: ${DEFAULT-VALUE}; at most 100MB).")
  long maxChunkSize;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "3",
      description = "Pieces uploaded at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--progress", description = "Report progress on standard error.")
  boolean progress;

  @Mixin
  ServiceOptions service;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(input)) {
      throw new UsageException("No such file: " + input);
    }
    NftStorageClient.Builder b = service.clientBuilder(true);
    try {
      b.maxChunkSize(maxChunkSize).concurrency(concurrency);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    UploadListener listener = progress ? new UploadListener() {
      private long lastPercent = -1;

      @Override
      public void onProgress(long sent, long total) {
        long percent = total == 0 ? 100 : sent * 100 / total;
        if (percent != lastPercent) {
          lastPercent = percent;
          err.printf(Locale.ROOT, "carmint: %d%% (%,d of %,d bytes)%n", percent, sent, total);
          err.flush();
        }
      }

      @Override
      public void onPieceStored(int index, int count, long bytes) {
        err.printf(Locale.ROOT, "carmint: piece %d of %d stored (%,d bytes)%n", index + 1, count, bytes);
        err.flush();
      }
    } : UploadListener.NONE;
    Nft nft;
    try (NftStorageClient client = b.build()) {
      nft = client.storeCar(input, listener);
    }
    spec.commandLine().getOut().println(nft.cid());
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }
}

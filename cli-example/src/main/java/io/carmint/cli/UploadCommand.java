package io.carmint.cli;

import io.carmint.car.NftStorageLimits;
import io.carmint.client.Nft;
import io.carmint.client.NftStorageClient;
import io.carmint.client.UploadListener;
import io.carmint.client.gateway.DagScope;
import io.carmint.client.gateway.FetchException;
import io.carmint.client.gateway.FetchResult;
import io.carmint.client.gateway.IpfsPath;
import io.carmint.client.gateway.TrustlessGatewayClient;
import io.carmint.unixfs.importer.ImportProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code carmint upload PATH|CAR}: packs locally (or takes a CAR), uploads in pieces, and prints the root CID once
 * the service has answered every piece with that same CID.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
    description = {"Upload a file or directory (packed here into a UnixFS DAG with the same DAG options and "
        + "defaults as 'cid' and 'pack', so all three print the same root) or a CAR file (a name ending in .car), "
        + "checking that the service stores the root computed locally. The DAG is split with the treewalk rule "
        + "into pieces under the service's " + (NftStorageLimits.MAX_REQUEST_SIZE / 1_000_000) + " MB limit, sent "
        + NftStorageLimits.UPLOAD_CONCURRENCY + " at a time; "
        + "every answer must name that root, else the upload fails (exit 1).",
        "With --verify, the root is then retrieved back through a trustless gateway (the service's own, "
            + "{endpoint}/ipfs/, unless --gateway) and the upload succeeds only if the whole DAG comes back complete "
            + "and verified.",
        "Prints the verified root CID."})
final class UploadCommand extends ServiceCommand {
  @Parameters(index = "0", paramLabel = "PATH|CAR",
      description = "A file or directory to pack, or a CAR file (CARv1 or CARv2, one root) if its name ends in .car.")
  Path input;

  @Mixin
  DagOptions dag;

  @Option(names = "--pack", description = "Pack the input even if its name ends in .car (upload a CAR file as a file).")
  boolean pack;

  @Option(names = "--max-piece-size", paramLabel = "SIZE", converter = SizeConverter.class,
      defaultValue = (NftStorageLimits.DEFAULT_PIECE_SIZE >> 20) + "MiB",
      description = "Largest CAR piece per request (default: ${DEFAULT-VALUE}; at most "
          + (NftStorageLimits.MAX_PIECE_SIZE / 1_000_000) + "MB).")
  long maxPieceSize;

  /** The former name, kept hidden for scripts: it said "chunk" for a CAR piece, which is not a UnixFS chunk. */
  @Option(names = "--max-chunk-size", paramLabel = "SIZE", converter = SizeConverter.class, hidden = true,
      description = "Deprecated alias of --max-piece-size.")
  Long maxChunkSize;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + NftStorageLimits.UPLOAD_CONCURRENCY,
      description = "Pieces uploaded at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--progress", description = "Report progress on standard error.")
  boolean progress;

  @Option(names = "--verify", description = "After the service confirms the root, retrieve it back (every block "
      + "checked, as 'fetch' does) and fail unless it is complete and identical.")
  boolean verify;

  @Option(names = "--gateway", paramLabel = "URL", description = "With --verify: retrieve through this trustless "
      + "gateway instead of the service's own; repeat to add fall-backs.")
  List<String> gateways = new ArrayList<>();

  @Option(names = "--min-upload-speed", paramLabel = "SIZE", converter = SizeConverter.class, defaultValue = "64KiB",
      description = "Slowest sending speed, per second, a piece is given time for on top of --call-timeout and "
          + "--deadline (default: ${DEFAULT-VALUE}).")
  long minUploadSpeed;

  @Override
  public Integer call() throws IOException {
    if (!Files.exists(input)) {
      throw new UsageException("No such file or directory: " + input);
    }
    boolean isCar = !pack && Files.isRegularFile(input)
        && input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".car");
    if (isCar && spec.commandLine().getParseResult().hasMatchedOption("--profile")) {
      throw new UsageException("--profile applies to files and directories, not to a CAR (add --pack to pack it)");
    }
    if (!gateways.isEmpty() && !verify) {
      throw new UsageException("--gateway is where --verify retrieves the upload; add --verify");
    }
    TrustlessGatewayClient.Builder verifier = gateways.isEmpty() ? null : FetchCommand.client(gateways);
    ImportProfile importProfile = isCar ? null : dag.profile(input);
    NftStorageClient.Builder b = service.clientBuilder(true);
    try {
      boolean alias = maxChunkSize != null && !spec.commandLine().getParseResult().hasMatchedOption(
          "--max-piece-size");
      b.maxPieceSize(alias ? maxChunkSize : maxPieceSize).concurrency(concurrency).minUploadSpeed(minUploadSpeed);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter err = err();
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
      nft = isCar ? client.storeCar(input, listener) : client.upload(input, importProfile, listener);
      if (verify) {
        FetchResult v;
        try {
          if (verifier == null) {
            v = client.verifyStored(nft.cid());
          } else {
            try (TrustlessGatewayClient gateway = verifier.build()) {
              v = gateway.verify(IpfsPath.of(nft.cid()), DagScope.ALL);
            }
          }
        } catch (FetchException e) {
          throw new ProblemException("The service confirmed " + nft.cid() + ", but retrieving it back failed: "
              + e.getMessage());
        }
        if (progress) {
          err.printf(Locale.ROOT, "carmint: verified %,d blocks (%,d bytes) of %s through %s%n", v.blocks(),
              v.bytes(), nft.cid(), v.gateway());
          err.flush();
        }
      }
    }
    out().println(nft.cid());
    out().flush();
    return Main.EXIT_OK;
  }
}

package io.carmint.cli;

import io.carmint.car.NftStorageLimits;
import io.carmint.client.Nft;
import io.carmint.client.NftStorageClient;
import io.carmint.client.NftStorageClientBuilder;
import io.carmint.client.UploadListener;
import io.carmint.client.gateway.DagScope;
import io.carmint.client.gateway.FetchException;
import io.carmint.client.gateway.FetchResult;
import io.carmint.client.gateway.IpfsPath;
import io.carmint.client.gateway.TrustlessGatewayClient;
import io.carmint.unixfs.importer.ImportProfile;
import java.io.IOException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
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
        "Prints the verified root CID, after a summary line on standard error: stored CID \u2014 service "
            + "confirmed the CID (N pieces, SIZE, TIME). PATH - reads a CAR from standard input (with --pack: content "
            + "packed as one file, as 'cid -')."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint upload photos",
        "      Pack, split and upload the folder; print the CID the service confirmed.",
        "  carmint upload site.car --verify",
        "      Upload a CAR, then fetch it back through the service's gateway, verified.",
        "  carmint pack photos | carmint upload -",
        "      Upload the CAR on standard input.",
        "  carmint upload photos --json -q",
        "      Print only {\"cid\", \"pieces\", \"bytes\", \"seconds\", \"verified\"}."})
final class UploadCommand extends ServiceCommand {
  @Parameters(index = "0", paramLabel = "PATH|CAR",
      description = "A file or directory to pack, a CAR file (CARv1 or CARv2, one root) if its name ends in .car, or "
          + "- for a CAR on standard input.")
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

  @Option(names = "--progress", hidden = true, description = "Kept for scripts: a progress bar is shown whenever "
      + "standard error is a terminal.")
  boolean progress;

  @Option(names = "--json", description = "Print one JSON object: cid, pieces, bytes, seconds, verified (see README).")
  boolean json;

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
    Main main = Main.of(spec);
    boolean stdin = CarInputs.isStdin(input);
    if (!stdin && !Files.exists(input)) {
      throw new NoSuchFileException(input.toString()); // as pack: a missing input is a problem, exit 1
    }
    boolean isCar = !pack && (stdin || Files.isRegularFile(input)
        && input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".car"));
    if (isCar && spec.commandLine().getParseResult().hasMatchedOption("--profile")) {
      throw new UsageException("--profile applies to files and directories, not to a CAR (add --pack to pack it)");
    }
    if (!gateways.isEmpty() && !verify) {
      throw new UsageException("--gateway is where --verify retrieves the upload; add --verify");
    }
    TrustlessGatewayClient.Builder verifier = gateways.isEmpty() ? null : FetchCommand.client(gateways);
    ImportProfile importProfile = isCar ? null : stdin ? dag.profile() : dag.profile(input);
    if (stdin && importProfile != null && importProfile.wrap()) {
      throw new UsageException("--wrap needs a name; standard input has none");
    }
    NftStorageClientBuilder b = service.clientBuilder(true);
    try {
      boolean alias = maxChunkSize != null && !spec.commandLine().getParseResult().hasMatchedOption(
          "--max-piece-size");
      b.maxPieceSize(alias ? maxChunkSize : maxPieceSize).concurrency(concurrency).minUploadSpeed(minUploadSpeed);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    long start = System.nanoTime();
    Nft nft;
    FetchResult verified = null;
    Totals totals;
    Path temp = stdin ? Files.createTempFile("carmint-upload-stdin-", isCar ? ".car" : ".bin") : null;
    try (ProgressBar bar = ProgressBar.start(main, err(), "upload", -1);
        NftStorageClient client = b.build()) {
      Path from = input;
      if (stdin) { // the client uploads files: standard input is saved to one first
        Files.copy(main.console().in(), temp, StandardCopyOption.REPLACE_EXISTING);
        from = temp;
      }
      totals = new Totals(bar);
      nft = isCar ? client.storeCar(from, totals) : client.upload(from, importProfile, totals);
      if (verify) {
        try {
          if (verifier == null) {
            verified = client.verifyStored(nft.cid());
          } else {
            try (TrustlessGatewayClient gateway = verifier.build()) {
              verified = gateway.verify(IpfsPath.of(nft.cid()), DagScope.ALL);
            }
          }
        } catch (FetchException e) {
          throw new ProblemException("The service confirmed " + nft.cid() + ", but retrieving it back failed: "
              + e.getMessage());
        }
      }
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
    long nanos = System.nanoTime() - start;
    if (json) {
      ObjectNode o = Json.object().put("cid", nft.cid().toString()).put("pieces", totals.pieces)
          .put("bytes", totals.bytes)
          .put("seconds", Math.round(nanos / 1e8) / 10.0).put("verified", verified != null);
      if (verified != null) {
        o.put("verifiedBlocks", verified.blocks()).put("gateway", verified.gateway().toString());
      }
      Json.print(out(), o);
      return Main.EXIT_OK;
    }
    main.note(summary(nft.cid().toString(), totals.pieces, totals.bytes, nanos, verified));
    out().println(nft.cid());
    out().flush();
    return Main.EXIT_OK;
  }

  /**
   * @return the closing line: {@code stored CID — service confirmed the CID (6 pieces, 300 MB, 4.1 s)}, and what
   *     {@code --verify} retrieved
   */
  static String summary(String cid, int pieces, long bytes, long nanos, FetchResult verified) {
    return "stored " + cid + " \u2014 service confirmed the CID (" + pieces + (pieces == 1 ? " piece, " : " pieces, ")
        + ProgressBar.bytes(bytes) + ", " + ProgressBar.seconds(nanos) + ")"
        + (verified == null ? "" : String.format(Locale.ROOT, "; retrieved back and verified: %,d blocks through %s",
        verified.blocks(), verified.gateway()));
  }

  /** Feeds the progress bar and counts the pieces and bytes sent. */
  private static final class Totals implements UploadListener {
    private final ProgressBar bar;
    int pieces;
    long bytes;

    Totals(ProgressBar bar) {
      this.bar = bar;
    }

    @Override
    public void onProgress(long sent, long total) {
      bar.total(total);
      bar.done(sent);
      bytes = total;
    }

    @Override
    public void onPieceStored(int index, int count, long size) {
      pieces = count;
    }
  }
}

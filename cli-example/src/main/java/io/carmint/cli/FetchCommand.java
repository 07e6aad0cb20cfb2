package io.carmint.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmint.client.gateway.DagScope;
import io.carmint.client.gateway.FetchListener;
import io.carmint.client.gateway.FetchRequest;
import io.carmint.client.gateway.FetchResult;
import io.carmint.client.gateway.GatewayException;
import io.carmint.client.gateway.IpfsPath;
import io.carmint.client.gateway.RetrievalMode;
import io.carmint.client.gateway.TrustlessGatewayClient;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.unpack.EscapingSymlinkPolicy;
import io.carmint.unixfs.unpack.Unpacker;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carmint fetch IPFS_PATH --gateway URL [-o OUT | --car FILE]}: retrieves content through trustless gateways
 * with {@link TrustlessGatewayClient}, verifying every block, and writes it only once everything has verified.
 *
 * <p>Output: one line, {@code fetched PATH (CID) from GATEWAY: N blocks, N bytes verified[, written to OUT]}; each
 * gateway that failed first is reported on stderr. With {@code --json}, one object:
 * {@code {"path":"/ipfs/…","cid":"…","gateway":"…","mode":"car"|"raw-blocks","blocks":N,"bytes":N,
 * "output":"…"|null,"failedGateways":["…"]}}.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
    description = {"Fetch IPFS_PATH through trustless gateways, trusting none of them: every block is checked "
        + "against its CID and must be the block the depth-first walk of the DAG needs next, file sizes and HAMT "
        + "directories are checked, and the output appears only after the last check (nothing is left on "
        + "failure).",
        "Asks for a CAR (order=dfs, dups=y); a gateway that will not serve one is asked block by block. A gateway "
            + "that fails (error, stall, a corrupt, missing, extra or unexpected block) is given up for the next; "
            + "when all fail: exit 1 and one line with each gateway's reason.",
        "Prints: fetched PATH (CID) from GATEWAY: N blocks, N bytes verified[, written to OUT]"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint fetch CID/docs --gateway https://trustless-gateway.link -o out",
        "      Fetch a file or directory tree into out, every block verified.",
        "  carmint fetch ipfs://CID/docs --car docs.car --scope entity",
        "      A directory's own blocks as a verified CAR (gateways: $CARMINT_GATEWAY).",
        "  carmint fetch CID --json",
        "      Verify only; one JSON object: path, cid, gateway, mode, blocks, bytes, …"})
final class FetchCommand implements Callable<Integer> {
  static final String GATEWAY_VARIABLE = "CARMINT_GATEWAY";

  @Parameters(index = "0", paramLabel = "IPFS_PATH",
      description = "CID[/path], /ipfs/CID[/path] or ipfs://CID[/path] (percent escapes decoded only in ipfs://).")
  String path;

  @Option(names = "--gateway", paramLabel = "URL",
      description = "A trustless gateway's base URL, e.g. https://trustless-gateway.link; repeat to add fall-backs, "
          + "tried in order (default: $" + GATEWAY_VARIABLE + ", URLs separated by commas or spaces).")
  List<String> gateways = new ArrayList<>();

  @ArgGroup(exclusive = true)
  Target target;

  /** Where the result goes; neither: verify only. */
  static final class Target {
    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the content here: a file's bytes, "
        + "or a directory tree (unpacked with the same safety rules and limits as 'unpack'). OUT must not exist.")
    Path output;

    @Option(names = "--car", paramLabel = "FILE", description = "Write the verified blocks as a CAR whose root is the "
        + "path's root, in depth-first order as a trustless gateway sends them (a block repeated each time the DAG "
        + "holds it), replacing FILE only on success.")
    Path car;
  }

  @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "all",
      description = "all (the whole DAG), entity (a file, or a directory's own blocks) or block (the last block of "
          + "the path); only with --car or without output (default: ${DEFAULT-VALUE}).")
  String scope;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Longest silence from a gateway before it is given up for the next (default: ${DEFAULT-VALUE}).")
  double timeout;

  @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "0",
      description = "Give up after this long in all, every gateway included, e.g. 2m; unlike --timeout it also stops "
          + "a gateway that keeps sending, slowly (default: none).")
  Duration deadline;

  @Option(names = "--max-blocks", paramLabel = "N", defaultValue = "" + TrustlessGatewayClient.DEFAULT_MAX_BLOCKS,
      description = "Most blocks to receive (default: ${DEFAULT-VALUE}).")
  long maxBlocks;

  @Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "64GiB", converter = SizeConverter.class,
      description = "Most bytes of blocks to receive, and so of content to write (default: ${DEFAULT-VALUE}).")
  long maxBytes;

  @Option(names = "--max-entries", paramLabel = "N", defaultValue = "" + Unpacker.DEFAULT_MAX_ENTRIES,
      description = "Most entries to write with -o (default: ${DEFAULT-VALUE}).")
  long maxEntries;

  @Option(names = "--max-depth", paramLabel = "N", defaultValue = "" + Unpacker.DEFAULT_MAX_DEPTH,
      description = "Deepest directory nesting below the end of the path (default: ${DEFAULT-VALUE}, at most "
          + Unpacker.MAX_DEPTH_LIMIT + ").")
  int maxDepth;

  @Option(names = "--skip-escaping-symlinks", description = "With -o, leave out symlinks whose target could lead "
      + "outside OUT instead of failing.")
  boolean skipEscapingSymlinks;

  @Option(names = "--json", description = "Print one JSON object: path, cid, gateway, mode, blocks, bytes, output, "
      + "failedGateways.")
  boolean json;

  @Option(names = "--progress", description = "Also report each gateway asked or given up, and every 1,000 blocks, "
      + "on standard error (a progress bar is shown whenever standard error is a terminal).")
  boolean progress;

  @Spec
  CommandSpec spec;

  private Main main() {
    return (Main) spec.root().userObject();
  }

  @Override
  public Integer call() throws IOException {
    IpfsPath ipfsPath;
    DagScope dagScope;
    try {
      ipfsPath = IpfsPath.parse(path);
      dagScope = DagScope.parse(scope);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    List<String> urls = gateways.isEmpty() ? fromEnvironment(main().env(GATEWAY_VARIABLE)) : gateways;
    if (urls.isEmpty()) {
      throw new UsageException("No gateway: pass --gateway URL or set " + GATEWAY_VARIABLE);
    }
    Path output = target == null ? null : target.output;
    Path car = target == null ? null : target.car;
    if (output != null && dagScope != DagScope.ALL) {
      throw new UsageException("-o writes the whole content; --scope " + dagScope.wireName() + " needs --car (or no "
          + "output, to verify)");
    }
    FetchRequest request = output != null ? FetchRequest.content(ipfsPath, output)
        : car != null ? FetchRequest.car(ipfsPath, dagScope, car) : FetchRequest.verify(ipfsPath, dagScope);
    TrustlessGatewayClient.Builder b = client(urls);
    try {
      b.readTimeout(Duration.ofMillis(Math.round(timeout * 1000))).deadline(deadline).maxBlocks(maxBlocks)
          .maxBytes(maxBytes).maxDepth(maxDepth)
          .unpacker(Unpacker.builder().maxTotalBytes(maxBytes).maxEntries(maxEntries).maxBlocks(maxBlocks)
              .maxDepth(maxDepth)
              .escapingSymlinks(skipEscapingSymlinks ? EscapingSymlinkPolicy.SKIP : EscapingSymlinkPolicy.REFUSE)
              .build());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    Main main = main();
    FetchResult r;
    try (ProgressBar bar = ProgressBar.start(main, err, "fetch", -1);
        TrustlessGatewayClient client = b.build()) {
      r = client.fetch(request.listener(new Progress(main, bar, progress)));
    }
    if (!progress) { // with --progress each failure was told as it happened
      for (GatewayException f : r.failures()) {
        main.note("gateway failed, the next was tried: " + f.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = Json.object().put("path", r.path().toString()).put("cid", r.cid().toString())
          .put("gateway", r.gateway().toString()).put("mode", mode(r.mode())).put("blocks", r.blocks())
          .put("bytes", r.bytes()).put("output", r.output().map(Object::toString).orElse(null));
      ArrayNode failed = o.putArray("failedGateways");
      r.failures().forEach(f -> failed.add(f.getMessage()));
      Json.print(out, o);
    } else {
      out.println(String.format(Locale.ROOT, "fetched %s (%s) from %s: %,d blocks, %,d bytes verified%s", r.path(),
          r.cid(), r.gateway(), r.blocks(), r.bytes(), r.output().map(o -> ", written to " + o).orElse("")));
    }
    out.flush();
    return Main.EXIT_OK;
  }

  static String mode(RetrievalMode m) {
    return m == RetrievalMode.CAR ? "car" : "raw-blocks";
  }

  /** @return the URLs of {@code value} (separated by commas or white space); none if null */
  static List<String> fromEnvironment(String value) {
    List<String> urls = new ArrayList<>();
    if (value != null) {
      for (String s : value.split("[,\\s]+")) {
        if (!s.isEmpty()) {
          urls.add(s);
        }
      }
    }
    return urls;
  }

  /**
   * @return a client builder with these gateways
   * @throws UsageException if one is not an http(s) URL
   */
  static TrustlessGatewayClient.Builder client(List<String> urls) {
    TrustlessGatewayClient.Builder b = TrustlessGatewayClient.builder();
    for (String u : urls) {
      try {
        b.gateway(u);
      } catch (IllegalArgumentException e) {
        throw new UsageException("Bad gateway '" + u + "': " + ServiceOptions.urlProblem(e));
      }
    }
    return b;
  }

  /**
   * Progress on stderr: the bar's byte count; with {@code --progress}, also a line for each gateway asked or given
   * up and every 1,000 blocks.
   */
  static final class Progress implements FetchListener {
    private final Main main;
    private final ProgressBar bar;
    private final boolean lines;

    Progress(Main main, ProgressBar bar, boolean lines) {
      this.main = main;
      this.bar = bar;
      this.lines = lines;
    }

    @Override
    public void onRequest(URI gateway, RetrievalMode mode) {
      if (lines) {
        main.note("asking " + gateway + (mode == RetrievalMode.CAR ? " for a CAR" : " block by block"));
      }
    }

    @Override
    public void onBlock(Cid cid, int size, long blocks, long bytes) {
      bar.done(bytes);
      if (lines && blocks % 1000 == 0) {
        main.note(String.format(Locale.ROOT, "%,d blocks, %,d bytes verified", blocks, bytes));
      }
    }

    @Override
    public void onGatewayFailed(GatewayException failure) {
      if (lines) {
        main.note(failure.getMessage());
      }
    }
  }
}

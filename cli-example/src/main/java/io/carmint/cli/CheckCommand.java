package io.carmint.cli;

import io.carmint.client.CheckResult;
import io.carmint.client.NftStorageClient;
import io.carmint.client.Pin;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code carmint check CID}: whether the service holds the content, whoever uploaded it (no token needed). */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check whether the service holds content (GET /check/{cid}); needs no token.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint check bafybeidhkumeonuwkebh2i4fc7o7lguehauradvlk57gzake6ggjsy372a",
        "      cid, status, size and deals, one per line (key TAB value).",
        "  carmint check CID --json",
        "      One JSON object: cid, status, size, deals."})
final class CheckCommand extends ServiceCommand {
  @Parameters(index = "0", paramLabel = "CID", converter = CidConverter.class, description = "The content's CID.")
  Cid cid;

  @Option(names = "--json", description = "Print one JSON object: cid, status, size, deals (see README).")
  boolean json;

  @Override
  public Integer call() throws IOException {
    try (NftStorageClient client = client(false)) {
      CheckResult r = client.check(cid);
      PrintWriter out = out();
      long size = r.pin().map(Pin::size).orElse(0L);
      if (json) {
        Json.print(out, Json.object().put("cid", r.cid().toString()).put("status", pinStatus(r.pinStatus()))
            .put("size", size).put("deals", r.deals().size()));
        return Main.EXIT_OK;
      }
      out.println("cid\t" + r.cid());
      out.println("status\t" + pinStatus(r.pinStatus()));
      out.println("size\t" + size);
      out.println("deals\t" + r.deals().size());
      out.flush();
    }
    return Main.EXIT_OK;
  }
}

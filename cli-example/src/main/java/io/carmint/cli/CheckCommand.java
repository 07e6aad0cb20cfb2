package io.carmint.cli;

import io.carmint.client.CheckResult;
import io.carmint.client.NftStorageClient;
import io.carmint.client.Pin;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code carmint check CID}: whether the service holds the content, whoever uploaded it (no token needed). */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check whether the service holds content (GET /check/{cid}); needs no token.")
final class CheckCommand extends ServiceCommand {
  @Parameters(index = "0", paramLabel = "CID", converter = CidConverter.class, description = "The content's CID.")
  Cid cid;

  @Override
  public Integer call() throws IOException {
    try (NftStorageClient client = client(false)) {
      CheckResult r = client.check(cid);
      PrintWriter out = out();
      out.println("cid\t" + r.cid());
      out.println("status\t" + pinStatus(r.pinStatus()));
      out.println("size\t" + r.pin().map(Pin::size).orElse(0L));
      out.println("deals\t" + r.deals().size());
      out.flush();
    }
    return Main.EXIT_OK;
  }
}

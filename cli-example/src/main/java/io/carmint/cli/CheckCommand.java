package io.carmint.cli;

import io.carmint.client.CheckResult;
import io.carmint.client.NftStorageClient;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code carmint check CID}: whether the service holds the content, whoever uploaded it (no token needed). */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check whether the service holds content (GET /check/{cid}); needs no token.")
final class CheckCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CID", converter = CidConverter.class, description = "The content's CID.")
  Cid cid;

  @Mixin
  ServiceOptions service;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    try (NftStorageClient client = service.clientBuilder(false).build()) {
      CheckResult r = client.check(cid);
      PrintWriter out = spec.commandLine().getOut();
      out.println("cid\t" + r.cid());
      out.println("status\t" + (r.pin() == null ? "unknown" : r.pin().status().wireName()));
      out.println("size\t" + (r.pin() == null ? 0 : r.pin().size()));
      out.println("deals\t" + r.deals().size());
      out.flush();
    }
    return Main.EXIT_OK;
  }
}

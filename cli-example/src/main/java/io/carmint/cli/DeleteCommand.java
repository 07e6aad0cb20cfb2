package io.carmint.cli;

import io.carmint.client.NftStorageClient;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code carmint delete CID}: removes an upload of this token ({@code DELETE /{cid}}). */
@Command(name = "delete", mixinStandardHelpOptions = true,
    description = "Delete an upload of this token (the content may stay available from others' uploads).")
final class DeleteCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CID", converter = CidConverter.class, description = "The upload's root CID.")
  Cid cid;

  @Mixin
  ServiceOptions service;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    try (NftStorageClient client = service.clientBuilder(true).build()) {
      client.delete(cid);
    }
    spec.commandLine().getOut().println("deleted\t" + cid);
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }
}

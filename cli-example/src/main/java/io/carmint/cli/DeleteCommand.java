package io.carmint.cli;

import io.carmint.client.NftStorageClient;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code carmint delete CID}: removes an upload of this token ({@code DELETE /{cid}}). */
@Command(name = "delete", mixinStandardHelpOptions = true,
    description = "Delete an upload of this token (the content may stay available from others' uploads). Prints: "
        + "deleted<TAB>CID",
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint delete bafybeidhkumeonuwkebh2i4fc7o7lguehauradvlk57gzake6ggjsy372a",
        "      Delete that upload of this token.",
        "  carmint list --json | jq -r .cid | xargs -n1 carmint delete",
        "      Delete every upload of this token."})
final class DeleteCommand extends ServiceCommand {
  @Parameters(index = "0", paramLabel = "CID", converter = CidConverter.class, description = "The upload's root CID.")
  Cid cid;

  @Override
  public Integer call() throws IOException {
    try (NftStorageClient client = client(true)) {
      client.delete(cid);
    }
    out().println("deleted\t" + cid);
    out().flush();
    return Main.EXIT_OK;
  }
}

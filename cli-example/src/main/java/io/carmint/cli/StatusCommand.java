package io.carmint.cli;

import io.carmint.client.Nft;
import io.carmint.client.NftStorageClient;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code carmint status CID}: the upload of this token with that CID ({@code GET /{cid}}). */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show an upload of this token: pin status, size, creation time, type, parts and deals. A type or "
        + "name holding control characters (line breaks, tabs, escapes) is printed quoted with \\uXXXX escapes.")
final class StatusCommand extends ServiceCommand {
  @Parameters(index = "0", paramLabel = "CID", converter = CidConverter.class, description = "The upload's root CID.")
  Cid cid;

  @Override
  public Integer call() throws IOException {
    try (NftStorageClient client = client(true)) {
      print(out(), client.status(cid));
    }
    return Main.EXIT_OK;
  }

  /** Prints an upload as {@code key<TAB>value} lines. */
  static void print(PrintWriter out, Nft nft) {
    out.println("cid\t" + nft.cid());
    out.println("status\t" + pinStatus(nft.pinStatus()));
    out.println("size\t" + nft.size());
    out.println("created\t" + nft.created().orElse(null));
    out.println("type\t" + Printable.field(nft.type().orElse(null)));
    nft.name().ifPresent(name -> out.println("name\t" + Printable.field(name)));
    out.println("parts\t" + nft.parts().size());
    out.println("deals\t" + nft.deals().size());
    out.flush();
  }
}

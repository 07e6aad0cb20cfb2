package io.carmint.cli;

import io.carmint.client.Nft;
import io.carmint.client.NftStorageClient;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.PrintWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code carmint status CID}: the upload of this token with that CID ({@code GET /{cid}}). */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show an upload of this token: pin status, size, creation time, type, parts and deals. A type or "
        + "name holding control characters (line breaks, tabs, escapes) is printed quoted with \\uXXXX escapes.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint status bafybeidhkumeonuwkebh2i4fc7o7lguehauradvlk57gzake6ggjsy372a",
        "      cid, status, size, created, type, name, parts, deals: KEY<TAB>VALUE lines.",
        "  carmint status CID --json",
        "      One JSON object: cid, status, size, created, type, name, parts, deals."})
final class StatusCommand extends ServiceCommand {
  @Parameters(index = "0", paramLabel = "CID", converter = CidConverter.class, description = "The upload's root CID.")
  Cid cid;

  @Option(names = "--json", description = "Print one JSON object: cid, status, size, created, type, name, parts, "
      + "deals (see README).")
  boolean json;

  @Override
  public Integer call() throws IOException {
    try (NftStorageClient client = client(true)) {
      Nft nft = client.status(cid);
      if (json) {
        Json.print(out(), json(nft));
      } else {
        print(out(), nft);
      }
    }
    return Main.EXIT_OK;
  }

  /** @return an upload as the JSON object {@code status --json} and {@code list --json} print */
  static ObjectNode json(Nft nft) {
    ObjectNode o = Json.object().put("cid", nft.cid().toString()).put("status", pinStatus(nft.pinStatus()))
        .put("size", nft.size()).put("created", nft.created().map(Object::toString).orElse(null))
        .put("type", nft.type().orElse(null)).put("name", nft.name().orElse(null)).put("parts", nft.parts().size())
        .put("deals", nft.deals().size());
    return o;
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

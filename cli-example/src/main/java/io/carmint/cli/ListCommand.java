package io.carmint.cli;

import io.carmint.car.NftStorageLimits;
import io.carmint.client.ListPage;
import io.carmint.client.Nft;
import io.carmint.client.NftStorageClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carmint list [--before T] [--limit N] [--all]}: this token's uploads, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"List this token's uploads, newest first, one per line: CID, created, pin status, size, name. A "
        + "name holding control characters (line breaks, tabs, escapes) is printed quoted with \\uXXXX escapes.",
        "The service's 'before' is inclusive: a page asked with --before the last time shown starts with that "
            + "upload again; --all pages through everything and shows each upload once, and stops with exit code 1 "
            + "at a page that does not go back in time (a service ignoring --before would repeat uploads without "
            + "end)."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint list",
        "      The newest uploads: CID, created, status, size, name, separated by tabs.",
        "  carmint list --all --json",
        "      Every upload, one JSON object a line (as 'status --json').",
        "  carmint list --before 2024-05-01T12:00:00Z --limit 10",
        "      Ten uploads created at or before that time."})
final class ListCommand extends ServiceCommand {
  @Option(names = "--before", paramLabel = "TIME",
      description = "Only uploads created at or before TIME (ISO-8601, e.g. 2024-05-01T12:00:00Z).")
  String before;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "" + NftStorageLimits.DEFAULT_LIST_LIMIT,
      description = "Uploads per page, 1 to " + NftStorageLimits.MAX_LIST_LIMIT + " (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--all", description = "List every upload, page by page (pages of --limit).")
  boolean all;

  @Option(names = "--json", description = "Print one JSON object a line, as 'status --json' (see README).")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (limit < 1 || limit > NftStorageLimits.MAX_LIST_LIMIT) {
      throw new UsageException("--limit must be 1.." + NftStorageLimits.MAX_LIST_LIMIT + ", got " + limit);
    }
    Instant from = null;
    if (before != null) {
      try {
        from = OffsetDateTime.parse(before).toInstant();
      } catch (DateTimeException e) {
        throw new UsageException("--before: '" + before + "' is not an ISO-8601 time such as 2024-05-01T12:00:00Z");
      }
    }
    if (all && from != null) {
      throw new UsageException("--all lists everything; it cannot be combined with --before");
    }
    PrintWriter out = out();
    try (NftStorageClient client = client(true)) {
      if (all) {
        try {
          for (Iterator<Nft> it = client.listAll(limit); it.hasNext(); ) {
            print(out, it.next(), json);
          }
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      } else {
        ListPage page = client.list(from, limit);
        page.nfts().forEach(n -> print(out, n, json));
        page.count().ifPresent(c -> Main.of(spec).note(c + " upload(s) in total"));
      }
    }
    out.flush();
    err().flush();
    return Main.EXIT_OK;
  }

  private static void print(PrintWriter out, Nft n, boolean json) {
    if (json) {
      Json.print(out, StatusCommand.json(n));
      return;
    }
    out.println(n.cid() + "\t" + n.created().orElse(null) + "\t" + pinStatus(n.pinStatus()) + "\t" + n.size()
        + "\t" + n.name().map(Printable::field).orElse(""));
  }
}

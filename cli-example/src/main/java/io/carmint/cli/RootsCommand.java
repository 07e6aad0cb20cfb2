package io.carmint.cli;

import io.carmint.car.CarReadOptions;
import io.carmint.car.CarReader;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code carmint roots CAR}: prints the header's root CIDs, one per line. */
@Command(name = "roots", mixinStandardHelpOptions = true,
    description = "Print the root CIDs in a CAR's header (CARv1 or CARv2), one per line.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint roots site.car",
        "      One root CID a line.",
        "  carmint pack site | carmint roots -",
        "      The roots of the CAR on standard input.",
        "  carmint roots site.car --json",
        "      One JSON object: {\"roots\": [\"bafy\u2026\"]}."})
final class RootsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR file, or - for standard input.")
  Path car;

  @Option(names = "--json", description = "Print one JSON object: roots (see README).")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    try (CarReader r = CarInputs.reader(car, Main.of(spec).console().in(), CarReadOptions.DEFAULTS)) {
      if (json) {
        ArrayNode roots = Json.array();
        r.roots().forEach(c -> roots.add(c.toString()));
        Json.print(spec.commandLine().getOut(), Json.object().set("roots", roots));
        return Main.EXIT_OK;
      }
      for (Cid root : r.roots()) {
        spec.commandLine().getOut().println(root);
      }
    }
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }
}

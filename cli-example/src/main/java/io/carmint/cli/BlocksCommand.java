package io.carmint.cli;

import io.carmint.block.Block;
import io.carmint.car.BlockLocation;
import io.carmint.car.CarReadOptions;
import io.carmint.car.CarReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code carmint blocks CAR}: lists the blocks in file order, checking each hash unless told not to. */
@Command(name = "blocks", mixinStandardHelpOptions = true,
    description = "List the CID of every block in a CAR, in file order. Each block's hash is checked; the first "
        + "mismatch stops the listing with exit code 1.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint blocks site.car",
        "      One CID a line, in file order, every hash checked.",
        "  carmint blocks site.car -l",
        "      CID, length and section offset, separated by tabs.",
        "  carmint blocks site.car --json",
        "      One JSON object a line: cid, length, offset."})
final class BlocksCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR file, or - for standard input.")
  Path car;

  @Option(names = "--no-verify", description = "Do not hash the blocks (faster; for trusted files).")
  boolean noVerify;

  @Option(names = {"-l", "--long"}, description = "Also print each block's length and section offset: "
      + "CID<TAB>length<TAB>offset.")
  boolean longFormat;

  @Option(names = "--json", description = "Print one JSON object a line: cid, length, offset (see README).")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    CarReadOptions options = CarReadOptions.builder().verifyHashes(!noVerify).build();
    try (CarReader r = CarInputs.reader(car, Main.of(spec).console().in(), options)) {
      for (Block b = r.next(); b != null; b = r.next()) {
        if (json) {
          BlockLocation loc = r.lastLocation();
          Json.print(out, Json.object().put("cid", b.cid().toString()).put("length", loc.blockLength())
              .put("offset", loc.offset()));
        } else if (longFormat) {
          BlockLocation loc = r.lastLocation();
          out.println(b.cid() + "\t" + loc.blockLength() + "\t" + loc.offset());
        } else {
          out.println(b.cid());
        }
      }
    } finally {
      out.flush();
    }
    return Main.EXIT_OK;
  }
}

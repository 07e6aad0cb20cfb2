package io.carmint.cli;

import io.carmint.block.Block;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code carmint get-block CAR CID}: writes one block's bytes (hash checked) to a file or stdout. */
@Command(name = "get-block", mixinStandardHelpOptions = true,
    description = "Write the bytes of one block of a CAR, after checking its hash, to stdout or a file. Exit code 1 "
        + "if the CAR does not hold it.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint get-block site.car CID > block.bin",
        "      The block's bytes on standard output.",
        "  carmint get-block site.car CID -o block.bin --json",
        "      Into a file; print {\"cid\", \"output\", \"bytes\"}.",
        "  carmint pack hello.txt | carmint get-block - CID",
        "      From a CAR on standard input."})
final class GetBlockCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR file, or - for standard input.")
  Path car;

  @Parameters(index = "1", paramLabel = "CID", description = "The block's CID.", converter = CidConverter.class)
  Cid cid;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of stdout.")
  Path output;

  @Option(names = "--json", description = "With -o: print one JSON object: cid, output, bytes.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (json && output == null) {
      throw new UsageException("--json needs -o FILE: without it the block's bytes are the output");
    }
    if (output != null) {
      Outputs.requireWritableFile(output);
    }
    Block block;
    try (CarInputs.RandomAccessCar f = CarInputs.openRandomAccess(car, Main.of(spec).console().in())) {
      block = f.file().get(cid).orElseThrow(() -> new ProblemException("Block " + cid + " is not in "
          + (CarInputs.isStdin(car) ? "standard input" : car)));
    }
    if (output != null) {
      try (OutputStream o = Files.newOutputStream(output)) {
        block.writeTo(o);
      }
      if (json) {
        Json.print(spec.commandLine().getOut(), Json.object().put("cid", cid.toString()).put("output",
            output.toString()).put("bytes", block.length()));
      }
    } else {
      OutputStream stdout = Main.of(spec).console().out();
      block.writeTo(stdout);
      stdout.flush();
    }
    return Main.EXIT_OK;
  }
}

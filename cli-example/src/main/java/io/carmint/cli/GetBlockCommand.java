package io.carmint.cli;

import io.carmint.block.Block;
import io.carmint.car.CarFile;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code carmint get-block CAR CID}: writes one block's bytes (hash checked) to a file or stdout. */
@Command(name = "get-block", mixinStandardHelpOptions = true,
    description = "Write the bytes of one block of a CAR, after checking its hash, to stdout or a file. Exit code 1 "
        + "if the CAR does not hold it.")
final class GetBlockCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR file.")
  Path car;

  @Parameters(index = "1", paramLabel = "CID", description = "The block's CID.", converter = CidConverter.class)
  Cid cid;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of stdout.")
  Path output;

  @Override
  public Integer call() throws IOException {
    Block block;
    try (CarFile f = CarFile.open(car)) {
      block = f.get(cid).orElseThrow(() -> new ProblemException("Block " + cid + " is not in " + car));
    }
    if (output != null) {
      try (OutputStream o = Files.newOutputStream(output)) {
        block.writeTo(o);
      }
    } else {
      block.writeTo(System.out);
      System.out.flush();
    }
    return Main.EXIT_OK;
  }
}

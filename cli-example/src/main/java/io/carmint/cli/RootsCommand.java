package io.carmint.cli;

import io.carmint.car.CarReadOptions;
import io.carmint.car.CarReader;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code carmint roots CAR}: prints the header's root CIDs, one per line. */
@Command(name = "roots", mixinStandardHelpOptions = true,
    description = "Print the root CIDs in a CAR's header (CARv1 or CARv2), one per line.")
final class RootsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR file, or - for standard input.")
  Path car;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    try (InputStream in = CarInputs.open(car); CarReader r = CarReader.open(in, CarReadOptions.DEFAULTS)) {
      for (Cid root : r.roots()) {
        spec.commandLine().getOut().println(root);
      }
    }
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }
}

package io.carmint.cli;

import io.carmint.car.CarWriteOptions;
import io.carmint.pack.CarPacker;
import io.carmint.pack.PackResult;
import io.carmint.unixfs.importer.Importer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code carmint pack PATH -o OUT.car}: imports a file or directory into a CAR and prints the root CID. */
@Command(name = "pack", mixinStandardHelpOptions = true,
    description = {"Pack a file or directory into a CAR and print its root CID.",
        "With the default ipfs-car profile the CAR is byte-identical to 'ipfs-car pack PATH --output OUT.car', "
            + "except that a block occurring several times (identical files or chunks) is written once "
            + "(--no-dedupe writes it each time, as ipfs-car does). The header always holds the real root; with "
            + "'-o -' the CAR goes to standard output (built in a temporary file first) and the root CID to "
            + "standard error."})
final class PackCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PATH", description = "The file or directory to pack.")
  Path input;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.car", required = true,
      description = "The CAR file to write (a symbolic link, device or named pipe is written through, not "
          + "replaced), or - for standard output.")
  Path output;

  @Option(names = "--car-version", paramLabel = "1|2", defaultValue = "1",
      description = "1 (default) or 2 (CARv2 with a go-car index).")
  int carVersion;

  @Option(names = "--no-dedupe", description = "Write a repeated block every time it occurs, as ipfs-car does.")
  boolean noDedupe;

  @Mixin
  DagOptions dag;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (carVersion != 1 && carVersion != 2) {
      throw new UsageException("--car-version must be 1 or 2, got " + carVersion);
    }
    if (!Files.exists(input, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new java.nio.file.NoSuchFileException(input.toString());
    }
    CarPacker packer = CarPacker.builder().importer(Importer.of(dag.profile(input))).carVersion(carVersion)
        .writeOptions(CarWriteOptions.builder().deduplicate(!noDedupe).build()).build();
    if (output.toString().equals("-")) {
      PackResult r = packer.pack(input, System.out);
      spec.commandLine().getErr().println(r.root());
      spec.commandLine().getErr().flush();
    } else {
      PackResult r = packer.pack(input, output);
      spec.commandLine().getOut().println(r.root());
      spec.commandLine().getOut().flush();
    }
    return Main.EXIT_OK;
  }
}

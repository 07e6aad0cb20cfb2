package io.carmint.cli;

import io.carmint.car.CarWriteOptions;
import io.carmint.pack.CarPacker;
import io.carmint.pack.PackResult;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.Importer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carmint pack PATH [-o OUT.car]}: imports a file, a directory or standard input into a CAR and prints the
 * root CID. Whenever the CAR goes to standard output, the CID goes to standard error, never into the CAR.
 */
@Command(name = "pack", mixinStandardHelpOptions = true,
    description = {"Pack a file, a directory or standard input (-) into a CAR and print its root CID.",
        "With the default ipfs-car profile the CAR is byte-identical to 'ipfs-car pack PATH --output OUT.car', "
            + "except that a block occurring several times (identical files or chunks) is written once "
            + "(--no-dedupe writes it each time, as ipfs-car does). The header always holds the real root.",
        "Without -o (or with -o - or -o /dev/stdout) the CAR goes to standard output, built in a temporary file "
            + "first, and the root CID to standard error; a terminal is refused as standard output."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint pack photos -o photos.car",
        "      Pack the folder photos; print its root CID.",
        "  carmint pack photos > photos.car",
        "      The same through standard output; the CID goes to standard error.",
        "  tar -c photos | carmint pack - -o photos-tar.car --no-wrap",
        "      Pack standard input as one file.",
        "  carmint pack site -o site.car --car-version 2 --json",
        "      A CARv2 with an index; print {\"root\", \"car\", \"bytes\", \"blocks\"}."})
final class PackCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PATH", description = "The file or directory to pack, or - for standard "
      + "input (packed as one file, never wrapped).")
  Path input;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.car",
      description = "The CAR file to write (a symbolic link, device or named pipe is written through, not "
          + "replaced), or - for standard output (the default when standard output is not a terminal).")
  Path output;

  @Option(names = "--car-version", paramLabel = "1|2", defaultValue = "1",
      description = "1 (default) or 2 (CARv2 with a go-car index).")
  int carVersion;

  @Option(names = "--no-dedupe", description = "Write a repeated block every time it occurs, as ipfs-car does.")
  boolean noDedupe;

  @Option(names = "--json", description = "Print one JSON object: root, car, bytes, blocks (see README).")
  boolean json;

  @Mixin
  DagOptions dag;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (carVersion != 1 && carVersion != 2) {
      throw new UsageException("--car-version must be 1 or 2, got " + carVersion);
    }
    Main main = Main.of(spec);
    boolean stdin = CarInputs.isStdin(input);
    boolean toStdout = output == null || output.toString().equals("-") || isStandardOutput(output);
    if (toStdout && main.console().outIsTerminal()) {
      throw new UsageException("Refusing to write a CAR to the terminal: give -o OUT.car, or redirect standard "
          + "output (carmint pack PATH > OUT.car)");
    }
    if (!stdin && !Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(input.toString());
    }
    if (!toStdout) {
      Outputs.requireWritableFile(output);
    }
    ImportProfile profile = stdin ? dag.profile() : dag.profile(input);
    if (stdin && profile.wrap()) {
      throw new UsageException("--wrap needs a name; standard input has none");
    }
    PrintWriter err = spec.commandLine().getErr();
    PackResult r;
    try (ProgressBar bar = ProgressBar.start(main, err, "pack", -1)) {
      if (bar.shown() && !stdin) {
        bar.total(inputBytes(input));
      }
      CarPacker packer = CarPacker.builder().importer(Importer.of(profile)).carVersion(carVersion)
          .writeOptions(CarWriteOptions.builder().deduplicate(!noDedupe).build()).progress(bar::done).build();
      r = pack(packer, stdin, toStdout, main);
    }
    String car = toStdout ? "-" : output.toString();
    PrintWriter to = toStdout ? err : spec.commandLine().getOut();
    if (json) {
      Json.print(to, Json.object().put("root", r.root().toString()).put("car", car).put("bytes", r.carBytes())
          .put("blocks", r.blocks()));
    } else {
      to.println(r.root());
      to.flush();
    }
    return Main.EXIT_OK;
  }

  private PackResult pack(CarPacker packer, boolean stdin, boolean toStdout, Main main) throws IOException {
    OutputStream stdout = main.console().out();
    if (!stdin) {
      if (toStdout) {
        PackResult r = packer.pack(input, stdout);
        stdout.flush();
        return r;
      }
      return packer.pack(input, output);
    }
    InputStream in = main.console().in();
    if (!toStdout) {
      return packer.pack(in, null, output);
    }
    Path temp = Files.createTempFile("carmint-pack-stdin-", ".car");
    try {
      PackResult r = packer.pack(in, null, temp);
      Files.copy(temp, stdout);
      stdout.flush();
      return r;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * @return whether {@code output} is this process's standard output ({@code /dev/stdout}, {@code /dev/fd/1} or
   *     another name of the same file), so that the CID must not be printed there
   */
  static boolean isStandardOutput(Path output) {
    String name = output.toString();
    if (name.equals("/dev/stdout") || name.equals("/dev/fd/1") || name.equals("/proc/self/fd/1")) {
      return true;
    }
    Path stdout = Path.of("/dev/stdout");
    try {
      return Files.exists(output) && Files.exists(stdout) && Files.isSameFile(output, stdout);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** @return the bytes of the regular files under {@code input}, for the progress bar's total */
  static long inputBytes(Path input) throws IOException {
    long[] total = {0};
    Files.walkFileTree(input, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile()) {
          total[0] += attrs.size();
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // the import reports it
      }
    });
    return total[0];
  }
}

package io.carmint.cli;

import io.carmint.car.CarIndexer;
import io.carmint.car.CarReadOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carmint detach-index CAR [-o OUT]}: a CARv2's index alone, byte for byte, after checking it against the
 * payload ({@link CarIndexer#detach}).
 *
 * <p>Prints one line, to stderr when the index goes to stdout: {@code detached the CODEC index of CAR (N entries,
 * N bytes) into OUT}. {@code --json}: {@code {"car", "output", "indexCodec", "indexEntries", "bytes"}}.
 */
@Command(name = "detach-index", mixinStandardHelpOptions = true,
    description = {"Write the index embedded in a CARv2 to a file of its own, byte for byte, as go-car's car "
        + "detach-index does; unlike it, only after checking that the index is the payload's (every section, "
        + "at its offset).",
        "Exit code 1 for a CARv1 (no index: build one with carmint index --index-only), a CARv2 without an "
            + "index, or an index that is malformed or does not match the data.",
        "Without -o, the index goes to standard output when that is not a terminal."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint detach-index site-v2.car -o site.carindex",
        "      The CARv2's index, once checked against its data, into site.carindex.",
        "  carmint detach-index site-v2.car --json > site.carindex",
        "      The index to standard output; the JSON object to standard error."})
final class DetachIndexCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAR", description = "The CARv2, or - for standard input (copied to a "
      + "temporary file).")
  Path car;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write; - for standard output.")
  Path output;

  @Option(names = "--json", description = "Print one JSON object: car, output, indexCodec, indexEntries, bytes.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    FileOutput to = FileOutput.of(spec, output);
    CarIndexer.Written w;
    try (FileChannel in = CarInputs.channel(car, Main.of(spec).console().in())) {
      w = to.write(out -> CarIndexer.detach(in, out, CarReadOptions.DEFAULTS));
    } catch (IOException e) {
      throw CarInputs.named(car, e);
    }
    PrintWriter report = to.report();
    if (json) {
      Json.print(report, Json.object().put("car", car.toString()).put("output", to.json())
          .put("indexCodec", w.indexCodec().name()).put("indexEntries", w.indexEntries()).put("bytes", w.bytes()));
    } else {
      report.println(String.format(Locale.ROOT, "detached the %s index of %s (%,d entries, %,d bytes) into %s",
          w.indexCodec().name(), car, w.indexEntries(), w.bytes(), to.name()));
    }
    report.flush();
    return Main.EXIT_OK;
  }
}

package io.carmint.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmint.car.CarFilter;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carmint filter CAR [-o OUT] [--cid-file FILE] [--inverse]}: keeps (or drops) the blocks of a CAR listed in
 * a CID list, with {@link CarFilter}.
 *
 * <p>Prints one line, to stderr when the CAR goes to stdout: {@code filtered CAR into OUT: kept N blocks, dropped
 * N; CARvV, N roots, N bytes} (plus the duplicates and identity blocks left out, when there are). {@code --json}:
 * {@code {"car", "output", "version", "roots": [...], "blocks", "dropped", "duplicates", "identity", "bytes"}}.
 * A CID listed twice and a header left without roots are reported on stderr.
 */
@Command(name = "filter", mixinStandardHelpOptions = true,
    description = {"Copy the blocks of a CAR whose CIDs are listed (one per line, in --cid-file or on standard "
        + "input), or with --inverse those not listed, into a new CAR, as go-car's car filter does: the header "
        + "keeps the roots that pass the filter (possibly none: a warning), CIDs match exactly, blocks with "
        + "identity CIDs are left out, a block whose multihash was already written is written once, and the "
        + "output is a CARv2 with a car-multihash-index-sorted index (or a CARv1 with --car-version 1).",
        "Every block's hash is checked as it is read; nothing is written unless the whole CAR is sound.",
        "Without -o, the CAR goes to standard output when that is not a terminal."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint filter site.car --cid-file keep.txt -o part.car",
        "      Keep the blocks whose CIDs keep.txt lists, one a line.",
        "  carmint filter site.car --cid-file drop.txt --inverse -o rest.car",
        "      Drop those blocks and keep the rest.",
        "  carmint blocks site.car | head -3 | carmint filter site.car -o first3.car",
        "      The CID list from standard input."})
final class FilterCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR (v1 or v2), or - for standard input.")
  Path car;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write; - for standard output.")
  Path output;

  @Option(names = "--cid-file", paramLabel = "FILE", description = "The CID list (default: standard input).")
  Path cidFile;

  @Option(names = "--inverse", description = "Drop the listed CIDs and keep the rest.")
  boolean inverse;

  @Option(names = "--car-version", paramLabel = "1|2", defaultValue = "2",
      description = "CAR version written (default: ${DEFAULT-VALUE}, with an index, as go-car).")
  int carVersion;

  @Option(names = "--max-cids", paramLabel = "N", defaultValue = "" + CarFilter.DEFAULT_MAX_CIDS,
      description = "Most CIDs the list may hold (default: ${DEFAULT-VALUE}).")
  long maxCids;

  @Option(names = "--json", description = "Print one JSON object: car, output, version, roots, blocks, dropped, "
      + "duplicates, identity, bytes.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (carVersion != 1 && carVersion != 2) {
      throw new UsageException("--car-version must be 1 or 2, got " + carVersion);
    }
    if (cidFile == null && CarInputs.isStdin(car)) {
      throw new UsageException("The CAR comes from standard input, so the CID list cannot: give --cid-file FILE");
    }
    FileOutput to = FileOutput.of(spec, output);
    Main main = Main.of(spec);
    Set<Cid> cids;
    try (InputStream in = cidFile == null ? main.console().in() : Files.newInputStream(cidFile);
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      cids = CarFilter.readCids(r, maxCids, c -> main.note("CID listed twice: " + c));
    }
    CarFilter filter = CarFilter.builder().cids(cids).inverse(inverse).version(carVersion).build();
    CarFilter.Result r;
    try (InputStream in = CarInputs.open(car, main.console().in())) {
      r = to.write(out -> filter.filter(in, out));
    } catch (IOException e) {
      throw CarInputs.named(car, e);
    }
    if (r.roots().isEmpty()) {
      main.note("warning: no root passed the filter; the new CAR's header lists none");
    }
    PrintWriter report = to.report();
    if (json) {
      ArrayNode roots = Json.array();
      r.roots().forEach(c -> roots.add(c.toString()));
      ObjectNode o = Json.object().put("car", car.toString()).put("output", to.json()).put("version", r.version());
      o.set("roots", roots);
      Json.print(report, o.put("blocks", r.blocks()).put("dropped", r.dropped()).put("duplicates", r.duplicates())
          .put("identity", r.identity()).put("bytes", r.bytes()));
    } else {
      StringBuilder skipped = new StringBuilder();
      if (r.duplicates() > 0) {
        skipped.append(String.format(Locale.ROOT, ", %,d duplicates", r.duplicates()));
      }
      if (r.identity() > 0) {
        skipped.append(String.format(Locale.ROOT, ", %,d identity blocks", r.identity()));
      }
      report.println(String.format(Locale.ROOT, "filtered %s into %s: kept %,d blocks, dropped %,d%s; CARv%d, %,d "
          + "roots, %,d bytes", car, to.name(), r.blocks(), r.dropped(), skipped, r.version(),
          r.roots().size(), r.bytes()));
    }
    report.flush();
    return Main.EXIT_OK;
  }
}

package io.carmint.cli;

import io.carmint.car.CarStats;
import io.carmint.car.CarVerifier;
import io.carmint.car.Problem;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmint.car.VerifyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carmint verify CAR [--partial]}: checks the structure, every block's hash, the roots and (unless partial)
 * that the DAG is complete; prints counts, sizes and every problem; exit code 1 on any problem.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Check a CAR: its structure, every block's hash, that the header has a root whose block is "
        + "present, that a CARv2 index matches the data, and (unless --partial) that every block reachable from "
        + "the roots is present (each missing CID is named).",
        "Prints counts and sizes, then every problem; exit code 1 if there is any. A piece of a split upload lacks "
            + "the blocks the other pieces hold: check it with --partial."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  carmint verify site.car",
        "      Structure, hashes, roots, a complete DAG; else every problem and exit 1.",
        "  carmint verify pieces/site-1.car --partial",
        "      One piece of a split: hashes and structure only.",
        "  carmint verify site.car --json",
        "      One JSON object: version, roots, counts, dag, problems, ok (see README)."})
final class VerifyCommand implements Callable<Integer> {
  /** Problems printed before the rest are summarised. */
  static final int MAX_PRINTED = 50;

  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR file, or - for standard input.")
  Path car;

  @Option(names = "--partial", description = "Check hashes only, not DAG completeness: for one piece of a split "
      + "upload, whose DAG is complete only with the other pieces.")
  boolean partial;

  @Option(names = "--json", description = "Print one JSON object: car, version, roots, blocks, blockBytes, carBytes, "
      + "duplicates, codecs, hashes, dag, notes, problems, ok (see README).")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CarVerifier verifier = CarVerifier.builder().partial(partial).build();
    VerifyReport r;
    CarInputs.requireFile(car);
    if (CarInputs.isStdin(car)) {
      try (java.io.InputStream in = CarInputs.open(car, Main.of(spec).console().in())) {
        r = verifier.verify(in);
      }
    } else {
      r = verifier.verify(car);
    }
    PrintWriter out = spec.commandLine().getOut();
    CarStats s = r.stats();
    List<Problem> problems = r.problems();
    boolean onlyMissing = !partial && !problems.isEmpty()
        && problems.stream().allMatch(p -> p.kind() == Problem.Kind.MISSING_BLOCK);
    if (json) {
      printJson(out, r, onlyMissing);
      if (!r.ok()) {
        throw new ProblemException(failure(r, onlyMissing));
      }
      return Main.EXIT_OK;
    }
    out.println("version: " + (r.version() == 0 ? "unreadable" : r.version()));
    out.println("roots: " + (r.roots().isEmpty() ? "none" : r.roots().stream().map(Object::toString)
        .collect(Collectors.joining(" "))));
    out.println(String.format(Locale.ROOT, "blocks: %,d (%,d bytes of block data, %,d bytes in all)", s.blocks(),
        s.blockBytes(), s.carBytes()));
    if (s.duplicates() > 0) {
      out.println(String.format(Locale.ROOT, "repeated blocks: %,d", s.duplicates()));
    }
    if (s.blocks() > 0) {
      out.println(String.format(Locale.ROOT, "block size: min %,d, max %,d", s.minBlockLength(),
          s.maxBlockLength()));
    }
    out.println("codecs: " + counts(s.codecs()) + "; hashes: " + counts(s.hashes()));
    if (partial) {
      out.println("DAG: not checked (--partial)");
    } else {
      out.println(String.format(Locale.ROOT, "DAG: %,d block(s) reachable from the roots, %,d not", r.reachable(),
          r.unreachable()));
    }
    for (String note : r.notes()) {
      out.println("note: " + note);
    }
    for (Problem p : problems.subList(0, Math.min(problems.size(), MAX_PRINTED))) {
      out.println("problem: " + kind(p.kind()).replace('-', ' ') + ": " + Printable.line(p.message()));
    }
    if (problems.size() > MAX_PRINTED) {
      out.println("problem: … and " + (problems.size() - MAX_PRINTED) + " more");
    }
    out.flush();
    if (!r.ok()) {
      throw new ProblemException(failure(r, onlyMissing));
    }
    out.println("ok");
    out.flush();
    return Main.EXIT_OK;
  }

  /** @return the error line: the CAR, the number of problems, and {@code --partial} if the DAG is only incomplete */
  private String failure(VerifyReport r, boolean onlyMissing) {
    String name = CarInputs.isStdin(car) ? "standard input" : car.toString();
    if (r.version() == 0) {
      return "not a CAR file: " + name + " (" + r.problems().get(0).message() + ")";
    }
    return name + ": " + r.problems().size() + " problem(s) found"
        + (onlyMissing ? "; if it is one piece of a split upload, check it with --partial" : "");
  }

  /** @return a problem kind as the output names it: {@code missing-block} */
  static String kind(Problem.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private void printJson(PrintWriter out, VerifyReport r, boolean onlyMissing) {
    CarStats s = r.stats();
    ObjectNode o = Json.object().put("car", CarInputs.isStdin(car) ? "-" : car.toString());
    o.put("version", r.version());
    ArrayNode roots = o.putArray("roots");
    r.roots().forEach(c -> roots.add(c.toString()));
    o.put("blocks", s.blocks()).put("blockBytes", s.blockBytes()).put("carBytes", s.carBytes())
        .put("duplicates", s.duplicates());
    ObjectNode codecs = o.putObject("codecs");
    s.codecs().forEach(codecs::put);
    ObjectNode hashes = o.putObject("hashes");
    s.hashes().forEach(hashes::put);
    ObjectNode dag = o.putObject("dag").put("checked", !partial);
    if (!partial) {
      dag.put("reachable", r.reachable()).put("unreachable", r.unreachable());
    }
    ArrayNode notes = o.putArray("notes");
    r.notes().forEach(notes::add);
    ArrayNode problems = o.putArray("problems");
    for (Problem p : r.problems()) {
      problems.addObject().put("kind", kind(p.kind())).put("offset", p.offset() >= 0 ? p.offset() : null)
          .put("cid", p.cid() == null ? null : p.cid().toString()).put("message", p.message());
    }
    o.put("partialSuggested", onlyMissing).put("ok", r.ok());
    Json.print(out, o);
  }

  private static String counts(java.util.Map<String, Long> m) {
    return m.isEmpty() ? "none" : m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}

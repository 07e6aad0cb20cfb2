package io.carmint.cli;

import io.carmint.car.CarStats;
import io.carmint.car.CarVerifier;
import io.carmint.car.Problem;
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
        "Prints counts and sizes, then every problem; exit code 1 if there is any."})
final class VerifyCommand implements Callable<Integer> {
  /** Problems printed before the rest are summarised. */
  static final int MAX_PRINTED = 50;

  @Parameters(index = "0", paramLabel = "CAR", description = "The CAR file, or - for standard input.")
  Path car;

  @Option(names = "--partial", description = "Check hashes only, not DAG completeness: for one piece of a split "
      + "upload, whose DAG is complete only with the other pieces.")
  boolean partial;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CarVerifier verifier = CarVerifier.builder().partial(partial).build();
    VerifyReport r;
    if (CarInputs.isStdin(car)) {
      try (java.io.InputStream in = CarInputs.open(car)) {
        r = verifier.verify(in);
      }
    } else {
      r = verifier.verify(car);
    }
    PrintWriter out = spec.commandLine().getOut();
    CarStats s = r.stats();
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
    List<Problem> problems = r.problems();
    for (Problem p : problems.subList(0, Math.min(problems.size(), MAX_PRINTED))) {
      out.println("problem: " + p);
    }
    if (problems.size() > MAX_PRINTED) {
      out.println("problem: … and " + (problems.size() - MAX_PRINTED) + " more");
    }
    out.flush();
    if (!r.ok()) {
      throw new ProblemException(car + ": " + problems.size() + " problem(s) found");
    }
    out.println("ok");
    out.flush();
    return Main.EXIT_OK;
  }

  private static String counts(java.util.Map<String, Long> m) {
    return m.isEmpty() ? "none" : m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}

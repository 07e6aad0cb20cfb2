package io.carmint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Golden output: what a command printed, compared with a file under {@code src/test/resources/golden/}. A golden
 * file is the contract of a command's output, reviewed by a person, never accepted blindly.
 *
 * <p>Format, one file per run: {@code $ carmint ARGS}, {@code exit: N}, then {@code --- stdout} and {@code ---
 * stderr} sections. Only what genuinely varies from run to run is normalised: the temporary directory
 * ({@code $TMP}), the local service's URL ({@code $ENDPOINT}), times ({@code $TIME}, {@code T s}).
 *
 * <p>Regenerate after an intended change with {@code mvn -pl cli-example -am verify -Dgolden.update=true
 * -Dtest=GoldenOutputTest -Dsurefire.failIfNoSpecifiedTests=false}, then review {@code git diff} of the golden
 * files before committing them.
 */
final class GoldenOutput {
  /** Where the golden files are, relative to the module (the tests' working directory). */
  static final Path DIR = Path.of("src", "test", "resources", "golden");
  /** Rewrite the golden files instead of comparing with them. */
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private static final Pattern SECONDS = Pattern.compile("\\b\\d+\\.\\d s\\b");
  private static final Pattern JSON_SECONDS = Pattern.compile("\"seconds\":[0-9.]+");
  private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

  private final Map<String, String> replacements = new LinkedHashMap<>();

  /** Replaces {@code text} (a temporary path, a URL) with {@code name} in every output compared. */
  GoldenOutput replace(String text, String name) {
    replacements.put(text, name);
    return this;
  }

  /**
   * Checks (or with {@code -Dgolden.update=true} writes) {@code DIR/file}.
   *
   * @param args the arguments the run was given, shown in the file's first line
   */
  void check(String file, Cli.Run run, String... args) {
    checkWithInput(file, run, null, args);
  }

  /**
   * As {@link #check}, for a run that read {@code input} (named in the file's first line) on standard input.
   *
   * @param input the name shown after {@code <}, or null if the run read nothing
   */
  void checkWithInput(String file, Cli.Run run, String input, String... args) {
    String actual = "$ carmint " + normalise(String.join(" ", java.util.Arrays.stream(args).map(GoldenOutput::quote)
        .toList())) + (input == null ? "" : " < " + normalise(input)) + "\n"
        + "exit: " + run.code() + "\n"
        + "--- stdout\n" + normalise(run.out())
        + (run.bytes().length > 0 ? "<" + run.bytes().length + " bytes>\n" : "")
        + "--- stderr\n" + normalise(run.err());
    Path golden = DIR.resolve(file);
    try {
      if (UPDATE) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(golden)) {
        fail("No golden file " + golden + "; write it with -Dgolden.update=true, then review it");
      }
      assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "golden file " + golden
          + " (after an intended change: -Dgolden.update=true, then review the diff)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return {@code arg} as a shell would need it: in single quotes if it holds anything but safe characters */
  static String quote(String arg) {
    return arg.matches("[A-Za-z0-9_./:=@%+,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }

  /** @return {@code text} with the replacements, times and durations normalised */
  String normalise(String text) {
    String t = text;
    for (Map.Entry<String, String> e : replacements.entrySet()) {
      t = t.replace(e.getKey(), e.getValue());
    }
    t = ISO_TIME.matcher(t).replaceAll("\\$TIME");
    t = JSON_SECONDS.matcher(t).replaceAll("\"seconds\":T");
    return SECONDS.matcher(t).replaceAll("T s");
  }
}

package io.carmint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every code example in the documentation is compiled test code, so that it cannot rot: each {@code ```java} block
 * of a module README and each {@code <pre>{@code …}</pre>} block in a main source file must equal (indentation
 * aside) a region of some module's test sources between a {@code // --- README example ---} or
 * {@code // --- Javadoc example ---} line and a {@code // --- end ---} line; and every such region must be shown
 * somewhere, so that a changed example is changed in both places. Also: library messages name library settings,
 * never the command line's options (the CLI's {@link ErrorHandler} translates).
 *
 * <p>It reads the sources of every module from the repository (the parent of {@code carmint.testdata}), the
 * examples' ({@code examples/*}) among them; it lives in the CLI's module, built after every library module.
 */
class DocExamplesTest {
  private static final Path ROOT = Path.of(System.getProperty("carmint.testdata", "../testdata"))
      .toAbsolutePath().normalize().getParent();
  private static final Pattern REGION_START = Pattern.compile("// --- (README|Javadoc) example ---");
  private static final String REGION_END = "// --- end ---";

  @Test
  void everyReadmeJavaBlockIsCompiledTestCode() throws IOException {
    assertEquals(List.of(), notInTests(readmes(), DocExamplesTest::readmeBlocks),
        "README examples that are not a marked region of test code");
  }

  @Test
  void everyJavadocExampleIsCompiledTestCode() throws IOException {
    assertEquals(List.of(), notInTests(sources("main"), DocExamplesTest::javadocBlocks),
        "Javadoc examples that are not a marked region of test code");
  }

  @Test
  void everyMarkedRegionIsShownInTheDocumentation() throws IOException {
    Set<String> unshown = new LinkedHashSet<>(regions());
    for (Path readme : readmes()) {
      readmeBlocks(readme).forEach(unshown::remove);
    }
    for (Path source : sources("main")) {
      javadocBlocks(source).forEach(unshown::remove);
    }
    assertEquals(Set.of(), unshown, "marked example regions that no README or Javadoc shows (stale examples)");
  }

  @Test
  void theExtractionSeesTheExamples() throws IOException {
    assertTrue(regions().size() >= 25, "example regions found: " + regions().size());
    assertTrue(readmes().size() >= 6, "READMEs found: " + readmes());
  }

  @Test
  void everyReadmesMavenCoordinatesCarryThePomsVersion() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
    Matcher parent = Pattern.compile("<artifactId>carmint-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(pom);
    assertTrue(parent.find(), "the parent POM's version");
    Pattern version = Pattern.compile("<version>([^<]*)</version>");
    List<String> wrong = new ArrayList<>();
    for (Path readme : readmes()) {
      Matcher m = version.matcher(Files.readString(readme, StandardCharsets.UTF_8));
      while (m.find()) {
        if (!m.group(1).equals(parent.group(1))) {
          wrong.add(ROOT.relativize(readme) + ": " + m.group());
        }
      }
    }
    assertEquals(List.of(), wrong, "README versions other than the POM's " + parent.group(1));
    String root = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    String opening = root.substring(0, root.indexOf("\n## ", root.indexOf("\n## ") + 1));
    assertTrue(opening.contains("<artifactId>carmint-bom</artifactId>") && opening.contains("<scope>import</scope>")
        && opening.contains("<artifactId>carmint-client</artifactId>") && opening.contains("```java"),
        "the root README opens with the BOM import, the client dependency and a Java example");
  }

  @Test
  void libraryMessagesNameNoCommandLineOption() throws IOException {
    Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    Pattern option = Pattern.compile("(?<![\\w-])--[a-z][a-z-]+|'carmint [a-z]");
    List<String> found = new ArrayList<>();
    for (Path source : sources("main")) {
      if (source.startsWith(ROOT.resolve("cli-example"))) {
        continue;
      }
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String code = lines.get(i).strip();
        if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
          continue;
        }
        Matcher m = literal.matcher(code);
        while (m.find()) {
          if (option.matcher(m.group()).find()) {
            found.add(ROOT.relativize(source) + ":" + (i + 1) + ": " + m.group());
          }
        }
      }
    }
    assertEquals(List.of(), found, "string literals naming a command-line option in library code");
  }

  // ---------------------------------------------------------------------------------------------- extraction

  /** Reads the examples of one documentation file. */
  private interface Examples {
    List<String> of(Path file) throws IOException;
  }

  /** @return each example of {@code docs} that is not a marked region, with its file */
  private static List<String> notInTests(List<Path> docs, Examples examples) throws IOException {
    Set<String> regions = regions();
    List<String> missing = new ArrayList<>();
    for (Path doc : docs) {
      for (String block : examples.of(doc)) {
        if (!regions.contains(block)) {
          missing.add(ROOT.relativize(doc) + ":\n" + block);
        }
      }
    }
    return missing;
  }

  /** @return the text of every marked region of every module's tests */
  private static Set<String> regions() throws IOException {
    Set<String> regions = new LinkedHashSet<>();
    for (Path source : sources("test")) {
      regions.addAll(blocks(Files.readAllLines(source, StandardCharsets.UTF_8),
          l -> REGION_START.matcher(l).matches(), REGION_END, l -> l));
    }
    return regions;
  }

  private static List<String> readmeBlocks(Path readme) throws IOException {
    return blocks(Files.readAllLines(readme, StandardCharsets.UTF_8), l -> l.equals("```java"), "```", l -> l);
  }

  /** The code of each {@code <pre>{@code …}</pre>} block, without the comment's leading {@code " * "}. */
  private static List<String> javadocBlocks(Path source) throws IOException {
    return blocks(Files.readAllLines(source, StandardCharsets.UTF_8), l -> l.equals("* <pre>{@code"), "* }</pre>",
        l -> {
          String afterStar = l.substring(l.indexOf('*') + 1);
          return afterStar.startsWith(" ") ? afterStar.substring(1) : afterStar;
        });
  }

  /**
   * @return the blocks of lines between a line that (stripped) {@code starts} one and the next line that (stripped)
   *     equals {@code end}, each line mapped by {@code line}, then {@linkplain #dedent dedented}
   */
  private static List<String> blocks(List<String> lines, Predicate<String> starts, String end,
      UnaryOperator<String> line) {
    List<String> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (starts.test(lines.get(i).strip())) {
        List<String> block = new ArrayList<>();
        for (i++; i < lines.size() && !lines.get(i).strip().equals(end); i++) {
          block.add(line.apply(lines.get(i)));
        }
        blocks.add(dedent(block));
      }
    }
    return blocks;
  }

  /** The lines without their common indentation and trailing blanks, joined by newlines. */
  private static String dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append(l.isBlank() ? "" : l.substring(indent).stripTrailing()).append('\n');
    }
    return out.toString().strip();
  }

  private static List<Path> readmes() throws IOException {
    List<Path> readmes = new ArrayList<>();
    for (Path module : modules()) {
      if (Files.exists(module.resolve("README.md"))) {
        readmes.add(module.resolve("README.md"));
      }
    }
    readmes.add(ROOT.resolve("README.md"));
    return readmes;
  }

  private static List<Path> sources(String kind) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path module : modules()) {
      Path dir = module.resolve("src/" + kind + "/java");
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
        }
      }
    }
    return files;
  }

  /** @return the folders of the modules: those at the top, then the examples' ({@code examples/*}) */
  private static List<Path> modules() throws IOException {
    List<Path> modules = new ArrayList<>(modulesIn(ROOT));
    if (Files.isDirectory(ROOT.resolve("examples"))) {
      modules.addAll(modulesIn(ROOT.resolve("examples")));
    }
    return modules;
  }

  private static List<Path> modulesIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("src")))
          .sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

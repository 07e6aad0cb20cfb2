package io.carmint.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the third-party conformance data in {@code ../shared} (system property {@code carmint.shared}, set by
 * the build). Tests read it in place and are skipped, with the reason shown, when it is absent.
 */
public final class SharedData {
  private SharedData() {}

  /** Name of the single placeholder row a conformance source yields when ../shared is absent. */
  public static final String ABSENT = "../shared absent";

  /**
   * @param relative a path under {@code ../shared/conformance}, e.g. {@code multibase/tests}
   * @return that directory; aborts (skips) the calling test when it does not exist
   */
  public static Path conformanceDir(String relative) {
    Path dir = resolve(relative);
    Assumptions.assumeTrue(Files.isDirectory(dir), "../shared absent: " + dir + " not found, conformance test skipped");
    return dir;
  }

  /** @return whether {@code ../shared/conformance/relative} exists */
  public static boolean hasConformanceDir(String relative) {
    return Files.isDirectory(resolve(relative));
  }

  /**
   * For a {@code @MethodSource} when ../shared is absent: one row named {@link #ABSENT} (then {@code rest}), which
   * the test turns into a visible skip with {@link #assumePresent}. (An assumption failing inside the source
   * itself would hide the test from the report.)
   */
  public static Stream<org.junit.jupiter.params.provider.Arguments> absentRow(Object... rest) {
    Object[] row = new Object[rest.length + 1];
    row[0] = ABSENT;
    System.arraycopy(rest, 0, row, 1, rest.length);
    return Stream.of(org.junit.jupiter.params.provider.Arguments.of(row));
  }

  /** Skips the calling test, with the reason, if {@code name} is the {@link #ABSENT} placeholder. */
  public static void assumePresent(String name) {
    Assumptions.assumeFalse(ABSENT.equals(name),
        "../shared absent: " + resolve("") + " not found, conformance test skipped");
  }

  private static Path resolve(String relative) {
    return Path.of(System.getProperty("carmint.shared", "../shared"), "conformance", relative).normalize();
  }

  /** @return the regular files under {@code dir} (recursively) whose names end in {@code suffix}, sorted */
  public static List<Path> filesEndingWith(Path dir, String suffix) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

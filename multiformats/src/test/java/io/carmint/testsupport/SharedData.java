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

  /**
   * @param relative a path under {@code ../shared/conformance}, e.g. {@code multibase/tests}
   * @return that directory; aborts (skips) the calling test or test factory when it does not exist
   */
  public static Path conformanceDir(String relative) {
    String shared = System.getProperty("carmint.shared", "../shared");
    Path dir = Path.of(shared, "conformance", relative).normalize();
    Assumptions.assumeTrue(Files.isDirectory(dir), "../shared absent: " + dir + " not found, conformance test skipped");
    return dir;
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

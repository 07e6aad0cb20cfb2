package io.carmint.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seed inputs for the fuzz tests (of this module and, through its test jar, of the others), read in place from {@code ../shared/conformance}. They are
 * given only when fuzzing ({@code JAZZER_FUZZ} set): a plain {@code mvn verify} replays just the named regression
 * inputs under {@code src/test/resources}, which keeps it fast; the conformance tests check these files already.
 */
public final class FuzzSeeds {
  private FuzzSeeds() {}

  /** @return whether Jazzer runs in fuzzing mode (environment variable {@code JAZZER_FUZZ} non-empty) */
  public static boolean fuzzing() {
    String v = System.getenv("JAZZER_FUZZ");
    return v != null && !v.isEmpty();
  }

  /**
   * @param relative a directory under {@code ../shared/conformance}
   * @param suffix the file name ending to take
   * @param maxSize files larger than this are left out (libFuzzer's input size follows the largest seed)
   * @return the files' bytes when fuzzing and the directory exists, else nothing
   */
  public static Stream<byte[]> files(String relative, String suffix, int maxSize) {
    if (!fuzzing() || !SharedData.hasConformanceDir(relative)) {
      return Stream.empty();
    }
    return read(SharedData.conformanceDir(relative), suffix, maxSize);
  }

  /** As {@link #files}, for a directory under the repository's {@code testdata} (system property carmint.testdata). */
  public static Stream<byte[]> testdata(String relative, String suffix, int maxSize) {
    Path dir = Path.of(System.getProperty("carmint.testdata", "../testdata"), relative);
    return fuzzing() && Files.isDirectory(dir) ? read(dir, suffix, maxSize) : Stream.empty();
  }

  private static Stream<byte[]> read(Path dir, String suffix, int maxSize) {
    List<byte[]> out = new ArrayList<>();
    for (Path p : SharedData.filesEndingWith(dir, suffix)) {
      try {
        if (Files.size(p) <= maxSize) {
          out.add(Files.readAllBytes(p));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.stream();
  }

  /**
   * @return the double-quoted values in the CSV files under {@code relative} (the multibase vectors' texts), as
   *     UTF-8, when fuzzing; else nothing
   */
  public static Stream<byte[]> quotedCsvValues(String relative) {
    return files(relative, ".csv", 1 << 20).flatMap(csv -> new String(csv, StandardCharsets.UTF_8).lines())
        .filter(line -> line.indexOf('"') >= 0)
        .map(line -> line.substring(line.indexOf('"') + 1, line.lastIndexOf('"')).getBytes(StandardCharsets.UTF_8));
  }

  /** @return the file names (without their extension) under {@code relative} when fuzzing: CIDs in codec-fixtures */
  public static Stream<byte[]> fileNames(String relative, String suffix) {
    if (!fuzzing() || !SharedData.hasConformanceDir(relative)) {
      return Stream.empty();
    }
    return SharedData.filesEndingWith(SharedData.conformanceDir(relative), suffix).stream()
        .map(p -> p.getFileName().toString())
        .map(n -> n.substring(0, n.length() - suffix.length()).getBytes(StandardCharsets.UTF_8));
  }
}

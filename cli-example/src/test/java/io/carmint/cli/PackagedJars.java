package io.carmint.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the packaged-jar tests ({@code *IT}, run by Maven after {@code package}) are given: the shaded jar and the
 * runtime class path it was built from.
 */
final class PackagedJars {
  private PackagedJars() {}

  static Path property(String name) {
    String value = System.getProperty(name);
    assumeTrue(value != null, "run outside Maven's integration-test phase: no " + name);
    return Path.of(value);
  }

  /** The runtime class path of the CLI: carmint's jars and every library the shaded jar bundles. */
  static List<Path> runtimeClasspath() throws IOException {
    String text = Files.readString(property("carmint.runtimeClasspath")).strip();
    return Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList();
  }

  /** True for carmint's own modules (reactor jars or class directories), false for third-party jars. */
  static boolean isCarmint(Path entry) {
    String s = entry.toString().replace('\\', '/');
    return s.contains("/carmint-") || s.endsWith("/target/classes") || s.contains("/io/carmint/");
  }
}

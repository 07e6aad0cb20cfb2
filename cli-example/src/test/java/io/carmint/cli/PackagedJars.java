package io.carmint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
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

  /**
   * Checks that carmint's multiformats, loaded by {@code loader}, computes a BLAKE2b-256 multihash: Bouncy Castle,
   * optional for the library, is there and reachable.
   */
  static void assertBlake2bWorks(ClassLoader loader) throws ReflectiveOperationException {
    Class<?> hf = Class.forName("io.carmint.multiformats.HashFunction", true, loader);
    Object blake2b = hf.getField("BLAKE2B_256").get(null);
    Object mh = hf.getMethod("digest", byte[].class).invoke(blake2b, (Object) "abc".getBytes(StandardCharsets.UTF_8));
    byte[] bytes = (byte[]) mh.getClass().getMethod("toBytes").invoke(mh);
    // 0xb220 as a varint, 32 bytes, then BLAKE2b-256("abc") (computed with Python's hashlib).
    assertEquals("a0e40220bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319",
        HexFormat.of().formatHex(bytes));
  }

  /** True for carmint's own modules (reactor jars or class directories), false for third-party jars. */
  static boolean isCarmint(Path entry) {
    String s = entry.toString().replace('\\', '/');
    return s.contains("/carmint-") || s.endsWith("/target/classes") || s.contains("/io/carmint/");
  }
}

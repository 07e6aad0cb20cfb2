package io.carmint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code carmint.jar} keeps the licence and notice files of every library it bundles (none overwritten
 * by another's of the same name), carmint's own licence files, and a third-party list naming every bundled library.
 */
class ShadedJarIT {
  /** Licence and notice files, wherever a library keeps them. */
  private static final Pattern LEGAL = Pattern.compile("(^|/)(LICEN[CS]E|NOTICE|COPYING)[^/]*$",
      Pattern.CASE_INSENSITIVE);

  /** The libraries the CLI is known to bundle: a change to the dependencies that drops one shows up here. */
  private static final Set<String> BUNDLED_GROUPS = Set.of("org.eclipse.jetty", "com.squareup.okhttp3",
      "com.squareup.okio", "org.jetbrains.kotlin", "com.fasterxml.jackson.core", "info.picocli", "org.bouncycastle",
      "org.slf4j");

  @Test
  void everyBundledLibrarysLicenceAndNoticeSurvives() throws IOException {
    Path repo = PackagedJars.property("carmint.localRepository");
    List<String> problems = new ArrayList<>();
    Set<String> groups = new TreeSet<>();
    try (ZipFile shaded = new ZipFile(PackagedJars.property("carmint.shadedJar").toFile())) {
      String thirdParty = text(shaded, "META-INF/THIRD-PARTY.txt");
      for (Path jar : PackagedJars.runtimeClasspath()) {
        if (PackagedJars.isCarmint(jar)) {
          continue;
        }
        String gav = coordinates(repo, jar);
        groups.add(gav.substring(0, gav.indexOf(':')));
        if (!thirdParty.contains("(" + gav + " ")) {
          problems.add("META-INF/THIRD-PARTY.txt does not list " + gav);
        }
        try (ZipFile lib = new ZipFile(jar.toFile())) {
          for (ZipEntry e : Collections.list(lib.entries())) {
            if (e.isDirectory() || e.getName().endsWith(".class") || !LEGAL.matcher(e.getName()).find()) {
              continue;
            }
            String own = read(lib, e);
            ZipEntry there = shaded.getEntry(e.getName());
            if (there == null) {
              problems.add(gav + ": " + e.getName() + " is missing");
            } else if (!survives(own, read(shaded, there), e.getName())) {
              problems.add(gav + ": " + e.getName() + " was overwritten");
            }
          }
        }
      }
      assertTrue(groups.containsAll(BUNDLED_GROUPS), () -> "bundled groups: " + groups);
      assertTrue(problems.isEmpty(), () -> String.join("\n", problems));

      Path root = PackagedJars.property("carmint.root");
      assertTrue(text(shaded, "META-INF/LICENSE").startsWith(Files.readString(root.resolve("LICENSE"))),
          "carmint's LICENSE comes first in META-INF/LICENSE");
      assertEquals(Files.readString(root.resolve("LICENSE-APACHE")), text(shaded, "META-INF/LICENSE-APACHE"));
      assertEquals(Files.readString(root.resolve("LICENSE-MIT")), text(shaded, "META-INF/LICENSE-MIT"));
    }
  }

  /** Bouncy Castle is optional for the library but bundled in the CLI: BLAKE2b works from the shaded jar alone. */
  @Test
  void bouncyCastleHashesWorkFromTheShadedJar() throws Exception {
    URL jar = PackagedJars.property("carmint.shadedJar").toUri().toURL();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader())) {
      PackagedJars.assertBlake2bWorks(loader);
    }
  }

  /**
   * Appended files contain each library's text whole; merged NOTICE files (the shade plugin reflows them) contain
   * each of its non-blank lines.
   */
  private static boolean survives(String own, String shaded, String name) {
    if (!name.startsWith("META-INF/NOTICE")) {
      return shaded.contains(own.strip());
    }
    return own.lines().map(String::strip).filter(l -> !l.isEmpty()).allMatch(shaded::contains);
  }

  /** {@code group:artifact:version} of a jar in the local repository ({@code group/path/artifact/version/x.jar}). */
  private static String coordinates(Path repo, Path jar) {
    Path rel = repo.relativize(jar);
    int n = rel.getNameCount();
    assertTrue(n >= 4, () -> "not in the local repository " + repo + ": " + jar);
    String group = rel.subpath(0, n - 3).toString().replace(rel.getFileSystem().getSeparator(), ".");
    return group + ":" + rel.getName(n - 3) + ":" + rel.getName(n - 2);
  }

  private static String text(ZipFile zip, String name) throws IOException {
    ZipEntry e = zip.getEntry(name);
    assertNotNull(e, () -> name + " missing from " + zip.getName());
    return read(zip, e);
  }

  private static String read(ZipFile zip, ZipEntry e) throws IOException {
    try (InputStream in = zip.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
  }
}

package io.carmint.examples;

import io.carmint.block.Block;
import io.carmint.car.CarFile;
import io.carmint.car.CarReadOptions;
import io.carmint.car.CarReader;
import io.carmint.car.CarVerifier;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.VerifyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code <pre>{@code …}</pre>} examples of this module's Javadoc, compiled so that they cannot rot: each marked
 * region is the text of one example ({@code DocExamplesTest} in carmint-cli checks they are equal). Compiled, not
 * run: the examples name files a reader would supply. ({@code CarWriter}'s example, which imports with the UnixFS
 * importer, is in carmint-pack's.)
 */
@SuppressWarnings("unused")
final class JavadocExamples {
  private JavadocExamples() {}

  static void carFile() throws IOException {
    // --- Javadoc example ---
    try (CarFile car = CarFile.open(Path.of("site.car"))) {
      Block root = car.get(car.roots().get(0)).orElseThrow();
    }
    // --- end ---
  }

  static void carReadOptions() {
    // --- Javadoc example ---
    CarReadOptions trusting = CarReadOptions.builder()
        .maxSectionSize(64 << 20)      // blocks up to 64 MiB
        .zeroLengthSectionAsEof(true)  // accept null padding at the end
        .build();
    // --- end ---
  }

  static void carReader(Path path) throws IOException {
    // --- Javadoc example ---
    try (CarReader car = CarReader.open(Files.newInputStream(path))) {
      System.out.println(car.roots());
      for (Block b = car.next(); b != null; b = car.next()) {
        System.out.println(b.cid() + " " + b.length());
      }
    }
    // --- end ---
  }

  static void carVerifier() throws IOException {
    // --- Javadoc example ---
    VerifyReport report = CarVerifier.builder().build().verify(Path.of("upload.car"));
    report.problems().forEach(System.out::println);
    // --- end ---
  }

  static void carWriteOptions() {
    // --- Javadoc example ---
    CarWriteOptions likeIpfsCar = CarWriteOptions.builder().deduplicate(false).build();
    // --- end ---
  }
}

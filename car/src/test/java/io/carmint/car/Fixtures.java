package io.carmint.car;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the conformance fixtures (read in place from ../shared) and the repo's testdata are. */
public final class Fixtures {
  private Fixtures() {}

  /** @return {@code ../shared/conformance/<sub>}, or skips the test with a reason when absent */
  public static Path conformance(String sub) {
    String shared = System.getProperty("carmint.shared", "../../shared");
    Path dir = Path.of(shared).resolve("conformance").resolve(sub);
    assumeTrue(Files.isDirectory(dir), "../shared absent: " + dir + " not found; conformance tests skipped");
    return dir;
  }

  /** @return the go-car fixture {@code v2-testdata/<name>} or {@code cmd-car-inputs/<name>} */
  public static Path goCar(String name) {
    Path base = conformance("go-car");
    Path p = base.resolve("v2-testdata").resolve(name);
    return Files.exists(p) ? p : base.resolve("cmd-car-inputs").resolve(name);
  }

  /** @return the repo's testdata directory */
  public static Path testdata() {
    return Path.of(System.getProperty("carmint.testdata", "../testdata"));
  }
}

package io.carmint.car;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.car.split.TreewalkSplitter;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README example, compiled and run so it cannot rot. */
class ReadmeExampleTest {
  @TempDir
  Path piecesDir;

  @Test
  void readmeExample() throws IOException {
    Path path = Fixtures.testdata().resolve("cars/ipfs-car-x-c-deep40.car");
    // --- README example ---
    try (CarFile car = CarFile.open(path)) {                       // checks structure, builds an index
      Cid root = car.roots().get(0);
      Block block = car.get(root).orElseThrow();                   // hash checked
      VerifyReport report = CarVerifier.builder().build().verify(path);
      System.out.println(root + " " + block.length() + " " + report.ok());
      TreewalkSplitter.builder().maxPieceSize(50L << 20).build().split(car, piecesDir, "upload");
    }
    // --- end ---
    assertTrue(Files.exists(piecesDir.resolve("upload-0.car")));
  }
}

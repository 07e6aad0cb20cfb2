package io.carmint.car;

import io.carmint.block.Block;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: every block of a CAR in file order, read (and hash-checked) by {@link CarReader}. */
public final class CarBlocks {
  private CarBlocks() {}

  /** @return the blocks of the CAR file */
  public static List<Block> read(Path car) throws IOException {
    return read(Files.newInputStream(car));
  }

  /** @return the blocks of the CAR held in {@code car} */
  public static List<Block> read(byte[] car) throws IOException {
    return read(new ByteArrayInputStream(car));
  }

  private static List<Block> read(InputStream in) throws IOException {
    List<Block> blocks = new ArrayList<>();
    try (CarReader r = CarReader.open(in)) {
      r.forEach(blocks::add);
    }
    return blocks;
  }
}

package io.carmint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.Block;
import io.carmint.car.CarReader;
import io.carmint.cli.Cli.Run;
import io.carmint.multiformats.Cid;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bar of {@code split}, {@code collection} and {@code extract} with standard error a terminal: its last frame
 * shows the whole work done against a total computed here from the files, and it is erased at the end; without a
 * terminal, or with {@code -q}, standard error holds nothing. The ticker may draw frames at any time; the last one is
 * drawn when the work ends, so only that one is checked.
 */
class ProgressBarTest {
  /** One frame: {@code \r}, the bar, erase to the end of the line ({@link Cli} drops the {@code \r}). */
  private static final Pattern FRAME = Pattern.compile("([^\u001B]*)\u001B\\[K");
  /** The big file's size: three chunks of the default profile's 1 MiB. */
  private static final int BIG = 2_500_000;

  @TempDir
  Path tmp;
  private Path site;
  private Path car;
  private long fileBytes;

  /** A folder of three files (one of three chunks) packed into {@code site.car}. */
  @BeforeEach
  void packASite() throws IOException {
    site = tmp.resolve("site");
    Files.createDirectories(site.resolve("sub"));
    Random random = new Random(7);
    for (int size : new int[] {BIG, 12_345, 1}) {
      byte[] b = new byte[size];
      random.nextBytes(b);
      Files.write(site.resolve(size == 1 ? "one.bin" : "sub/" + size + ".bin"), b);
      fileBytes += size;
    }
    car = tmp.resolve("site.car");
    Run pack = Cli.run(Map.of(), "pack", site.toString(), "-o", car.toString());
    assertEquals(0, pack.code(), pack.err());
  }

  /** Runs with standard error a terminal or not. */
  private static Run run(boolean errTerminal, String... args) {
    return Cli.run(Map.of(), new ByteArrayInputStream(new byte[0]), false, errTerminal, args);
  }

  /**
   * Checks that {@code err} is bar frames only, the last erasing the bar, and that the frame before it shows all of
   * {@code total} done.
   */
  private static void endsComplete(Run r, String label, long total) {
    assertEquals(0, r.code(), r.err());
    Matcher m = FRAME.matcher(r.err());
    int end = 0;
    String last = null;
    String erased = null;
    while (m.find()) {
      assertEquals(end, m.start(), "only frames on standard error: " + r.err());
      end = m.end();
      last = erased;
      erased = m.group(1);
    }
    assertEquals(r.err().length(), end, "only frames on standard error: " + r.err());
    assertEquals("", erased, "the bar is erased at the end: " + r.err());
    assertTrue(last != null, "a frame was drawn: " + r.err());
    String full = label + "  [" + "#".repeat(ProgressBar.BAR_WIDTH) + "] 100%  " + ProgressBar.bytes(total) + " of "
        + ProgressBar.bytes(total) + "  ";
    assertTrue(last.startsWith(full) && last.substring(full.length()).matches("\\d+\\.\\d s"),
        "last frame: " + last + ", expected " + full + "…");
  }

  @Test
  void splitEndsAtTheBytesOfTheCarsDistinctBlocks() throws IOException {
    long sections = 0;
    Set<Cid> seen = new HashSet<>();
    try (InputStream in = Files.newInputStream(car); CarReader reader = CarReader.open(in)) {
      for (Block b = reader.next(); b != null; b = reader.next()) {
        if (seen.add(b.cid())) {
          long len = b.cid().toBytes().length + b.length();
          sections += len + (64 - Long.numberOfLeadingZeros(len) + 6) / 7; // the section's varint
        }
      }
    }
    Run r = run(true, "split", car.toString(), "--max-size", "1100kB", "-o", tmp.resolve("pieces").toString());
    assertTrue(r.lines().size() > 2, "several pieces: " + r.out());
    endsComplete(r, "split", sections);
  }

  @Test
  void collectionEndsAtTheImagesAndTwiceTheMetadata() throws IOException {
    Path images = Files.createDirectories(tmp.resolve("images"));
    Path metadata = Files.createDirectories(tmp.resolve("metadata"));
    Random random = new Random(9);
    long total = 0;
    for (int i = 1; i <= 3; i++) {
      byte[] png = new byte[100_000 * i];
      random.nextBytes(png);
      Files.write(images.resolve(i + ".png"), png);
      byte[] json = ("{\"name\":\"#" + i + "\",\"image\":\"ipfs://NewUriToReplace/" + i + ".png\"}")
          .getBytes(StandardCharsets.UTF_8);
      Files.write(metadata.resolve(i + ".json"), json);
      total += png.length + 2L * json.length;
    }
    Run r = run(true, "collection", images.toString(), metadata.toString(), "-o", tmp.resolve("out").toString());
    endsComplete(r, "collection", total);
  }

  @Test
  void extractEndsAtTheBytesWritten() throws IOException {
    Run tree = run(true, "extract", car.toString(), "-o", tmp.resolve("whole").toString());
    endsComplete(tree, "extract", fileBytes);
    assertEquals(BIG, Files.size(tmp.resolve("whole/sub/" + BIG + ".bin")));

    Run file = run(true, "extract", car.toString(), "sub/12345.bin", "-o", tmp.resolve("one.bin").toString());
    endsComplete(file, "extract", 12_345);

    Run stdout = run(true, "extract", car.toString(), "sub/" + BIG + ".bin", "-o", "-");
    assertEquals(BIG, stdout.bytes().length);
    endsComplete(stdout, "extract", BIG);
  }

  @Test
  void withoutATerminalOrWithQuietStandardErrorHoldsNoBar() throws IOException {
    Path images = Files.createDirectories(tmp.resolve("images"));
    Files.write(images.resolve("1.png"), new byte[70_000]);
    Path metadata = Files.createDirectories(tmp.resolve("metadata"));
    Files.writeString(metadata.resolve("1.json"), "{\"image\":\"1.png\"}");
    for (boolean terminal : new boolean[] {false, true}) {
      String q = terminal ? "-q" : "--verbose";
      String n = Boolean.toString(terminal);
      for (Run r : List.of(
          run(terminal, q, "split", car.toString(), "--max-size", "1100kB", "-o", tmp.resolve("p" + n).toString()),
          run(terminal, q, "collection", images.toString(), metadata.toString(), "-o", tmp.resolve("c" + n).toString()),
          run(terminal, q, "extract", car.toString(), "-o", tmp.resolve("x" + n).toString()),
          run(terminal, q, "extract", car.toString(), "one.bin", "-o", "-"))) {
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "terminal " + terminal);
      }
    }
  }
}

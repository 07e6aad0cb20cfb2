package io.carmint.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link LocalNftStorage#checkData(Path)} found in a data directory.
 *
 * @param cars CAR files read whole
 * @param blocks blocks in them
 * @param uploads upload records read
 * @param pinned uploads whose DAG is complete and sound
 * @param pinning uploads still waiting for blocks (not a problem: a split upload's other pieces may follow)
 * @param problems one line per thing damaged or unreadable: a CAR file whose bytes no longer match its name, a
 *     block that no longer hashes to its CID or does not decode, a CAR or record that cannot be read, an upload
 *     failed by such a block, a file set aside in {@code quarantine/} at an earlier start; paths are relative to
 *     the data directory. Empty when the store is sound.
 */
public record DataCheck(int cars, long blocks, int uploads, int pinned, int pinning, List<String> problems) {
  /**
   * Copies {@code problems}.
   *
   * @param cars CAR files read whole
   * @param blocks blocks in them
   * @param uploads upload records read
   * @param pinned uploads whose DAG is complete and sound
   * @param pinning uploads still waiting for blocks (not a problem: a split upload's other pieces may follow)
   * @param problems one line per thing damaged or unreadable: a CAR file whose bytes no longer match its name, a block
   *     that no longer hashes to its CID or does not decode, a CAR or record that cannot be read, an upload failed by
   *     such a block, a file set aside in {@code quarantine/} at an earlier start; paths are relative to the data
   *     directory. Empty when the store is sound.
   */
  public DataCheck {
    problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
  }

  /** @return whether nothing is damaged or unreadable */
  public boolean ok() {
    return problems.isEmpty();
  }
}

package io.carmint.car;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and sizes of the sections of a CAR, as {@link CarVerifier} read them.
 *
 * @param carBytes bytes of the CAR read (for a file, its size)
 * @param blocks sections read, duplicates included
 * @param blockBytes sum of the block lengths (CIDs and varints excluded)
 * @param duplicates sections whose CID occurred earlier in the file
 * @param minBlockLength shortest block, 0 when there are none
 * @param maxBlockLength longest block, 0 when there are none
 * @param codecs sections per content codec name
 * @param hashes sections per multihash function name
 */
public record CarStats(long carBytes, long blocks, long blockBytes, long duplicates, long minBlockLength,
    long maxBlockLength, Map<String, Long> codecs, Map<String, Long> hashes) {
  /**
   * Copies the maps, sorted by name.
   *
   * @param carBytes bytes of the CAR read (for a file, its size)
   * @param blocks sections read, duplicates included
   * @param blockBytes sum of the block lengths (CIDs and varints excluded)
   * @param duplicates sections whose CID occurred earlier in the file
   * @param minBlockLength shortest block, 0 when there are none
   * @param maxBlockLength longest block, 0 when there are none
   * @param codecs sections per content codec name
   * @param hashes sections per multihash function name
   */
  public CarStats {
    codecs = java.util.Collections.unmodifiableMap(new TreeMap<>(codecs));
    hashes = java.util.Collections.unmodifiableMap(new TreeMap<>(hashes));
  }
}

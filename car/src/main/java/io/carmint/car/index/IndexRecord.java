package io.carmint.car.index;

import io.carmint.multiformats.Multihash;
import java.util.Objects;

/**
 * One index entry: a block's multihash and the offset of its section (the section's length varint), counted from
 * the start of the CARv1 payload.
 *
 * @param multihash the block's multihash
 * @param offset offset of the section from the start of the CARv1 payload, non-negative
 */
public record IndexRecord(Multihash multihash, long offset) {
  /**
   * @param multihash the block's multihash
   * @param offset offset of the section from the start of the CARv1 payload, non-negative
   * @throws IllegalArgumentException if {@code offset} is negative
   */
  public IndexRecord {
    Objects.requireNonNull(multihash, "multihash");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be non-negative, got " + offset);
    }
  }
}

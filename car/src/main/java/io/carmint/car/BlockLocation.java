package io.carmint.car;

import io.carmint.multiformats.Cid;
import java.util.Objects;

/**
 * Where a block is in a CAR file, with offsets counted from the start of the file (for a CARv2, the first pragma
 * byte), as in the IPLD spec fixtures and js-car's {@code CarIndexer}.
 *
 * @param cid the block's CID
 * @param offset offset of the section: its length varint
 * @param length length of the whole section: varint, CID and block
 * @param blockOffset offset of the block bytes
 * @param blockLength length of the block bytes
 */
public record BlockLocation(Cid cid, long offset, long length, long blockOffset, int blockLength) {
  /**
   * @param cid the block's CID
   * @param offset offset of the section: its length varint
   * @param length length of the whole section: varint, CID and block
   * @param blockOffset offset of the block bytes
   * @param blockLength length of the block bytes
   * @throws IllegalArgumentException if the numbers are inconsistent
   */
  public BlockLocation {
    Objects.requireNonNull(cid, "cid");
    if (offset < 0 || blockLength < 0 || blockOffset < offset || blockOffset + blockLength != offset + length) {
      throw new IllegalArgumentException("Inconsistent block location: offset " + offset + ", length " + length
          + ", block offset " + blockOffset + ", block length " + blockLength);
    }
  }
}

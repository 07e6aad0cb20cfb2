package io.carmint.car;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multihash;
import java.io.IOException;
import java.util.Objects;

/**
 * A block's bytes do not hash to its CID: the data was altered or the CID is wrong. The message gives the expected
 * CID and the multihash of the bytes that were found.
 */
public final class BlockIntegrityException extends IOException {
  private static final long serialVersionUID = 1L;
  private final long offset;
  private final transient Cid expected;
  private final transient Multihash actual;

  /**
   * @param offset byte offset of the section holding the block, or -1 if unknown
   * @param expected the CID the block is stored under
   * @param actual the multihash of the bytes found (same function and length as the CID's)
   */
  public BlockIntegrityException(long offset, Cid expected, Multihash actual) {
    super("Block hash mismatch" + (offset >= 0 ? " in the section at offset " + Car.fmt(offset) : "")
        + ": expected " + expected + ", got " + (expected.version() == 0 ? Cid.v0(actual)
            : Cid.v1(expected.codecCode(), actual)) + " (the bytes were altered or the CID is wrong)");
    this.offset = offset;
    this.expected = Objects.requireNonNull(expected);
    this.actual = Objects.requireNonNull(actual);
  }

  /** @return byte offset of the section holding the block, or -1 if unknown */
  public long offset() {
    return offset;
  }

  /** @return the CID the block is stored under */
  public Cid expected() {
    return expected;
  }

  /** @return the multihash of the bytes found */
  public Multihash actual() {
    return actual;
  }
}

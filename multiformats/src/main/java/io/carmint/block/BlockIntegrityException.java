package io.carmint.block;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.DataException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A block's bytes do not hash to its CID: the data was altered, or the CID is wrong. Thrown by every reader that
 * verifies blocks (the CAR readers, the UnixFS exporter) through {@link Block#verify(Cid, java.nio.ByteBuffer, long,
 * String)}. The message gives the expected CID and the CID the bytes really have.
 */
public final class BlockIntegrityException extends DataException {
  private static final long serialVersionUID = 1L;
  private final transient Cid expected;
  private final transient Cid actual;

  /**
   * @param expected the CID the block is stored or asked for under
   * @param actual the CID the bytes have (the expected CID's version and codec with the multihash of the bytes), or
   *     the CID of the block a source returned instead; null when no CID names the bytes (an identity CID and more
   *     bytes than a multihash holds)
   * @param offset byte offset of the block (or of the structure holding it, such as a CAR section), or -1 if
   *     unknown
   * @param where what the block was read for, for the message (e.g. {@code needed by 'a/b.txt'}), or null
   */
  public BlockIntegrityException(Cid expected, Cid actual, long offset, String where) {
    super(offset, "Block hash mismatch" + (offset >= 0 ? String.format(Locale.ROOT, " at offset %,d", offset) : "")
        + (where != null ? " (" + where + ")" : "") + ": expected " + Objects.requireNonNull(expected, "expected")
        + ", got " + (actual != null ? actual : "more bytes than an identity CID holds")
        + " (the bytes were altered or the CID is wrong)");
    this.expected = expected;
    this.actual = actual;
  }

  /** @return the CID the block is stored or asked for under (null after deserialization) */
  public Cid expected() {
    return expected;
  }

  /**
   * @return the CID the bytes have (the expected CID's version and codec with their multihash), or the CID of the
   *     block a source returned instead; empty when no CID names the bytes, or after deserialization
   */
  public Optional<Cid> actual() {
    return Optional.ofNullable(actual);
  }
}

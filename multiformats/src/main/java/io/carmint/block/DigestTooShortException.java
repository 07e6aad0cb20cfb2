package io.carmint.block;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.DataException;
import io.carmint.multiformats.Multihash;
import java.util.Locale;
import java.util.Objects;

/**
 * A block cannot be verified because its CID's digest is shorter than {@value Multihash#MIN_VERIFIABLE_DIGEST_LENGTH}
 * bytes ({@link Multihash#MIN_VERIFIABLE_DIGEST_LENGTH}, boxo's {@code verifcid} minimum). A digest truncated that far
 * proves nothing: other bytes with the same 1-byte digest are found in a few hundred tries, so two different blocks
 * could be accepted under one CID. Identity CIDs, which hold their bytes, are not concerned. Thrown by
 * {@link Block#verify(Cid, java.nio.ByteBuffer, long, String)} before anything is hashed, and so by every reader
 * that verifies blocks. Remedy: get the content under a CID with a full-length digest. A CID like this still
 * parses and prints; only verification refuses it.
 */
public final class DigestTooShortException extends DataException {
  private static final long serialVersionUID = 1L;
  private final transient Cid cid;

  /**
   * @param cid the CID whose digest is too short
   * @param offset byte offset of the block (or of the structure holding it, such as a CAR section), or -1 if unknown
   * @param where what the block was read for, for the message (e.g. {@code needed by 'a/b.txt'}), or null
   */
  public DigestTooShortException(Cid cid, long offset, String where) {
    super(offset, "Cannot verify block " + Objects.requireNonNull(cid, "cid")
        + (offset >= 0 ? String.format(Locale.ROOT, " at offset %,d", offset) : "")
        + (where != null ? " (" + where + ")" : "") + ": its " + function(cid.multihash()) + " digest is "
        + cid.multihash().digestLength() + " byte(s), shorter than the minimum of "
        + Multihash.MIN_VERIFIABLE_DIGEST_LENGTH + " a verified CID needs (other bytes can match a digest that "
        + "short); get the content under a CID with a full-length digest");
    this.cid = cid;
  }

  private static String function(Multihash mh) {
    return mh.function().map(f -> f.name()).orElse("0x" + Long.toHexString(mh.code()));
  }

  /** @return the CID whose digest is too short (null after deserialization) */
  public Cid cid() {
    return cid;
  }

  /** @return the shortest digest verification accepts, {@value Multihash#MIN_VERIFIABLE_DIGEST_LENGTH} bytes */
  public int minimum() {
    return Multihash.MIN_VERIFIABLE_DIGEST_LENGTH;
  }
}

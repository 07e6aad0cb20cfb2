package io.carmint.car;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.DataException;

/**
 * A block's hash cannot be checked because carmint cannot compute its CID's hash function (unknown code, or a
 * function whose provider, such as Bouncy Castle for BLAKE2b, is not on the class path). Remedy: add the provider,
 * or read with {@link CarReadOptions.Builder#verifyHashes(boolean) verifyHashes(false)} if the file is trusted.
 */
public final class UnverifiableBlockException extends DataException {
  private static final long serialVersionUID = 1L;

  /**
   * @param offset byte offset of the section holding the block, or -1 if unknown
   * @param cid the block's CID
   * @param cause why the hash cannot be computed
   */
  public UnverifiableBlockException(long offset, Cid cid, RuntimeException cause) {
    super(offset, "Cannot verify block " + cid + (offset >= 0 ? " at offset " + Car.fmt(offset) : "") + ": "
        + cause.getMessage() + "; read with CarReadOptions.verifyHashes(false) only if the file is trusted", cause);
  }
}

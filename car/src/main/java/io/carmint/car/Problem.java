package io.carmint.car;

import io.carmint.multiformats.Cid;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found by {@link CarVerifier}.
 *
 * @param kind what kind of problem
 * @param offset byte offset of the section or structure concerned, or -1 when it has none (a missing block)
 * @param cid the block concerned, or null
 * @param message one line: what, where, expected vs actual
 */
public record Problem(Kind kind, long offset, Cid cid, String message) {
  /** Kinds of problem; each makes {@code carmint verify} exit 1. */
  public enum Kind {
    /** The file is not a well-formed CAR (truncated, corrupt, over a limit); reading stopped there. */
    FORMAT,
    /** The header lists no root. */
    NO_ROOTS,
    /** A root listed in the header has no block in the CAR. */
    MISSING_ROOT_BLOCK,
    /** A block's bytes do not hash to its CID. */
    HASH_MISMATCH,
    /**
     * A block's hash cannot be checked: its function cannot be computed, or its CID's digest is too short to prove
     * anything ({@link io.carmint.block.DigestTooShortException}).
     */
    UNVERIFIABLE_HASH,
    /** A block reachable from the roots is not in the CAR. */
    MISSING_BLOCK,
    /** A block's bytes are not valid for its codec, so its links could not be read. */
    INVALID_BLOCK,
    /** A block's codec is unknown, so the DAG below it could not be checked. */
    UNKNOWN_CODEC,
    /** A CARv2's index is malformed or disagrees with the data. */
    INDEX
  }

  /**
   * Checks the kind and message are present.
   *
   * @param kind what kind of problem
   * @param offset byte offset of the section or structure concerned, or -1 when it has none (a missing block)
   * @param cid the block concerned, or null
   * @param message one line: what, where, expected vs actual
   */
  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** @return the block concerned, if any */
  public Optional<Cid> block() {
    return Optional.ofNullable(cid);
  }

  /** @return {@code KIND: message} */
  @Override
  public String toString() {
    return kind + ": " + message;
  }
}

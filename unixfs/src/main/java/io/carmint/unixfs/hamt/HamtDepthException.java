package io.carmint.unixfs.hamt;

/**
 * Thrown when a HAMT would need more levels than its 64-bit key hash allows: two names with the same
 * murmur3-x64-64 hash. Practically impossible by chance; a sign of crafted names.
 */
public final class HamtDepthException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message which names collide */
  public HamtDepthException(String message) {
    super(message);
  }
}

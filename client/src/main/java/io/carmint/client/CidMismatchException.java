package io.carmint.client;

import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.util.Objects;

/**
 * The service answered an upload with a root CID other than the one computed locally: it did not store what was
 * sent (or claims not to). The content must not be considered stored. Compares content, not spelling: a CIDv1
 * answer for a CIDv0 root names the same DAG and is accepted.
 */
public final class CidMismatchException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Cid expected;
  private final transient Cid actual;

  CidMismatchException(String what, Cid expected, Cid actual) {
    super("CID mismatch for " + what + ": computed locally " + expected + ", service answered " + actual);
    this.expected = Objects.requireNonNull(expected, "expected");
    this.actual = Objects.requireNonNull(actual, "actual");
  }

  /** @return the root CID computed locally */
  public Cid expected() {
    return expected;
  }

  /** @return the CID the service answered */
  public Cid actual() {
    return actual;
  }
}

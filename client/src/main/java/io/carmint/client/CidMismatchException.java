package io.carmint.client;

import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.util.Objects;

/**
 * The service answered with a CID other than the one expected: an upload with a root other than the one computed
 * locally (it did not store what was sent, or claims not to; the content must not be considered stored), or a
 * status or check with another CID than the one asked for (a server answering for other content, or redirecting to
 * one that does). Compares content, not spelling: a CIDv1 answer for a CIDv0 root names the same DAG and is
 * accepted.
 */
public final class CidMismatchException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Cid expected;
  private final transient Cid actual;

  CidMismatchException(String what, Cid expected, Cid actual) {
    this(what, "computed locally", expected, actual);
  }

  /** @param role how the expected CID came about, e.g. {@code asked for} */
  CidMismatchException(String what, String role, Cid expected, Cid actual) {
    super("CID mismatch for " + what + ": " + role + " " + expected + ", service answered " + actual);
    this.expected = Objects.requireNonNull(expected, "expected");
    this.actual = Objects.requireNonNull(actual, "actual");
  }

  /** @return the CID computed locally, or asked for */
  public Cid expected() {
    return expected;
  }

  /** @return the CID the service answered */
  public Cid actual() {
    return actual;
  }
}

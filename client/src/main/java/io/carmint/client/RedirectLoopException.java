package io.carmint.client;

import java.net.ProtocolException;

/**
 * The service redirected a request back to an address it had already been redirected from: following on would never
 * end, and so would retrying. Thrown at the first repeat and never retried. The message lists the addresses in the
 * order visited (never the token, which travels in a header).
 */
public final class RedirectLoopException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  RedirectLoopException(String message) {
    super(message);
  }
}

package io.carmint.client.gateway;

import java.io.IOException;

/**
 * A fetch went beyond a configured limit: more blocks or bytes than {@link TrustlessGatewayClient.Builder#maxBlocks}
 * or {@link TrustlessGatewayClient.Builder#maxBytes} allow. The blocks are verified, so the DAG itself is that large
 * (or, linking one sub-DAG many times, declares it): other gateways would give the same, and none is tried. If the
 * content is genuine, raise the limit.
 */
public final class FetchLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param message which limit, its value, where it was reached and how to raise it */
  public FetchLimitException(String message) {
    super(message);
  }
}

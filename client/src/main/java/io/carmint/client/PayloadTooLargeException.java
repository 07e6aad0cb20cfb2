package io.carmint.client;

/**
 * 413 Payload Too Large: the request body exceeds the service's limit (100 MB per request at NFT.Storage, enforced by its proxy with an HTML page). Upload with a smaller piece size.
 */
public final class PayloadTooLargeException extends ApiException {
  private static final long serialVersionUID = 1L;

  PayloadTooLargeException(ErrorReply reply) {
    super(reply);
  }
}

package io.carmint.client;

/**
 * 401 Unauthorized: no token, or a token the service does not know. Check the token (NFT_STORAGE_TOKEN).
 */
public final class UnauthorizedException extends ApiException {
  private static final long serialVersionUID = 1L;

  UnauthorizedException(ErrorReply reply) {
    super(reply);
  }
}

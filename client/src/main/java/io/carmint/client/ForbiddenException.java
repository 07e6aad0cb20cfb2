package io.carmint.client;

/**
 * 403 Forbidden: the token is known but not allowed (revoked, expired session, blocked account).
 */
public final class ForbiddenException extends ApiException {
  private static final long serialVersionUID = 1L;

  ForbiddenException(ErrorReply reply) {
    super(reply);
  }
}

package io.carmint.client;

/**
 * 404 Not Found: the service holds no upload with that CID (for this token).
 */
public final class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  NotFoundException(ErrorReply reply) {
    super(reply);
  }
}

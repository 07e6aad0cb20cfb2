package io.carmint.client;

/**
 * 400 Bad Request: the service rejected the request itself (an invalid CID, an empty payload, a CAR with two roots, a block over 2 MiB). The {@link #serviceMessage() service's message} says what; repeating the request cannot help.
 */
public final class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  BadRequestException(ErrorReply reply) {
    super(reply);
  }
}

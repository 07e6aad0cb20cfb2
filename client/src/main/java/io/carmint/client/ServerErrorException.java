package io.carmint.client;

/**
 * A 5xx answer (or a 503 with a {@code Retry-After} too long to wait for) that persisted through every retry of
 * the {@link RetryPolicy}. Uploads are content-addressed, so running the same upload again later is safe.
 */
public final class ServerErrorException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** What {@link #attempts()} returns. */
  private final int attempts;

  ServerErrorException(ErrorReply reply, int attempts) {
    super(reply.withDetail(attempts + (attempts == 1 ? " attempt" : " attempts")));
    this.attempts = attempts;
  }

  /** @return how many times the request was sent */
  public int attempts() {
    return attempts;
  }
}

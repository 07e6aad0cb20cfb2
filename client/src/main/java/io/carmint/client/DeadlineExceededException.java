package io.carmint.client;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;

/**
 * A request ran out of time: one attempt got no complete answer within the call timeout
 * ({@link NftStorageClientBuilder#callTimeout}), or the request, retries and waits included, passed its deadline
 * ({@link NftStorageClientBuilder#deadline}). {@link #setting()} names which, so that the message can say which
 * limit to raise. A server that answers slowly on purpose (a byte every few seconds) or never is stopped by these.
 * A {@link io.carmint.client.gateway.TrustlessGatewayClient} fetch that passes its deadline
 * ({@link io.carmint.client.gateway.TrustlessGatewayClient.Builder#deadline}) ends in one too.
 */
public final class DeadlineExceededException extends InterruptedIOException {
  private static final long serialVersionUID = 1L;
  /** What {@link #setting()} returns. */
  private final String setting;
  private final transient Duration timeout;

  /**
   * @param message what ran out of time, and which limit it was
   * @param setting the builder setting holding the limit, e.g. {@code NftStorageClientBuilder.callTimeout}
   * @param timeout the time the request had (the setting's value, plus any time given to send a body)
   * @param cause the failure that ended it (a timed-out call, the last failure before the deadline), or null
   */
  public DeadlineExceededException(String message, String setting, Duration timeout, Throwable cause) {
    super(message);
    this.setting = Objects.requireNonNull(setting, "setting");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (cause != null) {
      initCause(cause);
    }
  }

  /** @return the builder setting holding the limit that passed, e.g. {@code NftStorageClientBuilder.deadline} */
  public String setting() {
    return setting;
  }

  /** @return the time the request or attempt had (null after deserialization) */
  public Duration timeout() {
    return timeout;
  }
}

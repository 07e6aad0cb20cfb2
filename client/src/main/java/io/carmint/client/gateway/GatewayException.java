package io.carmint.client.gateway;

import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One gateway failed a fetch: it answered with an error, could not be reached, went silent, or sent something that
 * did not verify. The remedy is another gateway, which {@link TrustlessGatewayClient} tries next; when every
 * gateway failed, a {@link FetchException} lists them. The message is one line and names the gateway and, when one
 * is concerned, the CID.
 */
public final class GatewayException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The gateway answered with an HTTP error status. */
    HTTP_STATUS,
    /** The gateway could not be reached, or the connection broke. */
    NETWORK,
    /** The gateway sent nothing for longer than the read timeout (or the call went past its deadline). */
    STALLED,
    /** The answer was not what was asked for: a malformed CAR, a block over the size limit. */
    BAD_RESPONSE,
    /** The answer ended inside a block. */
    TRUNCATED,
    /** A block's bytes do not hash to its CID. */
    CORRUPT_BLOCK,
    /**
     * The gateway sent a block other than the one the walk of the DAG needed next: a block left out, one added, one
     * repeated beyond what the answer's {@code dups} allows, or another DAG.
     */
    UNEXPECTED_BLOCK,
    /** The answer ended (or the gateway answered 404) before a block the DAG needs. */
    MISSING_BLOCK,
    /** The gateway sent blocks after the last one the walk needed. */
    EXTRA_BLOCK
  }

  private final URI gateway;
  private final transient Cid cid;
  private final Reason reason;

  /**
   * @param gateway the gateway's base URL
   * @param cid the block concerned, or null
   * @param reason what went wrong
   * @param detail what happened, without the gateway (the message is {@code gateway + ": " + detail})
   * @param cause the underlying exception, or null
   */
  public GatewayException(URI gateway, Cid cid, Reason reason, String detail, Throwable cause) {
    super(Objects.requireNonNull(gateway, "gateway") + ": " + Objects.requireNonNull(detail, "detail"), cause);
    this.gateway = gateway;
    this.cid = cid;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** @return the gateway's base URL */
  public URI gateway() {
    return gateway;
  }

  /** @return the block concerned; empty if none is (a refused request, a broken connection) */
  public Optional<Cid> cid() {
    return Optional.ofNullable(cid);
  }

  /** @return what went wrong */
  public Reason reason() {
    return reason;
  }
}

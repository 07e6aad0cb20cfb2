package io.carmint.client.gateway;

import io.carmint.block.BlockIntegrityException;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.DataException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;

/** Turns what reading a gateway's answer threw into a {@link GatewayException}, or a cancellation. */
final class Failures {
  private Failures() {
  }

  /**
   * @param gateway the gateway read from
   * @param job the fetch (a failure after it was cancelled is the cancellation)
   * @param readTimeout the read timeout, for the message of a stall
   * @param cid the block awaited, or null
   * @param e what reading threw
   * @return the exception to throw
   */
  static IOException reading(URI gateway, Job job, Duration readTimeout, Cid cid, IOException e) {
    if (job.stopped()) {
      InterruptedIOException stopped = job.stoppedException();
      stopped.initCause(e);
      return stopped;
    }
    if (e instanceof GatewayException) {
      return e;
    }
    String awaited = cid == null ? "" : " while block " + cid + " was awaited";
    if (e instanceof BlockIntegrityException b) {
      return new GatewayException(gateway, b.expected(), GatewayException.Reason.CORRUPT_BLOCK, "sent block "
          + b.expected() + " with bytes that do not hash to its CID: " + e.getMessage(), e);
    }
    if (e instanceof SocketTimeoutException) {
      return new GatewayException(gateway, cid, GatewayException.Reason.STALLED, "sent nothing for "
          + readTimeout.toMillis() + " ms (the read timeout)" + awaited, e);
    }
    if (e instanceof InterruptedIOException) { // OkHttp's call timeout
      return new GatewayException(gateway, cid, GatewayException.Reason.STALLED, "did not finish before the call "
          + "timeout" + awaited, e);
    }
    if (e instanceof EOFException) {
      return new GatewayException(gateway, cid, GatewayException.Reason.TRUNCATED, "the answer ended inside a block"
          + awaited + ": " + e.getMessage(), e);
    }
    if (e instanceof DataException) { // a malformed CAR, a section over the size limit, an unverifiable hash
      return new GatewayException(gateway, cid, GatewayException.Reason.BAD_RESPONSE, "sent a CAR that cannot be "
          + "read" + awaited + ": " + e.getMessage(), e);
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new GatewayException(gateway, cid, GatewayException.Reason.NETWORK, "connection failed" + awaited + " ("
        + detail + ")", e);
  }
}

package io.carmint.client.gateway;

import io.carmint.multiformats.Cid;
import java.net.URI;

/**
 * Hears how a fetch progresses. Calls come one at a time from the thread running the fetch; a listener that throws
 * a {@link RuntimeException} fails the fetch.
 */
public interface FetchListener {
  /** A listener that ignores everything. */
  FetchListener NONE = new FetchListener() {
  };

  /**
   * A gateway is asked, in this mode (a gateway that refuses the CAR is asked again block by block).
   *
   * @param gateway the gateway's base URL
   * @param mode how it is asked
   */
  default void onRequest(URI gateway, RetrievalMode mode) {
  }

  /**
   * A block was received and verified (its hash, and that it is the block the walk needed).
   *
   * @param cid the block
   * @param size its length in bytes
   * @param blocks blocks verified so far from this gateway, this one included
   * @param bytes bytes of blocks verified so far from this gateway
   */
  default void onBlock(Cid cid, int size, long blocks, long bytes) {
  }

  /**
   * A gateway failed; the next one (if any) is tried and the counts start again from zero.
   *
   * @param failure why
   */
  default void onGatewayFailed(GatewayException failure) {
  }
}

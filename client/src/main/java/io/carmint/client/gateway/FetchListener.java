package io.carmint.client.gateway;

import io.carmint.multiformats.Cid;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hears how a fetch progresses. Calls come one at a time from the thread running the fetch; a listener that throws
 * a {@link RuntimeException} fails the fetch.
 *
 * <p>Every method has an empty default, so a listener implements only what it needs; for one event, a lambda:
 *
 * <pre>{@code
 * List<Cid> verified = new ArrayList<>();
 * List<GatewayException> failures = new ArrayList<>();
 * FetchListener listener = FetchListener.onBlock((cid, size, blocks, bytes) -> verified.add(cid))
 *     .andThen(FetchListener.onGatewayFailed(failures::add));
 * }</pre>
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

  /**
   * @param next the listener to call after this one, for every event
   * @return a listener passing every event to this listener, then to {@code next}
   */
  default FetchListener andThen(FetchListener next) {
    Objects.requireNonNull(next, "next");
    FetchListener first = this;
    return new FetchListener() {
      @Override
      public void onRequest(URI gateway, RetrievalMode mode) {
        first.onRequest(gateway, mode);
        next.onRequest(gateway, mode);
      }

      @Override
      public void onBlock(Cid cid, int size, long blocks, long bytes) {
        first.onBlock(cid, size, blocks, bytes);
        next.onBlock(cid, size, blocks, bytes);
      }

      @Override
      public void onGatewayFailed(GatewayException failure) {
        first.onGatewayFailed(failure);
        next.onGatewayFailed(failure);
      }
    };
  }

  /**
   * @param request called as {@link #onRequest(URI, RetrievalMode)}
   * @return a listener hearing only of requests
   */
  static FetchListener onRequest(GatewayAsked request) {
    Objects.requireNonNull(request, "request");
    return new FetchListener() {
      @Override
      public void onRequest(URI gateway, RetrievalMode mode) {
        request.onRequest(gateway, mode);
      }
    };
  }

  /**
   * @param block called as {@link #onBlock(Cid, int, long, long)}
   * @return a listener hearing only of verified blocks
   */
  static FetchListener onBlock(BlockVerified block) {
    Objects.requireNonNull(block, "block");
    return new FetchListener() {
      @Override
      public void onBlock(Cid cid, int size, long blocks, long bytes) {
        block.onBlock(cid, size, blocks, bytes);
      }
    };
  }

  /**
   * @param failed called as {@link #onGatewayFailed(GatewayException)}
   * @return a listener hearing only of failed gateways
   */
  static FetchListener onGatewayFailed(Consumer<GatewayException> failed) {
    Objects.requireNonNull(failed, "failed");
    return new FetchListener() {
      @Override
      public void onGatewayFailed(GatewayException failure) {
        failed.accept(failure);
      }
    };
  }

  /** {@link FetchListener#onRequest(URI, RetrievalMode)} as a lambda. */
  @FunctionalInterface
  interface GatewayAsked {
    /** @see FetchListener#onRequest(URI, RetrievalMode) */
    void onRequest(URI gateway, RetrievalMode mode);
  }

  /** {@link FetchListener#onBlock(Cid, int, long, long)} as a lambda. */
  @FunctionalInterface
  interface BlockVerified {
    /** @see FetchListener#onBlock(Cid, int, long, long) */
    void onBlock(Cid cid, int size, long blocks, long bytes);
  }
}

package io.carmint.car;

import java.time.Duration;

/**
 * The limits and client defaults of the NFT.Storage HTTP API, in one place: the CAR verifier and splitter, the
 * client, the embedded test service and the command-line tool all refer to these. Values are those of NFT.Storage
 * Classic and of its JavaScript client (nft.storage 7.2.0), which compatible services keep.
 *
 * <p>Constants only; not instantiable.
 */
public final class NftStorageLimits {
  /** Largest request body the service accepts: 100 MB (10<sup>8</sup> bytes, not MiB); above it, 413. */
  public static final long MAX_REQUEST_SIZE = 100_000_000L;
  /** Largest block the service accepts in a CAR: 2 MiB (the service's {@code MAX_BLOCK_SIZE}). */
  public static final long MAX_BLOCK_SIZE = 1L << 21;
  /** Roots a CAR must list in its header: exactly 1. */
  public static final int ROOTS = 1;
  /**
   * Default largest CAR piece of a split upload: 50 MiB, the JS client's {@code MAX_CHUNK_SIZE}, half of
   * {@link #MAX_REQUEST_SIZE}.
   */
  public static final long DEFAULT_PIECE_SIZE = 50L << 20;
  /** Largest CAR piece of a split upload: {@link #MAX_REQUEST_SIZE}, as a piece is sent as one request. */
  public static final long MAX_PIECE_SIZE = MAX_REQUEST_SIZE;
  /** Pieces of a split upload sent at once: 3, as the JS client. */
  public static final int UPLOAD_CONCURRENCY = 3;
  /** Retries of a request after the first attempt: 5, the JS client's {@code MAX_STORE_RETRIES}. */
  public static final int MAX_RETRIES = 5;
  /** Requests allowed per token in {@link #RATE_LIMIT_PERIOD}: 30. */
  public static final int RATE_LIMIT_REQUESTS = 30;
  /** The window of {@link #RATE_LIMIT_REQUESTS}: 10 seconds. */
  public static final Duration RATE_LIMIT_PERIOD = Duration.ofSeconds(10);
  /** Uploads per page of a list request when none is asked for: 10. */
  public static final int DEFAULT_LIST_LIMIT = 10;
  /** Most uploads per page of a list request: 1000. */
  public static final int MAX_LIST_LIMIT = 1000;

  private NftStorageLimits() {}
}

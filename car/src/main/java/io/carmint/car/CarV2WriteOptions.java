package io.carmint.car;

import io.carmint.multiformats.Multicodec;
import java.util.Objects;

/**
 * How a {@link CarV2Writer} lays out a CARv2; immutable and thread-safe. The defaults give go-car's layout
 * ({@code car.WrapV1}, {@code car index create}): no padding, a {@code car-multihash-index-sorted} index without
 * identity CIDs, characteristics all zero.
 *
 * @param car how the inner CARv1 payload is written (de-duplication, buffer)
 * @param dataPadding zero bytes between the 51-byte pragma and header and the payload (default 0)
 * @param indexPadding zero bytes between the payload and the index (default 0)
 * @param indexCodec {@link Multicodec#CAR_MULTIHASH_INDEX_SORTED} (default) or {@link Multicodec#CAR_INDEX_SORTED}
 * @param storeIdentityCids whether blocks with identity CIDs are indexed too; sets the "fully indexed"
 *     characteristic (default false, as go-car)
 */
public record CarV2WriteOptions(
    CarWriteOptions car, long dataPadding, long indexPadding, Multicodec indexCodec, boolean storeIdentityCids) {
  /** go-car's defaults. */
  public static final CarV2WriteOptions DEFAULTS = builder().build();

  /**
   * Checks the paddings (non-negative) and the codec (one of the two index codecs).
   *
   * @param car how the inner CARv1 payload is written (de-duplication, buffer)
   * @param dataPadding zero bytes between the 51-byte pragma and header and the payload (default 0)
   * @param indexPadding zero bytes between the payload and the index (default 0)
   * @param indexCodec {@link Multicodec#CAR_MULTIHASH_INDEX_SORTED} (default) or {@link Multicodec#CAR_INDEX_SORTED}
   * @param storeIdentityCids whether blocks with identity CIDs are indexed too; sets the "fully indexed" characteristic
   *     (default false, as go-car)
   */
  public CarV2WriteOptions {
    Objects.requireNonNull(car, "car");
    if (dataPadding < 0 || indexPadding < 0) {
      throw new IllegalArgumentException("paddings must be non-negative");
    }
    if (!indexCodec.equals(Multicodec.CAR_MULTIHASH_INDEX_SORTED) && !indexCodec.equals(Multicodec.CAR_INDEX_SORTED)) {
      throw new IllegalArgumentException("Unsupported CARv2 index codec " + indexCodec
          + "; use car-multihash-index-sorted or car-index-sorted");
    }
  }

  /** @return a builder holding these options */
  public Builder toBuilder() {
    return new Builder().car(car).dataPadding(dataPadding).indexPadding(indexPadding).indexCodec(indexCodec)
        .storeIdentityCids(storeIdentityCids);
  }

  /** @return a builder with go-car's defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CarV2WriteOptions}; not thread-safe. */
  public static final class Builder {
    private CarWriteOptions car = CarWriteOptions.DEFAULTS;
    private long dataPadding;
    private long indexPadding;
    private Multicodec indexCodec = Multicodec.CAR_MULTIHASH_INDEX_SORTED;
    private boolean storeIdentityCids;

    private Builder() {}

    /**
     * @param car how the payload is written (default {@link CarWriteOptions#DEFAULTS})
     * @return this builder
     */
    public Builder car(CarWriteOptions car) {
      this.car = car;
      return this;
    }

    /**
     * @param bytes zero bytes before the payload (default 0)
     * @return this builder
     */
    public Builder dataPadding(long bytes) {
      this.dataPadding = bytes;
      return this;
    }

    /**
     * @param bytes zero bytes before the index (default 0)
     * @return this builder
     */
    public Builder indexPadding(long bytes) {
      this.indexPadding = bytes;
      return this;
    }

    /**
     * @param codec index format (default car-multihash-index-sorted)
     * @return this builder
     */
    public Builder indexCodec(Multicodec codec) {
      this.indexCodec = codec;
      return this;
    }

    /**
     * @param store whether identity CIDs are indexed, marking the CAR fully indexed (default false)
     * @return this builder
     */
    public Builder storeIdentityCids(boolean store) {
      this.storeIdentityCids = store;
      return this;
    }

    /**
     * @return the options
     * @throws IllegalArgumentException if a padding is negative or the codec is not an index codec
     */
    public CarV2WriteOptions build() {
      return new CarV2WriteOptions(car, dataPadding, indexPadding, indexCodec, storeIdentityCids);
    }
  }
}

package io.carmint.car;

/**
 * How a {@link CarWriter} writes; immutable and thread-safe.
 *
 * <pre>{@code
 * CarWriteOptions likeIpfsCar = CarWriteOptions.builder().deduplicate(false).build();
 * }</pre>
 *
 * @param deduplicate whether a block whose CID was already written is skipped (default true). ipfs-car writes a
 *     repeated block (identical chunks, identical files) every time it occurs; carmint writes it once, so its CARs
 *     are byte-identical to ipfs-car's only for inputs without repeated blocks unless this is off.
 * @param bufferSize bytes staged in memory before a write to the channel; blocks of at least 64 KiB skip the
 *     buffer (gathering write) (default {@value #DEFAULT_BUFFER_SIZE})
 */
public record CarWriteOptions(boolean deduplicate, int bufferSize) {
  /** Default staging buffer: 1 MiB. */
  public static final int DEFAULT_BUFFER_SIZE = 1 << 20;
  /** Deduplicate, 1 MiB buffer. */
  public static final CarWriteOptions DEFAULTS = builder().build();

  /**
   * Checks {@code bufferSize}: at least 4 KiB.
   *
   * @param deduplicate whether a block whose CID was already written is skipped (default true). ipfs-car writes a
   *     repeated block (identical chunks, identical files) every time it occurs; carmint writes it once, so its CARs
   *     are byte-identical to ipfs-car's only for inputs without repeated blocks unless this is off.
   * @param bufferSize bytes staged in memory before a write to the channel; blocks of at least 64 KiB skip the buffer
   *     (gathering write) (default {@value #DEFAULT_BUFFER_SIZE})
   */
  public CarWriteOptions {
    if (bufferSize < 4096) {
      throw new IllegalArgumentException("bufferSize must be at least 4096, got " + bufferSize);
    }
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these options */
  public Builder toBuilder() {
    return new Builder().deduplicate(deduplicate).bufferSize(bufferSize);
  }

  /** Builds {@link CarWriteOptions}; not thread-safe. */
  public static final class Builder {
    private boolean deduplicate = true;
    private int bufferSize = DEFAULT_BUFFER_SIZE;

    private Builder() {}

    /**
     * @param dedupe whether a CID already written is skipped (default true)
     * @return this builder
     */
    public Builder deduplicate(boolean dedupe) {
      this.deduplicate = dedupe;
      return this;
    }

    /**
     * @param bytes staging buffer size, at least 4096 (default {@value CarWriteOptions#DEFAULT_BUFFER_SIZE})
     * @return this builder
     */
    public Builder bufferSize(int bytes) {
      this.bufferSize = bytes;
      return this;
    }

    /**
     * @return the options
     * @throws IllegalArgumentException if the buffer size is below 4096
     */
    public CarWriteOptions build() {
      return new CarWriteOptions(deduplicate, bufferSize);
    }
  }
}

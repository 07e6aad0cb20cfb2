package io.carmint.dagcbor;

/**
 * Limits applied when decoding DAG-CBOR. Immutable and thread-safe; build one with {@link #builder()} or use
 * {@link #DEFAULTS}.
 *
 * <pre>{@code
 * DagCborDecodeOptions opts = DagCborDecodeOptions.builder().maxDepth(1024).build();
 * DagCborValue v = DagCbor.decode(bytes, opts);
 * }</pre>
 *
 * <p>Strictness is not configurable: the decoder always requires canonical DAG-CBOR (see {@link DagCbor}).
 */
public final class DagCborDecodeOptions {
  /**
   * Default deepest nesting of lists and maps: 256. Real documents (CAR headers, NFT metadata, Filecoin
   * chain data) nest a few levels; the limit keeps recursion far from the thread's stack size.
   */
  public static final int DEFAULT_MAX_DEPTH = 256;

  /**
   * Default longest declared length of one text or byte string, in bytes, and largest declared number of items
   * in one list or map: 8 MiB, go-car's largest section (block) by default, so no item of a block it accepts is
   * refused.
   */
  public static final long DEFAULT_MAX_DECLARED_LENGTH = 8L << 20;

  /** The default limits. */
  public static final DagCborDecodeOptions DEFAULTS = new Builder().build();

  private final int maxDepth;
  private final long maxDeclaredLength;

  private DagCborDecodeOptions(Builder b) {
    this.maxDepth = b.maxDepth;
    this.maxDeclaredLength = b.maxDeclaredLength;
  }

  /** @return a builder with the default limits */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these options */
  public Builder toBuilder() {
    return new Builder().maxDepth(maxDepth).maxDeclaredLength(maxDeclaredLength);
  }

  /** @return deepest nesting of lists and maps accepted (a top-level list is depth 1) */
  public int maxDepth() {
    return maxDepth;
  }

  /** @return longest declared string length in bytes, and largest declared list or map size, accepted */
  public long maxDeclaredLength() {
    return maxDeclaredLength;
  }

  @Override
  public String toString() {
    return "DagCborDecodeOptions{maxDepth=" + maxDepth + ", maxDeclaredLength=" + maxDeclaredLength + "}";
  }

  /** Builds {@link DagCborDecodeOptions}; not thread-safe. */
  public static final class Builder {
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private long maxDeclaredLength = DEFAULT_MAX_DECLARED_LENGTH;

    private Builder() {}

    /**
     * @param maxDepth deepest nesting of lists and maps accepted, at least 1 (default
     *     {@value DagCborDecodeOptions#DEFAULT_MAX_DEPTH}); the decoder does not recurse, so a large value costs
     *     heap, not stack
     * @return this builder
     * @throws IllegalArgumentException if {@code maxDepth} is below 1
     */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 1) {
        throw new IllegalArgumentException("maxDepth must be at least 1, got " + maxDepth);
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /**
     * @param maxDeclaredLength longest string (bytes) and largest list or map (items) accepted, at least 0
     *     (default 8 MiB)
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxDeclaredLength(long maxDeclaredLength) {
      if (maxDeclaredLength < 0) {
        throw new IllegalArgumentException("maxDeclaredLength must be non-negative, got " + maxDeclaredLength);
      }
      this.maxDeclaredLength = maxDeclaredLength;
      return this;
    }

    /** @return the options */
    public DagCborDecodeOptions build() {
      return new DagCborDecodeOptions(this);
    }
  }
}

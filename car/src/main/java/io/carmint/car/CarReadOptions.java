package io.carmint.car;

/**
 * Limits and checks for reading a CAR; immutable and thread-safe. Every length read from a CAR is compared with
 * these limits before anything is allocated.
 *
 * <pre>{@code
 * CarReadOptions trusting = CarReadOptions.builder()
 *     .maxSectionSize(64 << 20)      // blocks up to 64 MiB
 *     .zeroLengthSectionAsEof(true)  // accept null padding at the end
 *     .build();
 * }</pre>
 *
 * @param maxHeaderSize largest CARv1 header (DAG-CBOR bytes) accepted; default {@value #DEFAULT_MAX_HEADER_SIZE}
 * @param maxSectionSize largest section (CID + block bytes) accepted; default {@value #DEFAULT_MAX_SECTION_SIZE}
 * @param maxIndexSize largest CARv2 index accepted when it is read; default {@value #DEFAULT_MAX_INDEX_SIZE}
 * @param verifyHashes whether every block read is hashed and compared with its CID; default true
 * @param zeroLengthSectionAsEof whether a zero-length section ends the CAR (null padding) instead of being an
 *     error; default false
 */
public record CarReadOptions(
    long maxHeaderSize, long maxSectionSize, long maxIndexSize, boolean verifyHashes,
    boolean zeroLengthSectionAsEof) {
  /** Default header limit: 32 MiB, as go-car's {@code DefaultMaxAllowedHeaderSize}; real headers are ~60 bytes. */
  public static final long DEFAULT_MAX_HEADER_SIZE = 32L << 20;
  /**
   * Default section limit: 8 MiB, as go-car's {@code DefaultMaxAllowedSectionSize}. IPLD blocks are normally at
   * most 1-2 MiB (NFT.Storage rejects blocks above 2 MiB), so this leaves room without letting a hostile length
   * allocate gigabytes.
   */
  public static final long DEFAULT_MAX_SECTION_SIZE = 8L << 20;
  /**
   * Default CARv2 index limit: 256 MiB, enough for about 6.7 million sha2-256 entries. An index is only read to
   * check it; it is never trusted.
   */
  public static final long DEFAULT_MAX_INDEX_SIZE = 256L << 20;

  /** The defaults: 32 MiB header, 8 MiB section, 256 MiB index, hashes verified, zero-length section is an error. */
  public static final CarReadOptions DEFAULTS = builder().build();

  /**
   * Checks the limits: each at least 1 and at most 2<sup>31</sup>-9 (each is read into one array).
   *
   * @param maxHeaderSize largest CARv1 header (DAG-CBOR bytes) accepted; default {@value #DEFAULT_MAX_HEADER_SIZE}
   * @param maxSectionSize largest section (CID + block bytes) accepted; default {@value #DEFAULT_MAX_SECTION_SIZE}
   * @param maxIndexSize largest CARv2 index accepted when it is read; default {@value #DEFAULT_MAX_INDEX_SIZE}
   * @param verifyHashes whether every block read is hashed and compared with its CID; default true
   * @param zeroLengthSectionAsEof whether a zero-length section ends the CAR (null padding) instead of being an error;
   *     default false
   * @throws IllegalArgumentException if a limit is below 1 or above 2<sup>31</sup>-9
   */
  public CarReadOptions {
    positive(maxHeaderSize, "maxHeaderSize");
    positive(maxSectionSize, "maxSectionSize");
    positive(maxIndexSize, "maxIndexSize");
    if (maxSectionSize > Integer.MAX_VALUE - 8 || maxHeaderSize > Integer.MAX_VALUE - 8
        || maxIndexSize > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxSectionSize, maxHeaderSize and maxIndexSize must be at most "
          + (Integer.MAX_VALUE - 8) + " (they are read into one array)");
    }
  }

  private static void positive(long v, String name) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + v);
    }
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these options */
  public Builder toBuilder() {
    return new Builder().maxHeaderSize(maxHeaderSize).maxSectionSize(maxSectionSize).maxIndexSize(maxIndexSize)
        .verifyHashes(verifyHashes).zeroLengthSectionAsEof(zeroLengthSectionAsEof);
  }

  /** Builds {@link CarReadOptions}; not thread-safe. */
  public static final class Builder {
    private long maxHeaderSize = DEFAULT_MAX_HEADER_SIZE;
    private long maxSectionSize = DEFAULT_MAX_SECTION_SIZE;
    private long maxIndexSize = DEFAULT_MAX_INDEX_SIZE;
    private boolean verifyHashes = true;
    private boolean zeroLengthSectionAsEof;

    private Builder() {}

    /**
     * @param bytes largest header accepted (default {@value CarReadOptions#DEFAULT_MAX_HEADER_SIZE})
     * @return this builder
     */
    public Builder maxHeaderSize(long bytes) {
      this.maxHeaderSize = bytes;
      return this;
    }

    /**
     * @param bytes largest section (CID + block) accepted (default {@value CarReadOptions#DEFAULT_MAX_SECTION_SIZE})
     * @return this builder
     */
    public Builder maxSectionSize(long bytes) {
      this.maxSectionSize = bytes;
      return this;
    }

    /**
     * @param bytes largest CARv2 index read (default {@value CarReadOptions#DEFAULT_MAX_INDEX_SIZE})
     * @return this builder
     */
    public Builder maxIndexSize(long bytes) {
      this.maxIndexSize = bytes;
      return this;
    }

    /**
     * @param verify whether blocks are hashed and checked against their CIDs (default true)
     * @return this builder
     */
    public Builder verifyHashes(boolean verify) {
      this.verifyHashes = verify;
      return this;
    }

    /**
     * @param eof whether a zero-length section ends the CAR instead of being an error (default false)
     * @return this builder
     */
    public Builder zeroLengthSectionAsEof(boolean eof) {
      this.zeroLengthSectionAsEof = eof;
      return this;
    }

    /**
     * @return the options
     * @throws IllegalArgumentException if a limit is out of range
     */
    public CarReadOptions build() {
      return new CarReadOptions(maxHeaderSize, maxSectionSize, maxIndexSize, verifyHashes, zeroLengthSectionAsEof);
    }
  }
}

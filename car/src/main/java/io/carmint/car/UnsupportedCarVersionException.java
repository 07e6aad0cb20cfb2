package io.carmint.car;

/**
 * The CAR header declares a version other than 1 or 2 (or a CARv2 payload whose inner header is not version 1).
 * {@link #version()} is the declared version.
 */
public final class UnsupportedCarVersionException extends CarHeaderException {
  private static final long serialVersionUID = 1L;
  /** What {@link #version()} returns. */
  private final long version;

  /**
   * @param offset byte offset of the header that declares the version
   * @param version the declared version
   * @param expected what was expected, e.g. "1 or 2"
   */
  public UnsupportedCarVersionException(long offset, long version, String expected) {
    super(offset, "Unsupported CAR version " + version + " in the header at offset " + Car.fmt(offset)
        + " (expected " + expected + ")");
    this.version = version;
  }

  /** @return the version the header declares */
  public long version() {
    return version;
  }
}

package io.carmint.car;

/**
 * A CAR header (the DAG-CBOR map {@code {roots, version}} that starts a CARv1 or its CARv2 payload, or the 40-byte
 * CARv2 header) is malformed: not a map, a missing or mistyped key, an extra key, a root that is not a CID link, or
 * CARv2 offsets that point outside the file.
 */
public class CarHeaderException extends CarFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * @param offset byte offset of the header
   * @param message what is wrong, including the offset
   */
  public CarHeaderException(long offset, String message) {
    super(offset, message);
  }

  /**
   * @param offset byte offset of the header
   * @param message what is wrong, including the offset
   * @param cause the underlying decoding failure
   */
  public CarHeaderException(long offset, String message, Throwable cause) {
    super(offset, message, cause);
  }
}

package io.carmint.dagcbor;

import io.carmint.multiformats.DataException;

/**
 * Thrown when bytes are not strict, canonical DAG-CBOR: truncated or trailing data, indefinite lengths,
 * non-minimal integers or lengths, a tag other than 42, unsorted or duplicate map keys, a non-text key, a float
 * that is not 64-bit or not finite, invalid UTF-8, a simple value other than false/true/null, or a bad CID in a
 * link. The message names the byte offset and what was expected.
 *
 * <p>It is a {@link DataException}, a checked {@link java.io.IOException}, like the other block-format errors
 * ({@code DagPbFormatException}, {@code CarFormatException}): blocks usually arrive from a file or the network, and
 * one {@code catch (IOException)} then covers both failure and corruption.
 */
public class DagCborFormatException extends DataException {
  private static final long serialVersionUID = 1L;

  /**
   * @param offset byte offset in the encoded value where the problem is, or -1 when it is not tied to one
   * @param message what is wrong, without the offset (it is added)
   */
  public DagCborFormatException(long offset, String message) {
    super(offset, (offset >= 0 ? "Invalid DAG-CBOR at offset " + offset + ": " : "Invalid DAG-CBOR: ") + message);
  }

  /**
   * @param offset byte offset in the encoded value where the problem is, or -1 when it is not tied to one
   * @param message what is wrong, without the offset (it is added)
   * @param cause the underlying failure, e.g. an invalid CID
   */
  public DagCborFormatException(long offset, String message, Throwable cause) {
    super(offset, (offset >= 0 ? "Invalid DAG-CBOR at offset " + offset + ": " : "Invalid DAG-CBOR: ") + message,
        cause);
  }
}

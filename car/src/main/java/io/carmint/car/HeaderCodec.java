package io.carmint.car;

import io.carmint.dagcbor.DagCbor;
import io.carmint.dagcbor.DagCborFormatException;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import java.util.List;

/**
 * DAG-CBOR encoding and strict decoding of CAR headers, by the dag-cbor codec ({@link DagCbor#encodeCarV1Header},
 * {@link DagCbor#decodeCarHeader}). Stateless.
 */
final class HeaderCodec {
  private HeaderCodec() {}

  static byte[] encode(CarHeader header) {
    return DagCbor.encodeCarV1Header(header.roots());
  }

  /**
   * Decodes a header map: an integer {@code version} and, if present, {@code roots} (a list of links), no other
   * key, strict DAG-CBOR, nothing after it.
   *
   * @param offset file offset of the header's length varint, for messages
   * @throws CarHeaderException if the bytes are not such a map
   */
  static Decoded decode(byte[] bytes, long offset) throws CarHeaderException {
    try {
      DagCbor.CarHeaderFields f = DagCbor.decodeCarHeader(bytes);
      return new Decoded(f.version(), f.roots());
    } catch (DagCborFormatException | LimitExceededException e) {
      throw new CarHeaderException(offset, "Invalid CAR header at offset " + Car.fmt(offset) + ": "
          + e.getMessage(), e);
    }
  }

  /** A decoded header: its version and its roots (null when the map has no {@code roots}). */
  record Decoded(long version, List<Cid> roots) {}
}

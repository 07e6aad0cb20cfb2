package io.carmint.car;

/** DAG-CBOR encoding and strict decoding of {@link CarHeader}, delegated to the dag-cbor codec. Stateless. */
final class HeaderCodec {
  private HeaderCodec() {}

  static byte[] encode(CarHeader header) {
    throw new UnsupportedOperationException("waiting for io.carmint.dagcbor");
  }

  /**
   * Decodes a header map. Returns the declared version and, for version 1, the roots.
   *
   * @param offset file offset of the header's length varint, for messages
   * @throws CarHeaderException if the bytes are not a valid header map
   */
  static Decoded decode(byte[] bytes, long offset) throws CarHeaderException {
    throw new UnsupportedOperationException("waiting for io.carmint.dagcbor");
  }

  /** A decoded header: its version and, when present, its roots. */
  record Decoded(long version, java.util.List<io.carmint.multiformats.Cid> roots) {}
}

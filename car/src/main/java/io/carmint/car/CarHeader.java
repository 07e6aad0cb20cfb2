package io.carmint.car;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Varint;
import java.util.List;
import java.util.Objects;

/**
 * The CARv1 header: the DAG-CBOR map {@code {roots: [CID…], version: 1}} that starts a CARv1 and the payload of a
 * CARv2. Encoded with keys sorted length-first ({@code roots} before {@code version}) and each root as tag 42 over
 * {@code 0x00 | binary CID}, as go-car, js-car and ipfs-car write it.
 *
 * <p>Zero roots are representable (js-car and go-car's v2 reader accept them), but writers refuse them and the
 * verifier reports them, since services such as NFT.Storage reject a CAR without a root.
 *
 * @param version always 1 for a CARv1 header
 * @param roots the root CIDs, in order
 */
public record CarHeader(int version, List<Cid> roots) {
  /**
   * @param version always 1 for a CARv1 header
   * @param roots the root CIDs, in order
   * @throws IllegalArgumentException if {@code version} is not 1
   */
  public CarHeader {
    if (version != 1) {
      throw new IllegalArgumentException("A CARv1 header has version 1, got " + version);
    }
    roots = List.copyOf(roots);
  }

  /**
   * @param roots the root CIDs, in order
   * @return a version-1 header with these roots
   */
  public static CarHeader of(List<Cid> roots) {
    return new CarHeader(1, roots);
  }

  /**
   * @param root the root CID
   * @return a version-1 header with one root
   */
  public static CarHeader of(Cid root) {
    return new CarHeader(1, List.of(Objects.requireNonNull(root, "root")));
  }

  /** @return the DAG-CBOR encoding, without the length varint */
  public byte[] encode() {
    return HeaderCodec.encode(this);
  }

  /** @return the encoded length including the length varint: what the header takes in the file */
  public int encodedLength() {
    int n = encode().length;
    return Varint.encodedLength(n) + n;
  }

  /** @return the file bytes: length varint, then the DAG-CBOR encoding */
  public byte[] toBytes() {
    byte[] body = encode();
    byte[] out = new byte[Varint.encodedLength(body.length) + body.length];
    int p = Varint.write(body.length, out, 0);
    System.arraycopy(body, 0, out, p, body.length);
    return out;
  }
}

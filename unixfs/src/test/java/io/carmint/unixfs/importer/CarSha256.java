package io.carmint.unixfs.importer;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Varint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Test helper, independent of the car module: the SHA-256 of the CARv1 that {@code ipfs-car pack --output} writes
 * for a root and a block sequence: {@code varint | dag-cbor {roots: [root], version: 1}} then
 * {@code varint(cid + data) | cid | data} per block, no de-duplication. Hashes as blocks arrive.
 */
final class CarSha256 implements BlockSink {
  private final MessageDigest sha;

  CarSha256(Cid root) {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    h.write(0xa2);
    h.write(0x65);
    h.writeBytes("roots".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    h.write(0x81);
    h.write(0xd8);
    h.write(0x2a);
    int len = root.byteLength() + 1;
    h.write(0x58);
    h.write(len);
    h.write(0x00);
    h.writeBytes(root.toBytes());
    h.write(0x67);
    h.writeBytes("version".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    h.write(0x01);
    byte[] header = h.toByteArray();
    sha.update(Varint.encode(header.length));
    sha.update(header);
  }

  @Override
  public void put(Block block) throws IOException {
    sha.update(Varint.encode(block.cid().byteLength() + (long) block.length()));
    sha.update(block.cid().toBytes());
    sha.update(block.data());
  }

  String hex() {
    return HexFormat.of().formatHex(sha.digest());
  }
}

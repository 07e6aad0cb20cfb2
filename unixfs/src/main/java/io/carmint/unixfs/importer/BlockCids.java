package io.carmint.unixfs.importer;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import java.nio.ByteBuffer;

/**
 * The CIDs of an import's blocks under its profile: a raw leaf is CIDv1 raw with the profile's hash; a dag-pb node
 * is CIDv0 (sha2-256, the only hash CIDv0 has) or CIDv1 dag-pb with the profile's hash. Immutable and thread-safe:
 * leaves are hashed on the pool's threads.
 */
final class BlockCids {
  private final HashFunction hash;
  private final boolean v0;

  BlockCids(ImportProfile profile) {
    this.hash = profile.hashFunction();
    this.v0 = profile.cidVersion() == 0;
  }

  Cid raw(byte[] block, int offset, int length) {
    return Cid.v1(Multicodec.RAW, hash.digest(block, offset, length));
  }

  /** Hashes the buffer's remaining bytes; its position is not moved. */
  Cid raw(ByteBuffer block) {
    return Cid.v1(Multicodec.RAW, hash.digest(block));
  }

  Cid dagPb(byte[] block, int offset, int length) {
    return v0
        ? Cid.v0(HashFunction.SHA2_256.digest(block, offset, length))
        : Cid.v1(Multicodec.DAG_PB, hash.digest(block, offset, length));
  }

  /** Hashes the buffer's remaining bytes; its position is not moved. */
  Cid dagPb(ByteBuffer block) {
    return v0 ? Cid.v0(HashFunction.SHA2_256.digest(block)) : Cid.v1(Multicodec.DAG_PB, hash.digest(block));
  }
}

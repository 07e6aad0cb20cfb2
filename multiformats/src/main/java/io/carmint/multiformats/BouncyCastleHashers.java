package io.carmint.multiformats;

import java.nio.ByteBuffer;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.Xof;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The hashers backed by Bouncy Castle. The only class that references Bouncy Castle: {@link HashFunction} calls
 * it only after checking that Bouncy Castle is on the class path, so without it nothing here is ever loaded.
 */
final class BouncyCastleHashers {
  private BouncyCastleHashers() {}

  static Hasher blake2b(HashFunction function, int bits, int length) {
    return new DigestHasher(function, new Blake2bDigest(bits), length);
  }

  static Hasher blake3(HashFunction function, int length) {
    return new DigestHasher(function, new Blake3Digest(256), length);
  }

  static Hasher keccak(HashFunction function, int bits, int length) {
    return new DigestHasher(function, new KeccakDigest(bits), length);
  }

  /** A Bouncy Castle digest; an extendable-output one ({@link Xof}) produces exactly {@code length} bytes. */
  private static final class DigestHasher implements Hasher {
    private final HashFunction function;
    private final Digest digest;
    private final int length;
    private final byte[] one = new byte[1024];

    DigestHasher(HashFunction function, Digest digest, int length) {
      this.function = function;
      this.digest = digest;
      this.length = length;
    }

    @Override
    public HashFunction function() {
      return function;
    }

    @Override
    public Hasher update(byte[] data, int off, int len) {
      java.util.Objects.checkFromIndexSize(off, len, data.length);
      digest.update(data, off, len);
      return this;
    }

    @Override
    public Hasher update(ByteBuffer data) {
      if (data.hasArray()) {
        int n = data.remaining();
        digest.update(data.array(), data.arrayOffset() + data.position(), n);
        data.position(data.limit());
      } else {
        while (data.hasRemaining()) {
          int n = Math.min(one.length, data.remaining());
          data.get(one, 0, n);
          digest.update(one, 0, n);
        }
      }
      return this;
    }

    @Override
    public Multihash digest() {
      byte[] out;
      if (digest instanceof Xof) {
        out = new byte[length];
        ((Xof) digest).doFinal(out, 0, length);
      } else {
        byte[] full = new byte[digest.getDigestSize()];
        digest.doFinal(full, 0);
        out = full.length == length ? full : java.util.Arrays.copyOf(full, length);
      }
      return Multihash.wrapDigest(function.code(), out);
    }
  }
}

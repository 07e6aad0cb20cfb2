package io.carmint.multiformats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A <a href="https://github.com/multiformats/multihash">multihash</a>: {@code varint(function code) |
 * varint(digest length) | digest}.
 *
 * <p>Any function code is accepted (codes are open values: an unknown function parses, prints and round-trips).
 * For a function carmint knows with a fixed digest length (all but identity and blake3), the digest may be
 * truncated, as the spec allows, but not longer than the function's: that is rejected by {@link #of},
 * {@link #decode} and {@link #read}. Digests are at most {@value #MAX_DIGEST_LENGTH} bytes. A digest truncated below
 * {@value #MIN_VERIFIABLE_DIGEST_LENGTH} bytes parses, but no block is verified against it ({@link #isVerifiable()}).
 *
 * <p>Immutable and thread-safe; the encoded bytes are kept, so {@link #toBytes()} and {@link #writeTo} cost no
 * encoding. Equality, hash code and {@link #toString()} are by the encoded bytes.
 */
public final class Multihash {
  /** Longest digest accepted when decoding: 8 KiB; far more than any real hash function produces. */
  public static final int MAX_DIGEST_LENGTH = 8192;
  /**
   * Shortest digest a block is verified against: 20 bytes, boxo's {@code verifcid} minimum (160 bits, sha1's length).
   * A multihash with a shorter digest (other than identity) parses and prints, but verifying a block under it fails
   * with {@link io.carmint.block.DigestTooShortException}: a digest cut to a few bytes is matched by other bytes in a
   * few hundred tries.
   */
  public static final int MIN_VERIFIABLE_DIGEST_LENGTH = 20;

  private final long code;
  private final int digestOffset;
  private final byte[] bytes; // full encoding
  private int hash;

  private Multihash(long code, int digestOffset, byte[] bytes) {
    this.code = code;
    this.digestOffset = digestOffset;
    this.bytes = bytes;
  }

  /**
   * @param code function code, e.g. 0x12 for sha2-256
   * @param digest the digest; copied
   * @return the multihash of these parts
   * @throws IllegalArgumentException if {@code code} is negative
   * @throws InvalidMultihashException if the digest is longer than {@value #MAX_DIGEST_LENGTH} bytes or than a
   *     known fixed-length function's digest
   */
  public static Multihash of(long code, byte[] digest) {
    if (code < 0) {
      throw new IllegalArgumentException("Multihash code must be non-negative, got " + code);
    }
    String problem = checkLength(code, digest.length);
    if (problem != null) {
      throw new InvalidMultihashException("Invalid multihash: " + problem);
    }
    return wrapDigest(code, digest.clone());
  }

  /** @return what is wrong with a digest of {@code length} bytes for function {@code code}, or null if nothing */
  private static String checkLength(long code, long length) {
    if (length > MAX_DIGEST_LENGTH) {
      return "digest length " + length + " exceeds the limit of " + MAX_DIGEST_LENGTH;
    }
    HashFunction f = HashFunction.forCode(code).orElse(null);
    if (f != null && f != HashFunction.IDENTITY && !f.isExtendable() && length > f.digestLength()) {
      return f.name() + " digests are " + f.digestLength() + " bytes (or truncated), got " + length;
    }
    return null;
  }

  /** Trusted: takes ownership of {@code digest}, whose length the caller has checked. */
  static Multihash wrapDigest(long code, byte[] digest) {
    if (digest.length > MAX_DIGEST_LENGTH) {
      throw new IllegalArgumentException("Digest of " + digest.length + " bytes exceeds the limit of "
          + MAX_DIGEST_LENGTH);
    }
    int head = Varint.encodedLength(code) + Varint.encodedLength(digest.length);
    byte[] out = new byte[head + digest.length];
    int p = Varint.write(code, out, 0);
    Varint.write(digest.length, out, p);
    System.arraycopy(digest, 0, out, head, digest.length);
    return new Multihash(code, head, out);
  }

  /**
   * Decodes bytes that hold exactly one multihash.
   *
   * @param bytes the binary multihash, nothing before or after it
   * @return the multihash
   * @throws InvalidMultihashException if they do not (bad varint, wrong length, trailing bytes)
   */
  public static Multihash decode(byte[] bytes) {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    Multihash mh = read(buf);
    if (buf.hasRemaining()) {
      throw new InvalidMultihashException("Invalid multihash: " + buf.remaining() + " trailing byte(s) after a "
          + mh.digestLength() + "-byte digest");
    }
    return mh;
  }

  /**
   * Reads one multihash at the buffer's position and advances past it.
   *
   * @param buf the buffer, positioned at the multihash
   * @return the multihash read
   * @throws InvalidMultihashException if the bytes there are not a multihash; the buffer position is then
   *     unspecified
   */
  public static Multihash read(ByteBuffer buf) {
    int start = buf.position();
    long code;
    long length;
    try {
      code = Varint.read(buf);
      length = Varint.read(buf);
    } catch (InvalidVarintException e) {
      throw new InvalidMultihashException("Invalid multihash at offset " + start + ": " + e.getMessage(), e);
    }
    String problem = checkLength(code, length);
    if (problem != null) {
      throw new InvalidMultihashException("Invalid multihash at offset " + start + ": " + problem);
    }
    if (length > buf.remaining()) {
      throw new InvalidMultihashException("Invalid multihash at offset " + start + ": declares a " + length
          + "-byte digest, only " + buf.remaining() + " byte(s) present");
    }
    int head = buf.position() - start;
    byte[] out = new byte[head + (int) length];
    buf.get(start, out, 0, head);
    buf.get(out, head, (int) length);
    return new Multihash(code, head, out);
  }

  /** @return the function code */
  public long code() {
    return code;
  }

  /** @return the function for this code, if carmint knows it */
  public java.util.Optional<HashFunction> function() {
    return HashFunction.forCode(code);
  }

  /**
   * @return whether this is an identity multihash (code 0x00): its "digest" is the data itself, so a block under an
   *     identity CID is answered from the CID and need not be stored
   */
  public boolean isIdentity() {
    return code == HashFunction.IDENTITY.code();
  }

  /**
   * @return whether a block can be verified against this multihash: an identity multihash (it holds the bytes), or a
   *     digest of at least {@value #MIN_VERIFIABLE_DIGEST_LENGTH} bytes
   */
  public boolean isVerifiable() {
    return isIdentity() || digestLength() >= MIN_VERIFIABLE_DIGEST_LENGTH;
  }

  /** @return the digest length in bytes */
  public int digestLength() {
    return bytes.length - digestOffset;
  }

  /** @return a copy of the digest */
  public byte[] digest() {
    return Arrays.copyOfRange(bytes, digestOffset, bytes.length);
  }

  /** @return a copy of the full encoding */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** @return the length of the full encoding in bytes */
  public int byteLength() {
    return bytes.length;
  }

  /**
   * Writes the full encoding into {@code dst} at {@code offset}.
   *
   * @param dst the array to write into
   * @param offset where the multihash starts in {@code dst}
   * @return the number of bytes written, {@link #byteLength()}
   * @throws IndexOutOfBoundsException if {@code dst} has no room
   */
  public int writeTo(byte[] dst, int offset) {
    System.arraycopy(bytes, 0, dst, offset, bytes.length);
    return bytes.length;
  }

  /**
   * Writes the full encoding at the buffer's position.
   *
   * @param dst the buffer, advanced past the multihash
   */
  public void writeTo(ByteBuffer dst) {
    dst.put(bytes);
  }

  /**
   * Writes the full encoding to a stream.
   *
   * @param out the stream to write to
   * @throws IOException if the stream fails
   */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes);
  }

  /** The encoding without a copy, for trusted internal callers. */
  byte[] bytesNoCopy() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Multihash && Arrays.equals(bytes, ((Multihash) o).bytes));
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(bytes);
      hash = h;
    }
    return h;
  }

  /** @return {@code name-or-0xcode:hexdigest}, e.g. {@code sha2-256:b94d27…} */
  @Override
  public String toString() {
    String name = HashFunction.forCode(code).map(HashFunction::name).orElse("0x" + Long.toHexString(code));
    return name + ":" + HexFormat.of().formatHex(bytes, digestOffset, bytes.length);
  }
}

package io.carmint.multiformats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A <a href="https://github.com/multiformats/cid">content identifier</a>, version 0 or 1.
 *
 * <ul>
 *   <li>CIDv0: a bare sha2-256 multihash (34 bytes {@code 12 20 …}), implicitly dag-pb; text is base58btc
 *       without a prefix ({@code Qm…}).
 *   <li>CIDv1: {@code varint(1) | varint(codec) | multihash}; canonical text is base32 lowercase with the
 *       {@code b} prefix.
 * </ul>
 *
 * <p>Equality, hash code and ordering are by the binary form, so a CIDv0 and its CIDv1 are different CIDs
 * (compare {@link #toV1()} forms to match content regardless of version). Immutable and thread-safe; the binary
 * form is kept, so writing a CID costs no encoding.
 */
public final class Cid implements Comparable<Cid> {
  /**
   * Longest CID text {@link #parse} reads: 65,706 characters, the base2 form (8 characters per byte, plus the
   * prefix) of the longest binary CID (version, 9-byte codec and hash-code varints, a 2-byte length and a
   * {@value Multihash#MAX_DIGEST_LENGTH}-byte digest). Longer text is rejected before decoding, which for the
   * big-number bases costs time quadratic in the length.
   */
  public static final int MAX_TEXT_LENGTH = 2 + 8 * (1 + 9 + 9 + 2 + Multihash.MAX_DIGEST_LENGTH);

  /** Bytes of the longest CIDv1: version, 9-byte codec and hash-code varints, a 2-byte length, the digest. */
  private static final int MAX_BYTES = 1 + 9 + 9 + 2 + Multihash.MAX_DIGEST_LENGTH;
  /** Bytes of a CIDv0. */
  private static final int V0_BYTES = 34;

  private final int version;
  private final long codec;
  private final Multihash multihash;
  private final byte[] bytes;
  private int hash;
  private String text;

  private Cid(int version, long codec, Multihash multihash, byte[] bytes) {
    this.version = version;
    this.codec = codec;
    this.multihash = multihash;
    this.bytes = bytes;
  }

  /**
   * @param multihash a sha2-256 multihash with a 32-byte digest
   * @return the CIDv0 of it
   * @throws InvalidCidException if the multihash is not a 32-byte sha2-256
   */
  public static Cid v0(Multihash multihash) {
    checkV0(multihash);
    return new Cid(0, Multicodec.DAG_PB.code(), multihash, multihash.bytesNoCopy());
  }

  /**
   * @param codec the content codec, e.g. {@link Multicodec#RAW}
   * @param multihash the hash of the content
   * @return the CIDv1 of {@code multihash} with content codec {@code codec}
   */
  public static Cid v1(Multicodec codec, Multihash multihash) {
    return v1(codec.code(), multihash);
  }

  /**
   * @param codec a non-negative multicodec code
   * @param multihash the hash of the content
   * @return the CIDv1 of {@code multihash} with content codec {@code codec}
   * @throws IllegalArgumentException if {@code codec} is negative
   */
  public static Cid v1(long codec, Multihash multihash) {
    Objects.requireNonNull(multihash, "multihash");
    byte[] mh = multihash.bytesNoCopy();
    byte[] out = new byte[1 + Varint.encodedLength(codec) + mh.length];
    out[0] = 1;
    int p = 1 + Varint.write(codec, out, 1);
    System.arraycopy(mh, 0, out, p, mh.length);
    return new Cid(1, codec, multihash, out);
  }

  /**
   * @param version 0 or 1
   * @param codec content codec; must be dag-pb for version 0
   * @param multihash the hash of the content; sha2-256 with a 32-byte digest for version 0
   * @return the CID of these parts
   * @throws InvalidCidException for version 0 with another codec or hash, or a version other than 0 and 1
   */
  public static Cid of(int version, Multicodec codec, Multihash multihash) {
    if (version == 0) {
      if (!codec.equals(Multicodec.DAG_PB)) {
        throw new InvalidCidException("CIDv0 is always dag-pb, cannot have codec " + codec);
      }
      return v0(multihash);
    }
    if (version == 1) {
      return v1(codec, multihash);
    }
    throw new InvalidCidException("Unsupported CID version " + version + " (only 0 and 1 exist)");
  }

  /**
   * Parses CID text: a CIDv0 ({@code Qm…}, base58btc without a prefix) or a CIDv1 in any supported multibase.
   *
   * <p>Text starting with {@code Q}, a prefix multibase reserves for this purpose, is read as a bare base58btc
   * CIDv0 and must decode to one (34 bytes {@code 12 20 …}). Any other text is multibase; the bytes must be a
   * CIDv1, and a multibase-encoded CIDv0 (first byte {@code 0x12}) is rejected, as the CID spec requires.
   * Multibase decoding is strict: for example base32 whose last character carries non-zero padding bits is
   * rejected, where go-cid would accept and re-encode it.
   *
   * @param text a CID in text form
   * @return the CID
   * @throws InvalidCidException if the text is not a valid CID; the message says why
   */
  public static Cid parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    if (text.length() == 0) {
      throw new InvalidCidException("Invalid CID: empty text");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new InvalidCidException("Invalid CID: " + text.length() + " characters, longer than any CID text ("
          + MAX_TEXT_LENGTH + ")");
    }
    if (text.charAt(0) == 'Q') {
      checkBigNumberLength(text, Multibase.BASE58_BTC, 0, V0_BYTES);
      byte[] raw;
      try {
        raw = Multibase.BASE58_BTC.decodeBare(text);
      } catch (MultibaseException e) {
        throw new InvalidCidException("Invalid CIDv0 '" + abbreviate(text) + "': " + e.getMessage(), e);
      }
      if (raw.length != 34 || raw[0] != 0x12 || raw[1] != 0x20) {
        throw new InvalidCidException("Invalid CIDv0 '" + abbreviate(text) + "': decodes to " + raw.length
            + " bytes" + (raw.length >= 2 ? " starting " + String.format("%02x %02x", raw[0], raw[1]) : "")
            + "; a CIDv0 is 34 bytes 12 20 + a sha2-256 digest (46 characters starting 'Qm')");
      }
      return decode(raw);
    }
    byte[] raw;
    try {
      Multibase base = Multibase.forText(text);
      checkBigNumberLength(text, base, base.prefix().length(), MAX_BYTES);
      raw = base.decode(text);
    } catch (MultibaseException e) {
      throw new InvalidCidException("Invalid CID '" + abbreviate(text) + "': " + e.getMessage(), e);
    }
    if (raw.length > 0 && raw[0] == 0x12) {
      throw new InvalidCidException("Invalid CID '" + abbreviate(text)
          + "': a multibase-encoded CIDv0 is not allowed (first byte 0x12); write a CIDv0 as bare base58btc");
    }
    try {
      return decode(raw);
    } catch (InvalidCidException e) {
      throw new InvalidCidException("Invalid CID '" + abbreviate(text) + "': " + e.getMessage(), e);
    }
  }

  /**
   * Refuses text in a big-number base (base10, base36, base58) that is longer than the longest CID of
   * {@code maxBytes} bytes takes in that base: decoding costs time quadratic in the length (seconds for
   * {@link #MAX_TEXT_LENGTH} characters of base58), so the length is checked first.
   */
  private static void checkBigNumberLength(CharSequence text, Multibase base, int prefixLength, int maxBytes) {
    if (base instanceof BaseX && text.length() - prefixLength > ((BaseX) base).maxLength(maxBytes)) {
      throw new InvalidCidException("Invalid CID: " + text.length() + " characters of " + base.name()
          + ", longer than any CID in that base (" + (prefixLength + ((BaseX) base).maxLength(maxBytes)) + ")");
    }
  }

  /**
   * Decodes the binary form of exactly one CID: 34 bytes {@code 12 20 …} for v0, {@code 01 …} for v1.
   *
   * @param bytes the binary CID, nothing before or after it
   * @return the CID
   * @throws InvalidCidException if the bytes are not exactly one valid CID
   */
  public static Cid decode(byte[] bytes) {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    Cid cid = read(buf);
    if (buf.hasRemaining()) {
      throw new InvalidCidException("Invalid CID: " + buf.remaining() + " trailing byte(s) after a "
          + cid.byteLength() + "-byte CID");
    }
    return cid;
  }

  /**
   * Reads one binary CID at the buffer's position and advances past it.
   *
   * @param buf the buffer, positioned at the CID
   * @return the CID read
   * @throws InvalidCidException if the bytes there are not a valid CID (offsets in the message are buffer
   *     positions); the buffer position is then unspecified
   */
  public static Cid read(ByteBuffer buf) {
    int start = buf.position();
    if (!buf.hasRemaining()) {
      throw new InvalidCidException("Invalid CID at offset " + start + ": no bytes");
    }
    int first = buf.get(start) & 0xFF;
    if (first == 0x12) {
      if (buf.remaining() < 2 || buf.get(start + 1) != 0x20) {
        throw new InvalidCidException("Invalid CIDv0 at offset " + start
            + ": a CIDv0 must be a sha2-256 multihash with a 32-byte digest (12 20 …)");
      }
      Multihash mh = readMultihash(buf, start);
      return new Cid(0, Multicodec.DAG_PB.code(), mh, mh.bytesNoCopy());
    }
    long version;
    long codec;
    try {
      version = Varint.read(buf);
      if (version != 1) {
        throw new InvalidCidException("Invalid CID at offset " + start + ": unsupported version " + version
            + (version == 0 ? " (a CIDv0 is a bare multihash, not a version byte 0)" : "")
            + (version == 2 || version == 3 ? " (reserved)" : ""));
      }
      codec = Varint.read(buf);
    } catch (InvalidVarintException e) {
      throw new InvalidCidException("Invalid CID at offset " + start + ": " + e.getMessage(), e);
    }
    Multihash mh = readMultihash(buf, start);
    int len = buf.position() - start;
    byte[] out = new byte[len];
    buf.get(start, out, 0, len);
    return new Cid(1, codec, mh, out);
  }

  /**
   * Reads one binary CID from {@code src[offset..limit)}; its {@link #byteLength()} tells how many bytes it took.
   *
   * @param src the bytes to read from
   * @param offset where the CID starts
   * @param limit the end of the readable range (exclusive)
   * @return the CID read
   * @throws InvalidCidException if the bytes there are not a valid CID
   */
  public static Cid read(byte[] src, int offset, int limit) {
    Objects.checkFromToIndex(offset, limit, src.length);
    ByteBuffer buf = ByteBuffer.wrap(src, offset, limit - offset);
    return read(buf);
  }

  private static Multihash readMultihash(ByteBuffer buf, int start) {
    try {
      return Multihash.read(buf);
    } catch (InvalidMultihashException e) {
      throw new InvalidCidException("Invalid CID at offset " + start + ": " + e.getMessage(), e);
    }
  }

  private static void checkV0(Multihash mh) {
    if (mh.code() != HashFunction.SHA2_256.code() || mh.digestLength() != 32) {
      throw new InvalidCidException("A CIDv0 must be a sha2-256 multihash with a 32-byte digest, got " + mh);
    }
  }

  private static String abbreviate(CharSequence text) {
    return text.length() <= 80 ? text.toString() : text.subSequence(0, 77) + "...";
  }

  /** @return 0 or 1 */
  public int version() {
    return version;
  }

  /** @return the content codec (dag-pb for every CIDv0) */
  public Multicodec codec() {
    return Multicodec.of(codec);
  }

  /** @return the content codec's numeric code */
  public long codecCode() {
    return codec;
  }

  /** @return the multihash */
  public Multihash multihash() {
    return multihash;
  }

  /** @return a copy of the binary form */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** @return the length of the binary form: 34 for a CIDv0, 36 for a sha2-256 CIDv1 of raw or dag-pb */
  public int byteLength() {
    return bytes.length;
  }

  /**
   * Writes the binary form into {@code dst} at {@code offset}.
   *
   * @param dst the array to write into
   * @param offset where the CID starts in {@code dst}
   * @return the number of bytes written, {@link #byteLength()}
   * @throws IndexOutOfBoundsException if {@code dst} has no room
   */
  public int writeTo(byte[] dst, int offset) {
    System.arraycopy(bytes, 0, dst, offset, bytes.length);
    return bytes.length;
  }

  /**
   * Writes the binary form at the buffer's position.
   *
   * @param dst the buffer, advanced past the CID
   */
  public void writeTo(ByteBuffer dst) {
    dst.put(bytes);
  }

  /**
   * Writes the binary form to a stream.
   *
   * @param out the stream to write to
   * @throws IOException if the stream fails
   */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes);
  }

  /** @return the CIDv1 with the same codec and multihash (this instance if already v1) */
  public Cid toV1() {
    return version == 1 ? this : v1(codec, multihash);
  }

  /**
   * @return the CIDv0 with the same multihash (this instance if already v0)
   * @throws InvalidCidException if the codec is not dag-pb or the hash not a 32-byte sha2-256
   */
  public Cid toV0() {
    if (version == 0) {
      return this;
    }
    if (codec != Multicodec.DAG_PB.code()) {
      throw new InvalidCidException("Cannot convert a " + codec() + " CID to CIDv0 (only dag-pb)");
    }
    return v0(multihash);
  }

  /**
   * Hashes {@code data[off..off+len)} with this CID's hash function and compares: {@code hashOf} of the range
   * equals {@link #multihash()}.
   *
   * @param data the bytes to hash
   * @param off where the range starts
   * @param len the length of the range
   * @return whether {@code data} hashes to this CID's multihash; false whatever the data if the digest is too short
   *     to verify ({@link Multihash#isVerifiable()})
   * @throws UnsupportedHashException if the CID's hash function is unknown or unavailable (Bouncy Castle missing)
   * @throws IndexOutOfBoundsException if the range is outside {@code data}
   */
  public boolean matches(byte[] data, int off, int len) {
    Objects.checkFromIndexSize(off, len, data.length);
    return multihash.isVerifiable() && hashOf(ByteBuffer.wrap(data, off, len)).filter(multihash::equals).isPresent();
  }

  /**
   * Hashes bytes the way this CID's multihash was made, so that the result equals {@link #multihash()} exactly when
   * the bytes are the block this CID names: the same function, and a truncated digest (shorter than the
   * function's) at the same length, as the multihash spec allows. A digest length no function can produce (0, or
   * longer than the function's) never matches: the bytes are then hashed at the function's own length. For an
   * identity CID the result is the identity multihash of the bytes. This is the one hash check behind
   * {@link #matches}, {@link io.carmint.block.Block#verify} and every reader that verifies blocks; those refuse a
   * digest shorter than {@value Multihash#MIN_VERIFIABLE_DIGEST_LENGTH} bytes before calling it, as any equality of
   * so short a digest proves nothing.
   *
   * @param data the bytes, from its position to its limit (the position is not moved)
   * @return the multihash of the bytes; empty for an identity CID and more than
   *     {@value Multihash#MAX_DIGEST_LENGTH} bytes, which no multihash holds (so they cannot match)
   * @throws UnsupportedHashException if the CID's hash function is unknown or unavailable (Bouncy Castle missing)
   */
  public Optional<Multihash> hashOf(ByteBuffer data) {
    HashFunction f = HashFunction.forCode(multihash.code()).orElseThrow(() -> new UnsupportedHashException(
        "unknown multihash function 0x" + Long.toHexString(multihash.code())));
    if (f == HashFunction.IDENTITY) {
      return data.remaining() > Multihash.MAX_DIGEST_LENGTH ? Optional.empty() : Optional.of(f.digest(data));
    }
    int declared = multihash.digestLength();
    int max = f.isExtendable() ? Multihash.MAX_DIGEST_LENGTH : f.digestLength();
    Hasher h = declared >= 1 && declared <= max ? f.newHasher(declared) : f.newHasher();
    return Optional.of(h.update(data.duplicate()).digest());
  }

  /** @return the canonical text: base58btc without prefix for v0, base32 for v1 */
  @Override
  public String toString() {
    String s = text;
    if (s == null) {
      s = version == 0 ? Multibase.BASE58_BTC.encodeBare(bytes) : Multibase.BASE32.encode(bytes);
      text = s;
    }
    return s;
  }

  /**
   * @param base the multibase to write in
   * @return the text in {@code base}; a CIDv0 can only be written in base58btc (without prefix)
   * @throws IllegalArgumentException for a CIDv0 and a base other than base58btc
   */
  public String toString(Multibase base) {
    if (version == 0) {
      if (base != Multibase.BASE58_BTC) {
        throw new IllegalArgumentException("A CIDv0 has only a base58btc form; use toV1() for " + base);
      }
      return toString();
    }
    return base.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Cid && Arrays.equals(bytes, ((Cid) o).bytes));
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

  /** Orders by binary form, unsigned bytewise (shorter first on a shared prefix). */
  @Override
  public int compareTo(Cid o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  /** The binary form without a copy, for trusted callers in this package. */
  byte[] bytesNoCopy() {
    return bytes;
  }
}

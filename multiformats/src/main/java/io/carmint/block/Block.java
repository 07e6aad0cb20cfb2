package io.carmint.block;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPLD block: a CID and the bytes it addresses.
 *
 * <p>Immutable. {@link #of} copies the bytes in; {@link #wrap} takes ownership of an array (or a buffer, possibly
 * direct) the caller promises not to modify again (the importer's no-copy path). Reads hand out copies
 * ({@link #toBytes()}) or read-only views ({@link #data()}). Making a block does not check that the bytes hash to
 * the CID; {@link #isValid()} and {@link #verify()} do that. Thread-safe as long as a wrapped array is not modified.
 */
public final class Block {
  private final Cid cid;
  private final byte[] bytes; // null when the bytes are in buffer
  private final int offset;
  private final int length;
  private final ByteBuffer buffer; // the bytes, position 0 to limit, when not in an array (a direct buffer)

  private Block(Cid cid, byte[] bytes, int offset, int length) {
    this.cid = Objects.requireNonNull(cid, "cid");
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
    this.buffer = null;
  }

  private Block(Cid cid, ByteBuffer buffer) {
    this.cid = Objects.requireNonNull(cid, "cid");
    this.bytes = null;
    this.offset = 0;
    this.length = buffer.remaining();
    this.buffer = buffer.slice();
  }

  /**
   * @param cid the CID the bytes are said to have
   * @param bytes the block's bytes; copied
   * @return a block of {@code cid} holding a copy of {@code bytes}; the hash is not checked (see
   *     {@link #isValid()})
   */
  public static Block of(Cid cid, byte[] bytes) {
    return new Block(cid, bytes.clone(), 0, bytes.length);
  }

  /**
   * @param cid the CID the bytes are said to have
   * @param bytes the array holding the block
   * @param offset where the block starts
   * @param length the block's length
   * @return a block of {@code cid} over {@code bytes[offset..offset+length)} without copying; the caller must not
   *     modify that range afterwards. The hash is not checked.
   */
  public static Block wrap(Cid cid, byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return new Block(cid, bytes, offset, length);
  }

  /**
   * @param cid the CID the bytes are said to have
   * @param data the block's bytes, from position to limit
   * @return a block of {@code cid} over the remaining bytes of {@code data} (heap or direct) without copying; the
   *     caller must not modify those bytes afterwards (the block keeps its own view of them, so moving
   *     {@code data}'s position or limit later does not matter). The hash is not checked.
   */
  public static Block wrap(Cid cid, ByteBuffer data) {
    return new Block(cid, data);
  }

  /**
   * @param cid the CID the bytes are said to have
   * @param bytes the block's bytes; not copied
   * @return {@code wrap(cid, bytes, 0, bytes.length)}
   */
  public static Block wrap(Cid cid, byte[] bytes) {
    return new Block(cid, bytes, 0, bytes.length);
  }

  /**
   * Hashes {@code bytes} and makes the CIDv1 block of them, holding a copy of the bytes.
   *
   * @param codec content codec of the bytes
   * @param hash hash function
   * @param bytes the block's bytes; copied
   * @return the block, its CID computed here
   * @throws io.carmint.multiformats.UnsupportedHashException if {@code hash} cannot be computed here
   */
  public static Block create(Multicodec codec, HashFunction hash, byte[] bytes) {
    return new Block(Cid.v1(codec, hash.digest(bytes)), bytes.clone(), 0, bytes.length);
  }

  /** @return the CID */
  public Cid cid() {
    return cid;
  }

  /** @return the number of bytes */
  public int length() {
    return length;
  }

  /** @return a read-only view of the bytes, position 0, without a copy */
  public ByteBuffer data() {
    if (buffer != null) {
      return buffer.asReadOnlyBuffer();
    }
    return ByteBuffer.wrap(bytes, offset, length).slice().asReadOnlyBuffer();
  }

  /** @return a copy of the bytes */
  public byte[] toBytes() {
    if (buffer != null) {
      byte[] copy = new byte[length];
      buffer.get(0, copy);
      return copy;
    }
    return Arrays.copyOfRange(bytes, offset, offset + length);
  }

  /**
   * Writes the bytes to a stream.
   *
   * @param out the stream to write to
   * @throws IOException if the stream fails
   */
  public void writeTo(OutputStream out) throws IOException {
    if (buffer != null) {
      byte[] tmp = new byte[Math.min(length, 8192)];
      for (int at = 0; at < length; at += tmp.length) {
        int n = Math.min(tmp.length, length - at);
        buffer.get(at, tmp, 0, n);
        out.write(tmp, 0, n);
      }
      return;
    }
    out.write(bytes, offset, length);
  }

  /**
   * Writes all the bytes to a channel, looping until the channel has taken them.
   *
   * @param out the channel to write to
   * @throws IOException if the channel fails
   */
  public void writeTo(WritableByteChannel out) throws IOException {
    ByteBuffer b = buffer != null ? buffer.duplicate() : ByteBuffer.wrap(bytes, offset, length);
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  /**
   * @return whether the bytes hash to the CID's multihash ({@link Cid#matches}); false for a CID whose digest is too
   *     short to verify ({@link Multihash#isVerifiable()})
   * @throws io.carmint.multiformats.UnsupportedHashException if the CID's hash function cannot be computed
   */
  public boolean isValid() {
    return buffer != null ? cid.matches(toBytes(), 0, length) : cid.matches(bytes, offset, length);
  }

  /**
   * Checks that the bytes hash to the CID, as {@link #verify(Cid, ByteBuffer, long, String)}.
   *
   * @throws BlockIntegrityException if they do not (without an offset)
   * @throws DigestTooShortException if the CID's digest is too short to verify
   * @throws io.carmint.multiformats.UnsupportedHashException if the CID's hash function cannot be computed
   */
  public void verify() throws BlockIntegrityException, DigestTooShortException {
    verify(-1, null);
  }

  /**
   * Checks that the bytes hash to the CID, as {@link #verify(Cid, ByteBuffer, long, String)}.
   *
   * @param offset byte offset of the block (or of the structure holding it) for the exception, or -1
   * @param where what the block was read for, for the exception's message, or null
   * @throws BlockIntegrityException if they do not
   * @throws DigestTooShortException if the CID's digest is too short to verify
   * @throws io.carmint.multiformats.UnsupportedHashException if the CID's hash function cannot be computed
   */
  public void verify(long offset, String where) throws BlockIntegrityException, DigestTooShortException {
    // Not data(): a read-only view hides the array, and hashers then copy it through a small buffer.
    verify(cid, buffer != null ? buffer.duplicate() : ByteBuffer.wrap(bytes, this.offset, length), offset, where);
  }

  /**
   * Checks that bytes hash to a CID ({@link Cid#hashOf}): the one check every reader of untrusted blocks makes. A CID
   * whose digest is shorter than {@value Multihash#MIN_VERIFIABLE_DIGEST_LENGTH} bytes (identity excepted) is refused
   * before hashing: a digest that short would let other bytes pass as the block.
   *
   * @param cid the CID the bytes are stored or asked for under
   * @param data the bytes, from its position to its limit (the position is not moved)
   * @param offset byte offset of the block (or of the structure holding it) for the exception, or -1
   * @param where what the block was read for, for the exception's message, or null
   * @throws BlockIntegrityException if the bytes do not hash to {@code cid}
   * @throws DigestTooShortException if {@code cid}'s digest is too short to verify ({@link Multihash#isVerifiable()})
   * @throws io.carmint.multiformats.UnsupportedHashException if the CID's hash function cannot be computed
   */
  public static void verify(Cid cid, ByteBuffer data, long offset, String where)
      throws BlockIntegrityException, DigestTooShortException {
    if (!cid.multihash().isVerifiable()) {
      throw new DigestTooShortException(cid, offset, where);
    }
    Optional<Multihash> actual = cid.hashOf(data);
    if (actual.isPresent() && actual.get().equals(cid.multihash())) {
      return;
    }
    Cid got = actual.map(mh -> cid.version() == 0 ? Cid.v0(mh) : Cid.v1(cid.codecCode(), mh)).orElse(null);
    throw new BlockIntegrityException(cid, got, offset, where);
  }

  /** Blocks are equal when their CIDs and bytes are; how the bytes are held (copied, wrapped) does not matter. */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Block)) {
      return false;
    }
    Block b = (Block) o;
    if (!cid.equals(b.cid)) {
      return false;
    }
    if (buffer != null || b.buffer != null) {
      return data().equals(b.data());
    }
    return Arrays.equals(bytes, offset, offset + length, b.bytes, b.offset, b.offset + b.length);
  }

  /** @return the CID's hash code (equal blocks have equal CIDs) */
  @Override
  public int hashCode() {
    return cid.hashCode();
  }

  /** @return {@code Block{cid, N bytes}} */
  @Override
  public String toString() {
    return "Block{" + cid + ", " + length + " bytes}";
  }
}

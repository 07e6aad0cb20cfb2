package io.carmint.unixfs;

import io.carmint.dagpb.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The UnixFS {@code Data} message: what a dag-pb node is (file, directory, symlink, HAMT shard…) and its
 * metadata. See the package documentation for the schema.
 *
 * <pre>{@code
 * byte[] leaf = UnixFsData.file(Bytes.of(chunk)).encode();                 // 08 02 12 len chunk 18 len
 * byte[] root = UnixFsData.fileNode(List.of(262144L, 262144L, 5L)).encode(); // 08 02 18 .. 20 .. 20 .. 20 ..
 * UnixFsData d = UnixFsData.decode(node.data().orElseThrow());           // strict
 * }</pre>
 *
 * <p>Which fields are present is kept exactly, so decoding then encoding gives the same bytes. No semantic
 * checks are made here (a file's blocksizes against its links, say); the exporter does those. Immutable.
 *
 * @param type the node type
 * @param data file bytes, symlink target or HAMT bitfield, if present
 * @param filesize total file bytes, if present (always written for files)
 * @param blocksizes file bytes under each link, in link order (empty when absent)
 * @param hashType HAMT hash function multicodec, if present (0x22 murmur3-x64-64)
 * @param fanout HAMT fanout, if present
 * @param mode Unix permission bits (uint32, stored as int bits), if present
 * @param mtime modification time, if present
 */
public record UnixFsData(UnixFsType type, Optional<Bytes> data, OptionalLong filesize, List<Long> blocksizes,
    OptionalLong hashType, OptionalLong fanout, OptionalInt mode, Optional<UnixFsTime> mtime) {

  /** The HAMT hash function every implementation uses: murmur3-x64-64, multicodec 0x22. */
  public static final long HAMT_HASH_MURMUR3_X64_64 = 0x22;

  // Field tags (field number << 3 | wire type): varint fields wire type 0, Data and mtime length-delimited (2).
  private static final int TAG_TYPE = 0x08;
  private static final int TAG_DATA = 0x12;
  private static final int TAG_FILESIZE = 0x18;
  private static final int TAG_BLOCKSIZE = 0x20;
  private static final int TAG_HASH_TYPE = 0x28;
  private static final int TAG_FANOUT = 0x30;
  private static final int TAG_MODE = 0x38;
  private static final int TAG_MTIME = 0x42;

  /**
   * @param type the node type
   * @param data file bytes, symlink target or HAMT bitfield, if present
   * @param filesize total file bytes, if present (always written for files)
   * @param blocksizes file bytes under each link, in link order (empty when absent)
   * @param hashType HAMT hash function multicodec, if present (0x22 murmur3-x64-64)
   * @param fanout HAMT fanout, if present
   * @param mode Unix permission bits (uint32, stored as int bits), if present
   * @param mtime modification time, if present
   * @throws NullPointerException if a component or a blocksize is null
   * @throws IllegalArgumentException if a size, the hash type or the fanout is negative
   */
  public UnixFsData {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(filesize, "filesize");
    blocksizes = List.copyOf(blocksizes);
    Objects.requireNonNull(hashType, "hashType");
    Objects.requireNonNull(fanout, "fanout");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(mtime, "mtime");
    checkNonNegative("filesize", filesize);
    checkNonNegative("hashType", hashType);
    checkNonNegative("fanout", fanout);
    for (Long b : blocksizes) {
      if (b < 0) {
        throw new IllegalArgumentException("blocksizes must be non-negative, got " + b);
      }
    }
  }

  private static void checkNonNegative(String what, OptionalLong v) {
    if (v.isPresent() && v.getAsLong() < 0) {
      throw new IllegalArgumentException(what + " must be non-negative, got " + v.getAsLong());
    }
  }

  /**
   * @param type the node type
   * @return a builder for a message of this type, with no other field set
   */
  public static Builder builder(UnixFsType type) {
    return new Builder(type);
  }

  /** @return a builder holding this message's fields */
  public Builder toBuilder() {
    Builder b = new Builder(type);
    b.data = data;
    b.filesize = filesize;
    b.blocksizes.addAll(blocksizes);
    b.hashType = hashType;
    b.fanout = fanout;
    b.mode = mode;
    b.mtime = mtime;
    return b;
  }

  /**
   * @param content the leaf's bytes
   * @return a file leaf holding {@code content}: Type File, Data = content (omitted when empty, as Kubo and the
   *     JS importers write the empty file), filesize = its length
   */
  public static UnixFsData file(Bytes content) {
    Builder b = builder(UnixFsType.FILE).filesize(content.length());
    if (!content.isEmpty()) {
      b.data(content);
    }
    return b.build();
  }

  /**
   * @param blocksizes the children's file sizes, in order
   * @return a file node over children holding {@code blocksizes} bytes each: filesize = their sum, no Data
   * @throws IllegalArgumentException if a blocksize is negative or their sum is above 2^63-1
   */
  public static UnixFsData fileNode(List<Long> blocksizes) {
    long total = 0;
    for (long b : blocksizes) {
      try {
        total = Math.addExact(total, b);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("blocksizes add up to more than 2^63-1 bytes", e);
      }
    }
    return builder(UnixFsType.FILE).filesize(total).blocksizes(blocksizes).build();
  }

  /** @return a plain directory: {@code 08 01} */
  public static UnixFsData directory() {
    return builder(UnixFsType.DIRECTORY).build();
  }

  /**
   * @param target the target's UTF-8 bytes
   * @return a symlink whose Data is the target's UTF-8 bytes
   */
  public static UnixFsData symlink(Bytes target) {
    return builder(UnixFsType.SYMLINK).data(target).build();
  }

  /**
   * @param bitfield which buckets are used
   * @param fanout the number of buckets
   * @return a HAMT shard node: Data = bitfield (may be empty, then omitted), hashType 0x22, the fanout
   */
  public static UnixFsData hamtShard(Bytes bitfield, long fanout) {
    Builder b = builder(UnixFsType.HAMT_SHARD).hashType(HAMT_HASH_MURMUR3_X64_64).fanout(fanout);
    if (!bitfield.isEmpty()) {
      b.data(bitfield);
    }
    return b.build();
  }

  /** @return the encoded message, fields in number order, each only when present */
  public byte[] encode() {
    byte[] mtimeBytes = mtime.map(UnixFsData::encodeTime).orElse(null);
    int len = varintFieldLength(type.code());
    if (data.isPresent()) {
      len += varintFieldLength(data.get().length()) + data.get().length();
    }
    if (filesize.isPresent()) {
      len += varintFieldLength(filesize.getAsLong());
    }
    for (long b : blocksizes) {
      len += varintFieldLength(b);
    }
    if (hashType.isPresent()) {
      len += varintFieldLength(hashType.getAsLong());
    }
    if (fanout.isPresent()) {
      len += varintFieldLength(fanout.getAsLong());
    }
    if (mode.isPresent()) {
      len += varintFieldLength(Integer.toUnsignedLong(mode.getAsInt()));
    }
    if (mtimeBytes != null) {
      len += varintFieldLength(mtimeBytes.length) + mtimeBytes.length;
    }
    byte[] out = new byte[len];
    int p = writeVarintField(TAG_TYPE, type.code(), out, 0);
    if (data.isPresent()) {
      p += writeVarintField(TAG_DATA, data.get().length(), out, p);
      p += data.get().copyTo(out, p);
    }
    if (filesize.isPresent()) {
      p += writeVarintField(TAG_FILESIZE, filesize.getAsLong(), out, p);
    }
    for (long b : blocksizes) {
      p += writeVarintField(TAG_BLOCKSIZE, b, out, p);
    }
    if (hashType.isPresent()) {
      p += writeVarintField(TAG_HASH_TYPE, hashType.getAsLong(), out, p);
    }
    if (fanout.isPresent()) {
      p += writeVarintField(TAG_FANOUT, fanout.getAsLong(), out, p);
    }
    if (mode.isPresent()) {
      p += writeVarintField(TAG_MODE, Integer.toUnsignedLong(mode.getAsInt()), out, p);
    }
    if (mtimeBytes != null) {
      p += writeVarintField(TAG_MTIME, mtimeBytes.length, out, p);
      System.arraycopy(mtimeBytes, 0, out, p, mtimeBytes.length);
      p += mtimeBytes.length;
    }
    assert p == out.length;
    return out;
  }

  /**
   * {@return the length of what {@link #writeFileLeafHeader} writes for a file leaf of {@code n} content bytes}
   *
   * @param n the number of content bytes
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static int fileLeafHeaderLength(int n) {
    checkLeafLength(n);
    return varintFieldLength(UnixFsType.FILE.code()) + (n == 0 ? 0 : varintFieldLength(n));
  }

  /**
   * {@return the length of what {@link #writeFileLeafTrailer} writes for a file leaf of {@code n} content bytes}
   *
   * @param n the number of content bytes
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static int fileLeafTrailerLength(int n) {
    checkLeafLength(n);
    return varintFieldLength(n);
  }

  /**
   * @param n the number of content bytes
   * @return the length of the message {@link #file}{@code (content).encode()} gives for {@code n} content bytes:
   *     header, content, trailer
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static int fileLeafLength(int n) {
    return fileLeafHeaderLength(n) + n + fileLeafTrailerLength(n);
  }

  /**
   * Writes the part of a file leaf's message that goes before its {@code n} content bytes (Type File and the Data
   * field's tag and length; no Data field when {@code n} is 0). With {@link #writeFileLeafTrailer} after the content
   * this gives the bytes of {@link #file}{@code (content).encode()}, without copying a content that is already in
   * place in a buffer; the importer frames its chunks so.
   *
   * @param n the number of content bytes
   * @param out the array to write into
   * @param offset where the header starts in {@code out}
   * @return the number of bytes written, {@link #fileLeafHeaderLength}{@code (n)}
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws IndexOutOfBoundsException if the header does not fit in {@code out} at {@code offset}
   */
  public static int writeFileLeafHeader(int n, byte[] out, int offset) {
    Objects.checkFromIndexSize(offset, fileLeafHeaderLength(n), out.length);
    int p = offset + writeVarintField(TAG_TYPE, UnixFsType.FILE.code(), out, offset);
    if (n > 0) {
      p += writeVarintField(TAG_DATA, n, out, p);
    }
    return p - offset;
  }

  /**
   * Writes the part of a file leaf's message that goes after its {@code n} content bytes: the filesize field.
   *
   * @param n the number of content bytes
   * @param out the array to write into
   * @param offset where the trailer starts in {@code out}
   * @return the number of bytes written, {@link #fileLeafTrailerLength}{@code (n)}
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws IndexOutOfBoundsException if the trailer does not fit in {@code out} at {@code offset}
   */
  public static int writeFileLeafTrailer(int n, byte[] out, int offset) {
    Objects.checkFromIndexSize(offset, fileLeafTrailerLength(n), out.length);
    return writeVarintField(TAG_FILESIZE, n, out, offset);
  }

  private static void checkLeafLength(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("leaf length must be non-negative, got " + n);
    }
  }

  /** @return the length of a field of a varint {@code value} (or of a length-delimited field's tag and length) */
  private static int varintFieldLength(long value) {
    return 1 + Wire.varintLength(value);
  }

  /** Writes a single-byte {@code tag} and a varint {@code value} (a length, for a length-delimited field). */
  private static int writeVarintField(int tag, long value, byte[] out, int p) {
    out[p] = (byte) tag;
    return 1 + Wire.writeVarint(value, out, p + 1);
  }

  private static byte[] encodeTime(UnixFsTime t) {
    byte[] out = new byte[1 + Wire.varintLength(t.seconds()) + (t.nanos().isPresent() ? 5 : 0)];
    int p = 0;
    out[p++] = 0x08;
    p += Wire.writeVarint(t.seconds(), out, p);
    if (t.nanos().isPresent()) {
      int n = t.nanos().getAsInt();
      out[p++] = 0x15;
      out[p++] = (byte) n;
      out[p++] = (byte) (n >>> 8);
      out[p++] = (byte) (n >>> 16);
      out[p] = (byte) (n >>> 24);
    }
    return out;
  }

  /**
   * Decodes a UnixFS Data message strictly.
   *
   * @param message the encoded message
   * @return the message
   * @throws UnixFsFormatException if the bytes are not a valid message; the message gives the offset
   */
  public static UnixFsData decode(Bytes message) throws UnixFsFormatException {
    return decode(message.toByteArray(), true);
  }

  /**
   * Decodes a UnixFS Data message strictly. The array is not kept (the Data field is copied out of it).
   *
   * @param message the encoded message
   * @return the message
   * @throws UnixFsFormatException if the bytes are not a valid message; the message gives the offset
   */
  public static UnixFsData decode(byte[] message) throws UnixFsFormatException {
    return decode(message, false);
  }

  /**
   * @param owned whether {@code message} is a private copy that nobody modifies: then the Data field is a view of
   *     it rather than a second copy (a file leaf's Data is the whole chunk)
   */
  private static UnixFsData decode(byte[] message, boolean owned) throws UnixFsFormatException {
    Wire.Reader r = new Wire.Reader(message, 0, message.length, 0);
    UnixFsType type = null;
    Builder b = null;
    int last = 0;
    while (r.hasMore()) {
      int at = r.position();
      long tag = r.varint("field tag");
      long field = tag >>> 3;
      int wire = (int) (tag & 7);
      if (field < 1 || field > 8) {
        throw new UnixFsFormatException(at, "unknown field number " + field + " (UnixFS Data has fields 1 to 8)");
      }
      if (field < last || (field == last && field != 4)) {
        throw new UnixFsFormatException(at, (field == last ? "duplicate field " : "field out of order: ")
            + FIELD_NAMES[(int) field] + (field == last ? "" : " after " + FIELD_NAMES[last]));
      }
      if (field != 1 && type == null) {
        throw new UnixFsFormatException(at, "the required Type field (1) must come first, found "
            + FIELD_NAMES[(int) field]);
      }
      last = (int) field;
      int expectedWire = field == 2 || field == 8 ? 2 : 0;
      if (wire != expectedWire) {
        throw new UnixFsFormatException(at, "wrong wire type " + wire + " for " + FIELD_NAMES[(int) field]
            + ", expected " + expectedWire + (field == 4 && wire == 2 ? " (blocksizes must not be packed)" : ""));
      }
      int valueAt = r.position();
      switch ((int) field) {
        case 1 -> {
          long code = r.varint("Type");
          type = UnixFsType.forCode(code);
          if (type == null) {
            throw new UnixFsFormatException(valueAt, "unknown UnixFS type " + Long.toUnsignedString(code)
                + " (known: 0 Raw, 1 Directory, 2 File, 3 Metadata, 4 Symlink, 5 HAMTShard)");
          }
          b = builder(type);
        }
        case 2 -> {
          int start = r.lengthDelimited("Data");
          int length = r.absolute() - start;
          b.data(owned ? Bytes.wrap(message, start, length) : Bytes.copyOf(message, start, length));
        }
        case 3 -> b.filesize(r.uint63("filesize"));
        case 4 -> b.addBlocksize(r.uint63("blocksize"));
        case 5 -> b.hashType(r.uint63("hashType"));
        case 6 -> b.fanout(r.uint63("fanout"));
        case 7 -> {
          long m = r.varint("mode");
          if (m < 0 || m > 0xFFFF_FFFFL) {
            throw new UnixFsFormatException(valueAt, "mode " + Long.toUnsignedString(m) + " exceeds 32 bits");
          }
          b.mode((int) m);
        }
        case 8 -> {
          int start = r.lengthDelimited("mtime");
          b.mtime(decodeTime(message, start, r.absolute()));
        }
        default -> throw new AssertionError(field);
      }
    }
    if (type == null) {
      throw new UnixFsFormatException(0, "missing the required Type field"
          + (message.length == 0 ? " (empty message)" : ""));
    }
    return b.build();
  }

  private static UnixFsTime decodeTime(byte[] bytes, int start, int end) throws UnixFsFormatException {
    Wire.Reader r = new Wire.Reader(bytes, start, end, 0);
    Long seconds = null;
    OptionalInt nanos = OptionalInt.empty();
    int last = 0;
    while (r.hasMore()) {
      int at = r.position();
      long tag = r.varint("mtime field tag");
      long field = tag >>> 3;
      int wire = (int) (tag & 7);
      if (field != 1 && field != 2) {
        throw new UnixFsFormatException(at, "unknown mtime field number " + field);
      }
      if (field <= last) {
        throw new UnixFsFormatException(at, field == last ? "duplicate mtime field " + field
            : "mtime fields out of order");
      }
      last = (int) field;
      if (field == 1) {
        if (wire != 0) {
          throw new UnixFsFormatException(at, "wrong wire type " + wire + " for mtime seconds, expected 0");
        }
        seconds = r.varint("mtime seconds");
      } else {
        if (wire != 5) {
          throw new UnixFsFormatException(at, "wrong wire type " + wire + " for mtime nanoseconds, expected 5");
        }
        int n = r.fixed32("mtime nanoseconds");
        if (n < 0 || n > UnixFsTime.MAX_NANOS) {
          throw new UnixFsFormatException(at, "mtime nanoseconds " + Integer.toUnsignedString(n)
              + " outside [0, 999999999]");
        }
        nanos = OptionalInt.of(n);
      }
    }
    if (seconds == null) {
      throw new UnixFsFormatException(start, "mtime without the required seconds field");
    }
    return new UnixFsTime(seconds, nanos);
  }

  private static final String[] FIELD_NAMES = {"(none)", "Type", "Data", "filesize", "blocksizes", "hashType",
      "fanout", "mode", "mtime"};

  /** Builds a {@link UnixFsData}. Not thread-safe. */
  public static final class Builder {
    private final UnixFsType type;
    private Optional<Bytes> data = Optional.empty();
    private OptionalLong filesize = OptionalLong.empty();
    private final List<Long> blocksizes = new ArrayList<>();
    private OptionalLong hashType = OptionalLong.empty();
    private OptionalLong fanout = OptionalLong.empty();
    private OptionalInt mode = OptionalInt.empty();
    private Optional<UnixFsTime> mtime = Optional.empty();

    private Builder(UnixFsType type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Sets Data (present, possibly empty).
     *
     * @param value the Data field
     * @return this builder
     */
    public Builder data(Bytes value) {
      data = Optional.of(value);
      return this;
    }

    /**
     * Sets filesize.
     *
     * @param value the filesize field
     * @return this builder
     */
    public Builder filesize(long value) {
      filesize = OptionalLong.of(value);
      return this;
    }

    /**
     * Replaces the blocksizes.
     *
     * @param values the blocksizes, in order
     * @return this builder
     */
    public Builder blocksizes(List<Long> values) {
      blocksizes.clear();
      blocksizes.addAll(values);
      return this;
    }

    /**
     * Appends one blocksize.
     *
     * @param value the next blocksize
     * @return this builder
     */
    public Builder addBlocksize(long value) {
      blocksizes.add(value);
      return this;
    }

    /**
     * Sets hashType.
     *
     * @param value the hashType field
     * @return this builder
     */
    public Builder hashType(long value) {
      hashType = OptionalLong.of(value);
      return this;
    }

    /**
     * Sets fanout.
     *
     * @param value the fanout field
     * @return this builder
     */
    public Builder fanout(long value) {
      fanout = OptionalLong.of(value);
      return this;
    }

    /**
     * Sets mode (uint32 bits).
     *
     * @param value the mode field
     * @return this builder
     */
    public Builder mode(int value) {
      mode = OptionalInt.of(value);
      return this;
    }

    /**
     * Sets mtime.
     *
     * @param value the mtime field
     * @return this builder
     */
    public Builder mtime(UnixFsTime value) {
      mtime = Optional.of(value);
      return this;
    }

    /**
     * @return the message
     * @throws IllegalArgumentException if a size is negative
     */
    public UnixFsData build() {
      return new UnixFsData(type, data, filesize, blocksizes, hashType, fanout, mode, mtime);
    }
  }
}

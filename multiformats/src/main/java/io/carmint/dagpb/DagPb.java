package io.carmint.dagpb;

import io.carmint.block.Block;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.InvalidCidException;
import io.carmint.multiformats.InvalidVarintException;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Varint;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Encodes and decodes dag-pb blocks.
 *
 * <pre>{@code
 * byte[] block = DagPb.encode(PbNode.of(List.of(PbLink.of(child, "a.txt", 12)), unixfsBytes));
 * PbNode node = DagPb.decode(block);          // strict; throws DagPbFormatException
 * List<Cid> children = DagPb.links(block);    // just the link CIDs, in order
 * }</pre>
 *
 * <p>Wire format written: for each link {@code 12 len [0a len hash] [12 len name] [18 tsize]}, then
 * {@code 0a len data} if Data is present. Varints are protobuf varints (the same bytes as multiformats varints
 * for non-negative values). Stateless and thread-safe.
 */
public final class DagPb {
  /** The dag-pb multicodec, 0x70. */
  public static final Multicodec CODEC = Multicodec.DAG_PB;

  private static final int TAG_DATA = 0x0a; // field 1, wire type 2
  private static final int TAG_LINKS = 0x12; // field 2, wire type 2
  private static final int TAG_HASH = 0x0a; // link field 1, wire type 2
  private static final int TAG_NAME = 0x12; // link field 2, wire type 2
  private static final int TAG_TSIZE = 0x18; // link field 3, wire type 0

  private DagPb() {}

  /**
   * Encodes a node whose links are sorted by {@link PbLink#NAME_ORDER}, as the dag-pb spec requires of
   * encoders (equal names keep their order).
   *
   * @param node the node, its links sorted
   * @return the block bytes
   * @throws InvalidDagPbException if the links are not sorted by Name bytes
   */
  public static byte[] encode(PbNode node) {
    if (!node.linksSorted()) {
      throw new InvalidDagPbException("Invalid DAG-PB form (links must be sorted by Name bytes): "
          + firstUnsorted(node));
    }
    return encodeInGivenOrder(node);
  }

  /**
   * Encodes a node with its links in the given order, sorted or not. Use it only to re-encode blocks that were
   * decoded from elsewhere (legacy unsorted nodes); new nodes go through {@link #encode}.
   *
   * @param node the node
   * @return the block bytes
   */
  public static byte[] encodeInGivenOrder(PbNode node) {
    List<PbLink> links = node.links();
    byte[][] names = new byte[links.size()][];
    int[] linkLengths = new int[links.size()];
    long total = 0;
    for (int i = 0; i < links.size(); i++) {
      PbLink link = links.get(i);
      names[i] = link.name().isPresent() ? PbLink.utf8(link.name().get()) : null;
      int len = linkBodyLength(link.hash().byteLength(), names[i] == null ? -1 : names[i].length, link.tsize());
      linkLengths[i] = len;
      total += 1 + Varint.encodedLength(len) + len;
    }
    if (node.data().isPresent()) {
      int d = node.data().get().length();
      total += dataHeaderLength(d) + d;
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new InvalidDagPbException("dag-pb node too large to encode: " + total + " bytes");
    }
    byte[] out = new byte[(int) total];
    int p = 0;
    for (int i = 0; i < links.size(); i++) {
      PbLink link = links.get(i);
      out[p++] = TAG_LINKS;
      p += Varint.write(linkLengths[i], out, p);
      out[p++] = TAG_HASH;
      p += Varint.write(link.hash().byteLength(), out, p);
      p += link.hash().writeTo(out, p);
      if (names[i] != null) {
        out[p++] = TAG_NAME;
        p += Varint.write(names[i].length, out, p);
        System.arraycopy(names[i], 0, out, p, names[i].length);
        p += names[i].length;
      }
      if (link.tsize().isPresent()) {
        out[p++] = TAG_TSIZE;
        p += Varint.write(link.tsize().getAsLong(), out, p);
      }
    }
    if (node.data().isPresent()) {
      Bytes d = node.data().get();
      p += writeDataHeader(d.length(), out, p);
      p += d.copyTo(out, p);
    }
    assert p == out.length;
    return out;
  }

  /**
   * {@return the length of the bytes that go before a Data field of {@code dataLength} bytes: its tag and length}
   *
   * @param dataLength the length of the Data
   * @throws IllegalArgumentException if {@code dataLength} is negative
   */
  public static int dataHeaderLength(int dataLength) {
    if (dataLength < 0) {
      throw new IllegalArgumentException("dataLength must be non-negative, got " + dataLength);
    }
    return 1 + Varint.encodedLength(dataLength);
  }

  /**
   * Writes the bytes that go before a Data field of {@code dataLength} bytes (its tag and length) at
   * {@code out[offset]}. A node without links is exactly this header followed by its Data, so a caller that already
   * holds the Data in a buffer, with {@link #dataHeaderLength} bytes free before it, frames the block in place
   * instead of copying the Data into a new array: with the Data at {@code buf[start + h, start + h + n)}, where
   * {@code h = dataHeaderLength(n)}, {@code writeDataHeader(n, buf, start)} makes {@code buf[start, start + h + n)}
   * the bytes {@code encode(PbNode.of(List.of(), data))} gives.
   *
   * @param dataLength the length of the Data that follows
   * @param out the array to write into
   * @param offset where the header starts in {@code out}
   * @return the number of bytes written, {@link #dataHeaderLength}{@code (dataLength)}
   * @throws IllegalArgumentException if {@code dataLength} is negative
   * @throws IndexOutOfBoundsException if the header does not fit in {@code out} at {@code offset}
   */
  public static int writeDataHeader(int dataLength, byte[] out, int offset) {
    int len = dataHeaderLength(dataLength);
    Objects.checkFromIndexSize(offset, len, out.length);
    out[offset] = TAG_DATA;
    Varint.write(dataLength, out, offset + 1);
    return len;
  }

  /**
   * @param node the node
   * @return the exact length {@link #encodeInGivenOrder} (and {@link #encode}) produce, without encoding
   */
  public static long encodedLength(PbNode node) {
    long total = 0;
    for (PbLink link : node.links()) {
      total += linkEncodedLength(link);
    }
    if (node.data().isPresent()) {
      int d = node.data().get().length();
      total += dataHeaderLength(d) + d;
    }
    return total;
  }

  /**
   * @param link the link
   * @return the bytes one link adds to a node's encoding, including its field tag and length prefix: what the
   *     "block-bytes" HAMT size estimate sums
   */
  public static int linkEncodedLength(PbLink link) {
    int nameLen = link.name().isPresent() ? PbLink.utf8Length(link.name().get()) : -1;
    int len = linkBodyLength(link.hash().byteLength(), nameLen, link.tsize());
    return 1 + Varint.encodedLength(len) + len;
  }

  private static int linkBodyLength(int cidLength, int nameLength, OptionalLong tsize) {
    int len = 1 + Varint.encodedLength(cidLength) + cidLength;
    if (nameLength >= 0) {
      len += 1 + Varint.encodedLength(nameLength) + nameLength;
    }
    if (tsize.isPresent()) {
      len += 1 + Varint.encodedLength(tsize.getAsLong());
    }
    return len;
  }

  private static String firstUnsorted(PbNode node) {
    List<PbLink> links = node.links();
    for (int i = 1; i < links.size(); i++) {
      if (PbLink.NAME_ORDER.compare(links.get(i - 1), links.get(i)) > 0) {
        return "link " + i + " name '" + links.get(i).nameOrEmpty() + "' sorts before link " + (i - 1) + " name '"
            + links.get(i - 1).nameOrEmpty() + "'";
      }
    }
    return "sorted";
  }

  /**
   * Decodes a dag-pb block strictly.
   *
   * @param block the block's bytes
   * @return the node
   * @throws DagPbFormatException if the bytes are not a valid dag-pb block; the message gives the offset
   */
  public static PbNode decode(byte[] block) throws DagPbFormatException {
    return decode(ByteBuffer.wrap(block));
  }

  /**
   * Decodes the remaining bytes of {@code block} strictly; the buffer's position is not moved. Offsets in errors
   * are relative to the buffer's position.
   *
   * @param block the block's bytes, from position to limit
   * @return the node
   * @throws DagPbFormatException if the bytes are not a valid dag-pb block
   */
  public static PbNode decode(ByteBuffer block) throws DagPbFormatException {
    return new Decoder(block, true).node();
  }

  /**
   * Decodes the bytes of a block strictly. The block's codec is not checked; the caller has already chosen to
   * read it as dag-pb.
   *
   * @param block the block
   * @return the node
   * @throws DagPbFormatException if the bytes are not a valid dag-pb block
   */
  public static PbNode decode(Block block) throws DagPbFormatException {
    return decode(block.data());
  }

  /**
   * {@return the CIDs a dag-pb block links to, in block order} The block is checked as strictly as by
   * {@link #decode} except that link names are not decoded, so a name that is not UTF-8 is tolerated here.
   *
   * <p>The list is immutable and compact: it holds the CIDs' bytes (plus 4 bytes per link) and makes each
   * {@link Cid} when asked for it, so a block of half a million links costs a few megabytes, not the hundreds of
   * bytes per link that {@link Cid} objects or a {@link #decode decoded} node take.
   *
   * @param block the block's bytes
   * @throws DagPbFormatException if the bytes are not a valid dag-pb block
   */
  public static List<Cid> links(byte[] block) throws DagPbFormatException {
    return links(ByteBuffer.wrap(block));
  }

  /**
   * As {@link #links(byte[])} for the remaining bytes of a buffer; its position is not moved.
   *
   * @param block the block's bytes, from position to limit
   * @return the CIDs the block links to, in block order
   * @throws DagPbFormatException if the bytes are not a valid dag-pb block
   */
  public static List<Cid> links(ByteBuffer block) throws DagPbFormatException {
    CidList.Builder out = new CidList.Builder();
    new Decoder(block, false).scan((at, link) -> out.add(link.hash()));
    return out.build();
  }

  /**
   * Checks a dag-pb block as strictly as {@link #decode} and returns a view of it whose links are decoded one at a
   * time when asked for: memory is the block plus 4 bytes per link, however many links it holds.
   *
   * @param block the block, from its position to its limit; the view keeps a read-only duplicate, so the caller
   *     must not modify those bytes afterwards
   * @return the view
   * @throws DagPbFormatException if the bytes are not a valid dag-pb block
   */
  public static PbNodeView view(ByteBuffer block) throws DagPbFormatException {
    ByteBuffer own = block.slice().asReadOnlyBuffer();
    LinkOffsets offsets = new LinkOffsets();
    Optional<Bytes> data = new Decoder(own, true).scan((at, link) -> offsets.add(at));
    return new PbNodeView(own, offsets.toArray(), data);
  }

  /** The link decoded from the Links field at {@code at} of a block {@link #view} has checked. */
  static PbLink linkAt(ByteBuffer block, int at) {
    try {
      return new Decoder(block, true).linkField(at);
    } catch (DagPbFormatException e) {
      throw new IllegalStateException("A checked dag-pb block changed: " + e.getMessage(), e);
    }
  }

  /** Receives each link of a block as the decoder checks it. */
  @FunctionalInterface
  private interface LinkSink {
    /** @param at offset of the link's field tag, relative to the block's start */
    void accept(int at, PbLink link);
  }

  /** A growing array of link offsets. */
  private static final class LinkOffsets {
    private int[] offsets = new int[16];
    private int size;

    void add(int at) {
      if (size == offsets.length) {
        offsets = Arrays.copyOf(offsets, size * 2);
      }
      offsets[size++] = at;
    }

    int[] toArray() {
      return Arrays.copyOf(offsets, size);
    }
  }

  /** One strict pass over a block. */
  private static final class Decoder {
    private final ByteBuffer buf;
    private final int base;
    private final boolean decodeNames;

    Decoder(ByteBuffer block, boolean decodeNames) {
      this.buf = block.duplicate();
      this.base = buf.position();
      this.decodeNames = decodeNames;
    }

    PbNode node() throws DagPbFormatException {
      List<PbLink> links = new ArrayList<>();
      Optional<Bytes> data = scan((at, link) -> links.add(link));
      return new PbNode(links, data);
    }

    /** Checks the whole block, giving each link to {@code sink} in order; returns the Data field. */
    Optional<Bytes> scan(LinkSink sink) throws DagPbFormatException {
      Optional<Bytes> data = Optional.empty();
      int end = buf.limit();
      while (buf.position() < end) {
        int at = buf.position();
        long tag = varint("field tag");
        int field = (int) (tag >>> 3);
        int wire = (int) (tag & 7);
        if (tag >>> 3 != 1 && tag >>> 3 != 2) {
          throw error(at, "unknown field number " + (tag >>> 3) + " in PBNode (only Data = 1 and Links = 2 exist)");
        }
        if (wire != 2) {
          throw error(at, "wrong wire type " + wire + " for PBNode field " + field + ", expected 2 (length-delimited)");
        }
        int len = length(field == 1 ? "Data" : "link");
        if (field == 1) {
          if (data.isPresent()) {
            throw error(at, "duplicate Data field");
          }
          byte[] d = new byte[len];
          buf.get(d);
          data = Optional.of(Bytes.wrap(d));
        } else {
          if (data.isPresent()) {
            throw error(at, "Links after Data: links must come first (duplicate Links section)");
          }
          sink.accept(at - base, link(at, buf.position() + len));
        }
      }
      return data;
    }

    /** Decodes the Links field whose tag is at {@code at} (relative to the block's start). */
    PbLink linkField(int at) throws DagPbFormatException {
      buf.position(base + at);
      varint("field tag");
      int len = length("link");
      return link(base + at, buf.position() + len);
    }

    private PbLink link(int linkStart, int linkEnd) throws DagPbFormatException {
      int savedLimit = buf.limit();
      buf.limit(linkEnd);
      Cid hash = null;
      Optional<String> name = Optional.empty();
      OptionalLong tsize = OptionalLong.empty();
      int lastField = 0;
      while (buf.position() < linkEnd) {
        int at = buf.position();
        long tag = varint("link field tag");
        long field = tag >>> 3;
        int wire = (int) (tag & 7);
        if (field < 1 || field > 3) {
          throw error(at, "unknown field number " + field + " in PBLink (only Hash = 1, Name = 2, Tsize = 3 exist)");
        }
        if (field == lastField) {
          throw error(at, "duplicate " + fieldName(field) + " field in link");
        }
        if (field < lastField) {
          throw error(at, "link field " + fieldName(field) + " after " + fieldName(lastField)
              + " (fields must be in order Hash, Name, Tsize)");
        }
        lastField = (int) field;
        int expectedWire = field == 3 ? 0 : 2;
        if (wire != expectedWire) {
          throw error(at, "wrong wire type " + wire + " for link " + fieldName(field) + ", expected " + expectedWire);
        }
        if (field == 1) {
          int len = length("Hash");
          int hashAt = buf.position();
          byte[] cid = new byte[len];
          buf.get(cid);
          try {
            hash = Cid.decode(cid);
          } catch (InvalidCidException e) {
            throw new DagPbFormatException(hashAt - base, "invalid Hash field found in link, expected CID: "
                + e.getMessage(), e);
          }
        } else if (field == 2) {
          int len = length("Name");
          int nameAt = buf.position();
          if (decodeNames) {
            name = Optional.of(utf8(nameAt, len));
          } else {
            name = Optional.of("");
          }
          buf.position(nameAt + len);
        } else {
          tsize = OptionalLong.of(varint("Tsize"));
        }
      }
      buf.limit(savedLimit);
      if (hash == null) {
        throw error(linkStart, "invalid Hash field found in link, expected CID (the link has no Hash)");
      }
      return new PbLink(hash, name, tsize);
    }

    private String utf8(int at, int len) throws DagPbFormatException {
      ByteBuffer slice = buf.duplicate();
      slice.limit(at + len);
      try {
        CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(slice);
        return chars.toString();
      } catch (CharacterCodingException e) {
        throw new DagPbFormatException(at - base, "link Name is not valid UTF-8", e);
      }
    }

    private long varint(String what) throws DagPbFormatException {
      int at = buf.position();
      try {
        return Varint.read(buf);
      } catch (InvalidVarintException e) {
        throw error(at, "bad varint for " + what + ": " + e.problem()
            + " (dag-pb requires minimal varints of at most 63 bits, within the enclosing field)");
      }
    }

    private int length(String what) throws DagPbFormatException {
      int at = buf.position();
      long len = varint(what + " length");
      if (len > buf.remaining()) {
        throw error(at, what + " declares " + len + " bytes but only " + buf.remaining()
          + " remain in the enclosing message");
      }
      return (int) len;
    }

    private DagPbFormatException error(int at, String message) {
      return new DagPbFormatException(at - base, message);
    }

    private static String fieldName(long field) {
      return field == 1 ? "Hash" : field == 2 ? "Name" : "Tsize";
    }
  }
}

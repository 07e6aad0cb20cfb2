package io.carmint.dagpb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DagPbTest {
  private static final HexFormat HEX = HexFormat.of();
  /** bafkqabiaaebagba: CIDv1 raw identity of 00 01 02 03 04 (the codec-fixtures' link target). */
  private static final Cid IDENTITY = Cid.parse("bafkqabiaaebagba");
  private static final String IDENTITY_HEX = "0155000500" + "01020304";

  private static byte[] hex(String s) {
    return HEX.parseHex(s.replace(" ", ""));
  }

  private static DagPbFormatException rejects(String hex, long offset, String messagePart) {
    byte[] bytes = hex(hex);
    DagPbFormatException e = assertThrows(DagPbFormatException.class, () -> DagPb.decode(bytes));
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    assertTrue(e.getMessage().startsWith("Invalid dag-pb at offset " + offset + ": "), e.getMessage());
    assertEquals(e.getMessage(), assertThrows(DagPbFormatException.class, () -> DagPb.view(ByteBuffer.wrap(bytes)))
        .getMessage(), "the lazy view is as strict");
    return e;
  }

  @Test
  void emptyFileNodeMatchesKuboBytesAndCid() throws Exception {
    // Kubo's empty file: PBNode{Data: UnixFS{Type: File, filesize: 0}} = 0a 04 08 02 18 00 (no Links)
    byte[] block = DagPb.encode(PbNode.of(List.of(), hex("08021800")));
    assertArrayEquals(hex("0a0408021800"), block);
    assertEquals("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH",
        Cid.v0(HashFunction.SHA2_256.digest(block)).toString());
  }

  @Test
  void dataHeaderFramesDataInPlace() {
    // 0a, then the Data length as a varint: 1 byte below 128, 2 from 128, 3 from 16384
    byte[] buf = new byte[8];
    assertEquals(2, DagPb.writeDataHeader(4, buf, 3));
    assertArrayEquals(hex("000000 0a04 000000"), buf);
    assertEquals(3, DagPb.writeDataHeader(300, buf, 0));
    assertArrayEquals(hex("0aac02"), Arrays.copyOf(buf, 3));
    assertEquals(4, DagPb.dataHeaderLength(262_144));
    assertEquals(2, DagPb.dataHeaderLength(0));
    // a linkless node is the header followed by its Data
    byte[] data = hex("08021800");
    byte[] framed = new byte[DagPb.dataHeaderLength(data.length) + data.length];
    int h = DagPb.writeDataHeader(data.length, framed, 0);
    System.arraycopy(data, 0, framed, h, data.length);
    assertArrayEquals(DagPb.encode(PbNode.of(List.of(), data)), framed);
  }

  @Test
  void dataHeaderRejectsNegativeLengthsAndShortBuffers() {
    assertThrows(IllegalArgumentException.class, () -> DagPb.dataHeaderLength(-1));
    byte[] buf = new byte[3];
    assertThrows(IndexOutOfBoundsException.class, () -> DagPb.writeDataHeader(300, buf, 1));
    assertArrayEquals(new byte[3], buf, "nothing written");
  }

  @Test
  void linksAreWrittenBeforeDataWithEmptyNameAndZeroTsize() throws Exception {
    PbNode node = PbNode.of(List.of(PbLink.of(IDENTITY, "", 0)), hex("0801"));
    byte[] block = DagPb.encode(node);
    assertArrayEquals(hex("12 0f 0a 09" + IDENTITY_HEX + "12 00 18 00 0a 02 0801"), block);
    assertEquals(node, DagPb.decode(block));
    assertEquals(block.length, DagPb.encodedLength(node));
  }

  @Test
  void absentAndEmptyAreDistinct() throws Exception {
    PbNode absent = PbNode.of(List.of(PbLink.of(IDENTITY)));
    PbNode empty = PbNode.of(List.of(PbLink.of(IDENTITY, "", 0)), new byte[0]);
    assertArrayEquals(hex("120b 0a09" + IDENTITY_HEX), DagPb.encode(absent));
    assertArrayEquals(hex("120f 0a09" + IDENTITY_HEX + "1200 1800 0a00"), DagPb.encode(empty));
    assertEquals(Optional.empty(), DagPb.decode(DagPb.encode(absent)).links().get(0).name());
    assertEquals(OptionalLong.empty(), DagPb.decode(DagPb.encode(absent)).links().get(0).tsize());
    assertEquals(Optional.of(Bytes.EMPTY), DagPb.decode(DagPb.encode(empty)).data());
  }

  @Test
  void zeroLengthBlockIsAnEmptyNode() throws Exception {
    PbNode node = DagPb.decode(new byte[0]);
    assertEquals(PbNode.of(List.of()), node);
    assertEquals("bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
        Cid.v1(Multicodec.DAG_PB, HashFunction.SHA2_256.digest(DagPb.encode(node))).toString());
  }

  @Test
  void encodeRequiresLinksSortedByNameBytes() throws Exception {
    PbNode unsorted = PbNode.of(List.of(PbLink.of(IDENTITY, "b", 1), PbLink.of(IDENTITY, "a", 1)));
    InvalidDagPbException e = assertThrows(InvalidDagPbException.class, () -> DagPb.encode(unsorted));
    assertTrue(e.getMessage().contains("links must be sorted by Name bytes"), e.getMessage());
    // ...but a decoded legacy node can be re-encoded as it was
    byte[] legacy = DagPb.encodeInGivenOrder(unsorted);
    assertEquals(unsorted, DagPb.decode(legacy));
  }

  @Test
  void nameOrderIsUtf8ByteOrderNotUtf16Order() {
    // U+FF21 (EF BC A1) sorts before U+1F600 (F0 9F 98 80) in UTF-8, after it in UTF-16 (FF21 > D83D)
    String fullwidthA = "\uFF21";
    String emoji = "\uD83D\uDE00";
    assertTrue(PbLink.compareNames(fullwidthA, emoji) < 0);
    assertTrue(fullwidthA.compareTo(emoji) > 0);
    assertTrue(PbLink.compareNames("a", "aa") < 0);
    assertTrue(PbLink.compareNames("", "a") < 0);
    assertEquals(0, PbLink.compareNames("é", "é"));
    assertEquals(4, PbLink.utf8Length(emoji));
    assertEquals(3, PbLink.utf8Length(fullwidthA));
  }

  @Test
  void dataBeforeLinksIsRejected() throws Exception {
    rejects("0a01ff 120b0a09" + IDENTITY_HEX, 3, "links must come first");
  }

  @Test
  void duplicateDataIsRejected() throws Exception {
    rejects("0a00 0a00", 2, "duplicate Data");
  }

  @Test
  void unknownNodeFieldIsRejected() throws Exception {
    rejects("1a00", 0, "unknown field number 3");
  }

  @Test
  void wrongNodeWireTypeIsRejected() throws Exception {
    rejects("0800", 0, "wrong wire type 0");
  }

  @Test
  void nonMinimalVarintIsRejected() throws Exception {
    rejects("0a8000", 1, "not minimal");
  }

  @Test
  void overlongVarintIsRejected() throws Exception {
    rejects("0a ffffffffffffffffff01", 1, "bad varint");
  }

  @Test
  void truncatedDataIsRejected() throws Exception {
    rejects("0a0501", 1, "declares 5 bytes but only 1 remain");
  }

  @Test
  void truncatedTagIsRejected() throws Exception {
    rejects("0a00 80", 2, "truncated");
  }

  @Test
  void nameBeforeHashIsRejected() throws Exception {
    rejects("120d 1200 0a09" + IDENTITY_HEX, 4, "after Name");
  }

  @Test
  void duplicateHashIsRejected() throws Exception {
    rejects("1216 0a09" + IDENTITY_HEX + "0a09" + IDENTITY_HEX, 13, "duplicate Hash");
  }

  @Test
  void tsizeWithWrongWireTypeIsRejected() throws Exception {
    rejects("120d 0a09" + IDENTITY_HEX + "1a00", 13, "wrong wire type 2 for link Tsize");
  }

  @Test
  void unknownLinkFieldIsRejected() throws Exception {
    rejects("120d 0a09" + IDENTITY_HEX + "2000", 13, "unknown field number 4 in PBLink");
  }

  @Test
  void fieldCrossingTheLinkEndIsRejected() throws Exception {
    // link length 0x0c covers the hash and the Name tag, but the Name's length byte lies outside the link
    rejects("120c 0a09" + IDENTITY_HEX + "12 00", 14, "no bytes left");
  }

  @Test
  void invalidCidIsRejectedAtTheHashOffset() throws Exception {
    DagPbFormatException e = rejects("1204 0a02 0155", 4, "invalid Hash field found in link, expected CID");
    assertTrue(e.getCause() instanceof IllegalArgumentException);
  }

  @Test
  void tsizeAbove63BitsIsRejected() {
    rejects("1216 0a09" + IDENTITY_HEX + "18 ffffffffffffffffff01", 14, "longer than 9 bytes");
  }

  @Test
  void nameThatIsNotUtf8IsRejectedByDecodeButLinksStillReadsIt() throws Exception {
    byte[] block = hex("120e 0a09" + IDENTITY_HEX + "1201ff");
    DagPbFormatException e = assertThrows(DagPbFormatException.class, () -> DagPb.decode(block));
    assertEquals(15, e.offset());
    assertEquals(List.of(IDENTITY), DagPb.links(block));
  }

  @Test
  void decodesFromABufferWithoutMovingItAndReportsRelativeOffsets() throws Exception {
    byte[] padded = hex("ffff 0a00 0a00");
    ByteBuffer buf = ByteBuffer.wrap(padded);
    buf.position(2);
    DagPbFormatException e = assertThrows(DagPbFormatException.class, () -> DagPb.decode(buf));
    assertEquals(2, e.offset());
    assertEquals(2, buf.position());
  }

  @Test
  void bytesAreDefensivelyCopied() throws Exception {
    byte[] raw = {1, 2, 3};
    Bytes b = Bytes.of(raw);
    raw[0] = 9;
    assertEquals(1, b.get(0));
    byte[] out = b.toByteArray();
    out[1] = 9;
    assertEquals(2, b.get(1));
    assertFalse(b.asReadOnlyBuffer().hasArray());
    assertEquals(Bytes.of(new byte[] {2, 3}), b.slice(1, 3));
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    b.writeTo(sink);
    assertArrayEquals(new byte[] {1, 2, 3}, sink.toByteArray());
    assertEquals(Bytes.copyOf(new byte[] {0, 1, 2, 3, 4}, 1, 3), b);
    assertEquals(b.hashCode(), Bytes.copyOf(new byte[] {0, 1, 2, 3, 4}, 1, 3).hashCode());
    assertEquals("Bytes[3]: 010203", b.toString());
  }

  /**
   * Issue 12, defect 13: a directory block of 8 MiB holding 466,022 links (identity CIDs, 6-byte names) was decoded
   * into 466,022 PbLinks, and verify, ls and unpack ran out of a 96 MB heap. The view and the link list keep the
   * block's bytes (the list: the CIDs' bytes) and decode a link when asked for it.
   */
  @Test
  void halfAMillionLinksAreReadOneAtATime() throws Exception {
    Cid empty = Cid.v1(Multicodec.RAW, Multihash.of(0, new byte[0]));
    int n = 466_022;
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);
    for (int i = 0; i < n; i++) {
      // 12 10 | 0a 04 01 55 00 00 | 12 06 <6-digit name> | 18 00: 18 bytes per link, written by hand
      out.write(hex("1210 0a0401550000 1206"));
      out.write(String.format("%06d", i).getBytes(StandardCharsets.US_ASCII));
      out.write(hex("1800"));
    }
    out.write(hex("0a020801")); // Data: UnixFS directory
    byte[] block = out.toByteArray();
    assertEquals(8_388_400, block.length);
    PbNodeView view = DagPb.view(ByteBuffer.wrap(block));
    assertEquals(n, view.linkCount());
    assertEquals(PbLink.of(empty, "000000", 0), view.link(0));
    assertEquals(PbLink.of(empty, "466021", 0), view.link(n - 1));
    assertArrayEquals(hex("0801"), view.data().orElseThrow().toByteArray());
    List<Cid> links = DagPb.links(block);
    assertEquals(n, links.size());
    assertEquals(empty, links.get(n - 1));
    assertThrows(IndexOutOfBoundsException.class, () -> view.link(n));
    assertThrows(UnsupportedOperationException.class, () -> links.set(0, empty));
  }

  @Test
  void pbLinkRejectsNegativeTsize() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> PbLink.of(IDENTITY, "x", -1));
  }
}

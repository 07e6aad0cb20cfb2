package io.carmint.unixfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UnixFsDataTest {
  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  private static Cid v0(UnixFsData d) {
    return Cid.v0(HashFunction.SHA2_256.digest(DagPb.encode(PbNode.of(List.of(), d.encode()))));
  }

  private static void rejects(String hex, long offset, String part) {
    UnixFsFormatException e = assertThrows(UnixFsFormatException.class, () -> UnixFsData.decode(hex(hex)));
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  /** Issue 12, defect 16: sizes that add up beyond 2^63-1 wrapped around to a negative or small total. */
  @Test
  void blocksizesAddingUpBeyondALongAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UnixFsData.fileNode(List.of(Long.MAX_VALUE, Long.MAX_VALUE)));
    assertEquals("blocksizes add up to more than 2^63-1 bytes", e.getMessage());
    assertEquals(Long.MAX_VALUE, UnixFsData.fileNode(List.of(Long.MAX_VALUE - 1, 1L)).filesize().getAsLong());
  }

  @Test
  void emptyFileOmitsDataButWritesFilesize() {
    UnixFsData d = UnixFsData.file(Bytes.EMPTY);
    assertArrayEquals(hex("08 02 18 00"), d.encode());
    // Kubo help example / reference/specs-and-implementations.md §1.9
    assertEquals("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", v0(d).toString());
  }

  @Test
  void fileLeafFramingInPlaceGivesTheLeafMessage() {
    // 08 02 [12 len] content 18 len: Type File, Data (absent when empty), filesize
    byte[] buf = new byte[16];
    assertEquals(4, UnixFsData.writeFileLeafHeader(3, buf, 1));
    assertEquals(2, UnixFsData.writeFileLeafTrailer(3, buf, 8));
    assertArrayEquals(hex("00 08021203 000000 1803 000000000000"), buf);
    assertArrayEquals(hex("0802"), Arrays.copyOf(buf, UnixFsData.writeFileLeafHeader(0, buf, 0)));
    for (int n : new int[] {0, 1, 127, 128, 16_383, 16_384, 262_144, 1_048_576}) {
      byte[] content = new byte[n];
      Arrays.fill(content, (byte) 7);
      byte[] framed = new byte[UnixFsData.fileLeafLength(n)];
      int h = UnixFsData.writeFileLeafHeader(n, framed, 0);
      assertEquals(UnixFsData.fileLeafHeaderLength(n), h);
      System.arraycopy(content, 0, framed, h, n);
      int t = UnixFsData.writeFileLeafTrailer(n, framed, h + n);
      assertEquals(UnixFsData.fileLeafTrailerLength(n), t);
      assertEquals(framed.length, h + n + t);
      assertArrayEquals(UnixFsData.file(Bytes.of(content)).encode(), framed, "n = " + n);
    }
  }

  @Test
  void fileLeafFramingRejectsNegativeLengthsAndShortBuffers() {
    assertThrows(IllegalArgumentException.class, () -> UnixFsData.fileLeafLength(-1));
    byte[] buf = new byte[4];
    assertThrows(IndexOutOfBoundsException.class, () -> UnixFsData.writeFileLeafHeader(300, buf, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> UnixFsData.writeFileLeafTrailer(300, buf, 2));
    assertArrayEquals(new byte[4], buf, "nothing written");
  }

  @Test
  void helloWorldLeavesMatchKuboCids() {
    // IPIP-499 v0 fixture and Kubo's `echo "hello world" | ipfs add`
    assertEquals("Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD",
        v0(UnixFsData.file(Bytes.of("hello world".getBytes(StandardCharsets.UTF_8)))).toString());
    assertEquals("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o",
        v0(UnixFsData.file(Bytes.of("hello world\n".getBytes(StandardCharsets.UTF_8)))).toString());
  }

  @Test
  void emptyDirectoryMatchesKnownCids() {
    UnixFsData d = UnixFsData.directory();
    assertArrayEquals(hex("08 01"), d.encode());
    byte[] block = DagPb.encode(PbNode.of(List.of(), d.encode()));
    assertEquals("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", v0(d).toString());
    assertEquals("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354",
        Cid.v1(Multicodec.DAG_PB, HashFunction.SHA2_256.digest(block)).toString());
  }

  @Test
  void symlinkMatchesTheSpecFixture() {
    UnixFsData d = UnixFsData.symlink(Bytes.of("foo".getBytes(StandardCharsets.UTF_8)));
    byte[] block = DagPb.encode(PbNode.of(List.of(), d.encode()));
    assertArrayEquals(hex("0a 07 08 04 12 03 66 6f 6f"), block);
    assertEquals("QmTB8BaCJdCH5H3k7GrxJsxgDNmNYGGR71C58ERkivXoj5", v0(d).toString());
  }

  @Test
  void blocksizesAreNotPackedAndRoundTrip() throws Exception {
    // Data of codec-fixtures dagpb_7unnamedlinks+data: a Kubo file node with 7 blocksizes
    byte[] kubo = Base64.getDecoder().decode("CAIYy8GBkgEggIDgFSCAgOAVIICA4BUggIDgFSCAgOAVIICA4BUgy8HBDw");
    UnixFsData d = UnixFsData.decode(kubo);
    assertEquals(UnixFsType.FILE, d.type());
    assertEquals(7, d.blocksizes().size());
    assertEquals(d.blocksizes().stream().mapToLong(Long::longValue).sum(), d.filesize().getAsLong());
    assertEquals(UnixFsData.fileNode(d.blocksizes()), d);
    assertArrayEquals(kubo, d.encode());
    assertArrayEquals(hex("08 02 18 03 20 01 20 02"), UnixFsData.fileNode(List.of(1L, 2L)).encode());
  }

  @Test
  void hamtShardFieldsInNumberOrder() throws Exception {
    UnixFsData d = UnixFsData.hamtShard(Bytes.of(new byte[] {(byte) 0x80, 0, 1}), 256);
    assertArrayEquals(hex("08 05 12 03 800001 28 22 30 8002"), d.encode());
    assertEquals(d, UnixFsData.decode(d.encode()));
  }

  @Test
  void modeAndMtimeRoundTripIncludingNegativeSeconds() throws Exception {
    UnixFsData d = UnixFsData.builder(UnixFsType.FILE).filesize(0).mode(0755)
        .mtime(UnixFsTime.of(-1, 5)).build();
    byte[] bytes = d.encode();
    // mtime: 42 len 08 <10-byte two's complement of -1> 15 <nanos LE>
    assertArrayEquals(hex("08 02 18 00 38 ed03 42 10 08 ffffffffffffffffff01 15 05000000"), bytes);
    assertEquals(d, UnixFsData.decode(bytes));
    assertEquals(OptionalInt.empty(), UnixFsTime.of(7, 0).nanos());
  }

  @Test
  void strictDecoding() {
    rejects("08 02 22 02 01 02", 2, "blocksizes must not be packed");
    rejects("08 02 18 00 18 00", 4, "duplicate field filesize");
    rejects("08 02 20 01 18 00", 4, "field out of order: filesize after blocksizes");
    rejects("08 02 48 00", 2, "unknown field number 9");
    rejects("18 00", 0, "Type field (1) must come first");
    rejects("", 0, "missing the required Type field");
    rejects("08 06", 1, "unknown UnixFS type 6");
    rejects("08 02 18 8000", 3, "non-minimal varint");
    rejects("08 02 12 05 00", 3, "Data declares 5 bytes but only 1 remain");
    rejects("08 02 38 8080808010", 3, "exceeds 32 bits");
    rejects("08 02 42 07 08 00 15 00ca9a3b", 6, "outside [0, 999999999]");
    rejects("08 02 42 00", 4, "mtime without the required seconds");
    rejects("08 02 18 ffffffffffffffffff01", 3, "exceeds 2^63-1");
    rejects("08 02 10 00", 2, "wrong wire type 0 for Data");
  }
}

package io.carmint.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BlockTest {
  private static final byte[] HELLO = "hello world".getBytes(StandardCharsets.US_ASCII);
  private static final Cid HELLO_RAW = Cid.parse("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");

  @Test
  void createHashesToTheReferenceCid() {
    Block b = Block.create(Multicodec.RAW, HashFunction.SHA2_256, HELLO);
    assertEquals(HELLO_RAW, b.cid());
    assertTrue(b.isValid());
    assertEquals(HELLO.length, b.length());
  }

  @Test
  void ofCopiesAndIsValidChecksTheHash() {
    byte[] data = HELLO.clone();
    Block b = Block.of(HELLO_RAW, data);
    data[0] = 'j';
    assertTrue(b.isValid());
    assertFalse(Block.of(HELLO_RAW, data).isValid());
  }

  @Test
  void wrapSharesARangeAndViewsAreReadOnly() throws Exception {
    byte[] buf = new byte[HELLO.length + 4];
    System.arraycopy(HELLO, 0, buf, 2, HELLO.length);
    Block b = Block.wrap(HELLO_RAW, buf, 2, HELLO.length);
    assertTrue(b.isValid());
    assertArrayEquals(HELLO, b.toBytes());
    ByteBuffer view = b.data();
    assertEquals(0, view.position());
    assertEquals(HELLO.length, view.remaining());
    assertThrows(ReadOnlyBufferException.class, () -> view.put((byte) 0));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    b.writeTo(out);
    assertArrayEquals(HELLO, out.toByteArray());
    assertThrows(IndexOutOfBoundsException.class, () -> Block.wrap(HELLO_RAW, buf, 5, HELLO.length));
  }

  @Test
  void verifyNamesTheCidTheBytesReallyHave() throws Exception {
    Block.of(HELLO_RAW, HELLO).verify();
    byte[] jello = "jello world".getBytes(StandardCharsets.US_ASCII);
    BlockIntegrityException e = assertThrows(BlockIntegrityException.class,
        () -> Block.verify(HELLO_RAW, ByteBuffer.wrap(jello), 1234, "needed by 'a.txt'"));
    assertEquals(HELLO_RAW, e.expected());
    assertEquals(Cid.parse("bafkreigpdmvyxtgjmcup7ueszjqiipbv5c7htnbkwcb7kxe6on25i3zbke"), e.actual().orElseThrow());
    assertEquals(1234, e.offset());
    assertEquals("Block hash mismatch at offset 1,234 (needed by 'a.txt'): expected " + HELLO_RAW
        + ", got bafkreigpdmvyxtgjmcup7ueszjqiipbv5c7htnbkwcb7kxe6on25i3zbke (the bytes were altered or the CID is "
        + "wrong)", e.getMessage());
    assertEquals(-1, assertThrows(BlockIntegrityException.class, () -> Block.of(HELLO_RAW, jello).verify()).offset());
    BlockIntegrityException at = assertThrows(BlockIntegrityException.class,
        () -> Block.wrap(HELLO_RAW, new byte[] {'x', 'j', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd'}, 1, 11)
            .verify(5, "needed by 'b'"));
    assertEquals(e.actual(), at.actual());
    assertEquals(5, at.offset());
    assertTrue(at.getMessage().startsWith("Block hash mismatch at offset 5 (needed by 'b'): "), at.getMessage());
  }

  @Test
  void aTruncatedDigestIsCheckedAtItsLength() throws Exception {
    Cid truncated = Cid.parse("bafkreefzjut3te2nhyekklss27nh3k72"); // sha2-256 of "hello world", 16 bytes
    Block.verify(truncated, ByteBuffer.wrap(HELLO), -1, null);
    BlockIntegrityException e = assertThrows(BlockIntegrityException.class,
        () -> Block.verify(truncated, ByteBuffer.wrap("jello world".getBytes(StandardCharsets.US_ASCII)), -1, null));
    assertEquals(Cid.parse("bafkreegpdmvyxtgjmcup7ueszjqiipbv"), e.actual().orElseThrow());
  }

  @Test
  void anIdentityCidHoldsExactlyItsBytes() throws Exception {
    Cid abc = Cid.parse("baeaaaa3bmjrq"); // identity codec and hash, "abc"
    Block.verify(abc, ByteBuffer.wrap("abc".getBytes(StandardCharsets.US_ASCII)), -1, null);
    assertEquals(Cid.parse("baeaaaa3bmjsa"), assertThrows(BlockIntegrityException.class,
        () -> Block.verify(abc, ByteBuffer.wrap("abd".getBytes(StandardCharsets.US_ASCII)), -1, null))
        .actual().orElseThrow());
    BlockIntegrityException tooLong = assertThrows(BlockIntegrityException.class,
        () -> Block.verify(abc, ByteBuffer.allocate(Multihash.MAX_DIGEST_LENGTH + 1), 7, null));
    assertTrue(tooLong.actual().isEmpty());
    assertTrue(tooLong.getMessage().contains("more bytes than an identity CID holds"), tooLong.getMessage());
  }

  @Test
  void verifyLeavesTheBufferWhereItWas() throws Exception {
    ByteBuffer data = ByteBuffer.allocate(HELLO.length + 2);
    data.position(1);
    data.put(HELLO);
    data.position(1).limit(1 + HELLO.length);
    Block.verify(HELLO_RAW, data, -1, null);
    assertEquals(1, data.position());
    assertEquals(HELLO.length, data.remaining());
  }

  @Test
  void equalityIsByCidAndBytesWhateverTheirHolding() {
    byte[] buf = new byte[HELLO.length + 4];
    System.arraycopy(HELLO, 0, buf, 2, HELLO.length);
    Block wrapped = Block.wrap(HELLO_RAW, buf, 2, HELLO.length);
    Block copied = Block.of(HELLO_RAW, HELLO);
    assertEquals(copied, wrapped);
    assertEquals(copied.hashCode(), wrapped.hashCode());
    // same CID, different lengths: unequal, and no exception for the shorter array
    Block shorter = Block.of(HELLO_RAW, new byte[3]);
    assertNotEquals(copied, shorter);
    assertNotEquals(shorter, copied);
  }

  @Test
  void discardSinkAcceptsAnything() throws Exception {
    BlockSink.discard().put(Block.of(HELLO_RAW, HELLO));
  }

  @Test
  void aBlockOverADirectBufferBehavesLikeOneOverAnArray() throws Exception {
    byte[] big = new byte[20_000]; // more than writeTo's 8 KiB pieces
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + 7);
    }
    Block heap = Block.create(Multicodec.RAW, HashFunction.SHA2_256, big);
    ByteBuffer direct = ByteBuffer.allocateDirect(big.length + 10);
    direct.position(5);
    direct.put(big);
    direct.position(5).limit(5 + big.length);
    Block wrapped = Block.wrap(heap.cid(), direct);
    direct.position(0).limit(direct.capacity()); // the block keeps its own view
    assertEquals(heap, wrapped);
    assertEquals(wrapped, heap);
    assertEquals(heap.hashCode(), wrapped.hashCode());
    assertEquals(big.length, wrapped.length());
    assertArrayEquals(big, wrapped.toBytes());
    assertTrue(wrapped.isValid());
    wrapped.verify();
    assertTrue(wrapped.data().isReadOnly());
    assertEquals(ByteBuffer.wrap(big), wrapped.data());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wrapped.writeTo(out);
    assertArrayEquals(big, out.toByteArray());
    out.reset();
    wrapped.writeTo(java.nio.channels.Channels.newChannel(out));
    assertArrayEquals(big, out.toByteArray());
    direct.put(5, (byte) ~big[0]); // the caller broke its promise: the block sees it, and says so
    assertFalse(wrapped.isValid());
    assertThrows(BlockIntegrityException.class, wrapped::verify);
    assertNotEquals(heap, wrapped);
  }

  @Test
  void sinksSayWhetherTheyRetainBlocks() {
    assertFalse(BlockSink.discard().retainsBlocks());
    BlockSink list = b -> { };
    assertTrue(list.retainsBlocks());
  }
}

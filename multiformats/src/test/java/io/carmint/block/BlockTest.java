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
    assertNotEquals(heap, wrapped);
  }

  @Test
  void sinksSayWhetherTheyRetainBlocks() {
    assertFalse(BlockSink.discard().retainsBlocks());
    BlockSink list = b -> { };
    assertTrue(list.retainsBlocks());
  }
}

package io.carmint.car;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.carmint.block.Block;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundBlockSinkTest {
  static List<Block> blocks(int n) {
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Block.create(Multicodec.RAW, HashFunction.SHA2_256, new byte[] {(byte) i, (byte) (i >> 8)}));
    }
    return out;
  }

  @Test
  void blocksArriveInOrder() throws IOException {
    List<Block> in = blocks(2000);
    List<Block> out = Collections.synchronizedList(new ArrayList<>());
    try (BackgroundBlockSink sink = new BackgroundBlockSink(out::add, 5)) {
      for (Block b : in) {
        sink.put(b);
      }
    }
    assertEquals(in, out);
  }

  @Test
  void theTargetsFailureIsRethrown() throws IOException {
    IOException boom = new IOException("disk full");
    List<Block> in = blocks(50);
    BackgroundBlockSink sink = new BackgroundBlockSink(b -> {
      if (b.equals(in.get(5))) {
        throw boom;
      }
    }, 1);
    IOException seen = null;
    for (Block b : in) {
      try {
        sink.put(b);
      } catch (IOException e) {
        seen = e;
        break;
      }
    }
    IOException onClose = assertThrows(IOException.class, sink::close);
    assertSame(boom, onClose);
    if (seen != null) {
      assertSame(boom, seen);
    }
    assertThrows(IllegalStateException.class, () -> sink.put(in.get(0)));
  }
}

package io.carmint.unixfs.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trickle shape, written out from boxo's recursive definition (root: up to maxLinks leaves, then layerRepeat
 * subtrees of depth 1, 2, 3…; a depth-d subtree: up to maxLinks leaves, then layerRepeat subtrees of each depth 1
 * to d−1). The reference vectors check the real thing at Kubo's sizes.
 */
class TrickleLayoutTest {
  /** Builds with fake CIDs, returning the tree as nested brackets of leaf numbers. */
  private static String shape(int maxLinks, int repeat, int leaves, boolean lastShort) throws IOException {
    Map<Cid, String> names = new HashMap<>();
    FileBuilder b = new TrickleLayout(maxLinks, repeat).newFile(children -> {
      StringBuilder s = new StringBuilder("(");
      for (FileLink c : children) {
        s.append(s.length() > 1 ? " " : "").append(names.get(c.cid()));
      }
      String text = s.append(')').toString();
      Cid cid = Cid.v1(Multicodec.DAG_PB, HashFunction.SHA2_256.digest(text.getBytes(StandardCharsets.UTF_8)));
      names.put(cid, text);
      return new FileLink(cid, 0, 0);
    });
    FileLink last = null;
    for (int i = 1; i <= leaves; i++) {
      Cid cid = Cid.v1(Multicodec.RAW, HashFunction.SHA2_256.digest(new byte[] {(byte) i, (byte) (i >> 8)}));
      names.put(cid, Integer.toString(i));
      FileLink leaf = new FileLink(cid, 1, 1);
      if (i == leaves && lastShort) {
        last = leaf;
      } else {
        b.add(leaf);
      }
    }
    return names.get(b.finish(last).cid());
  }

  @Test
  void smallShapes() throws IOException {
    assertEquals("1", shape(2, 2, 1, false));
    assertEquals("1", shape(2, 2, 1, true));
    assertEquals("(1 2)", shape(2, 2, 2, true));
    assertEquals("(1 2 (3))", shape(2, 2, 3, false));
    assertEquals("(1 2 (3 4) (5 6) (7 8 (9 10) (11 12)) (13 14 (15 16) (17 18)) (19))", shape(2, 2, 19, false));
  }

  @Test
  void depthThreeSubtreeHoldsDepthOneThenDepthTwoSubtrees() throws IOException {
    // maxLinks 2, layerRepeat 1: root 1 2, then one subtree of each depth: d1 (3 4), d2 (5 6 (7 8)),
    // d3 (9 10 (11 12) (13 14 (15 16)))
    assertEquals("(1 2 (3 4) (5 6 (7 8)) (9 10 (11 12) (13 14 (15 16))))", shape(2, 1, 16, false));
  }
}

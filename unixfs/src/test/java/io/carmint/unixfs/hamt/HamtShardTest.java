package io.carmint.unixfs.hamt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.UnixFsData;
import io.carmint.unixfs.UnixFsType;
import io.carmint.unixfs.WrittenNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HamtShardTest {
  private static final WrittenNode LEAF =
      new WrittenNode(Cid.v1(Multicodec.RAW, HashFunction.SHA2_256.digest(new byte[] {1})), 1);

  private static Map<Cid, byte[]> write(HamtShard shard, List<Cid> order) throws Exception {
    Map<Cid, byte[]> blocks = new LinkedHashMap<>();
    shard.write(block -> {
      Cid cid = Cid.v1(Multicodec.DAG_PB, HashFunction.SHA2_256.digest(block));
      blocks.put(cid, block);
      order.add(cid);
      return cid;
    });
    return blocks;
  }

  @Test
  void specExampleNamesMeetInASubShardWithBigEndianBitfields() throws Exception {
    // 470.txt and 742.txt hash to 00 6E… and 00 FF…: both in bucket 00 of the root, then 6E and FF one level down
    HamtShard shard = new HamtShard(256);
    shard.put("470.txt", LEAF);
    shard.put("742.txt", LEAF);
    List<Cid> order = new ArrayList<>();
    Map<Cid, byte[]> blocks = write(shard, order);
    assertEquals(2, blocks.size());
    PbNode root = DagPb.decode(blocks.get(order.get(1)));
    assertEquals(List.of("00"), root.links().stream().map(PbLink::nameOrEmpty).toList());
    assertEquals("01", HexFormat.of().formatHex(UnixFsData.decode(root.data().get()).data().get().toByteArray()));
    PbNode sub = DagPb.decode(blocks.get(order.get(0)));
    assertEquals(List.of("6E470.txt", "FF742.txt"), sub.links().stream().map(PbLink::nameOrEmpty).toList());
    UnixFsData subData = UnixFsData.decode(sub.data().get());
    // bit 0xFF is the top bit of the first of 32 bytes; bit 0x6E = 110 is byte 31 - 13 = 18, mask 1 << 6
    byte[] expected = new byte[32];
    expected[0] = (byte) 0x80;
    expected[18] = 0x40;
    assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(subData.data().get().toByteArray()));
    assertEquals(UnixFsType.HAMT_SHARD, subData.type());
    assertEquals(256, subData.fanout().getAsLong());
    assertEquals(0x22, subData.hashType().getAsLong());
  }

  @Test
  void shapeDoesNotDependOnInsertionOrder() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      names.add("f" + i);
    }
    HamtShard a = new HamtShard(256);
    names.forEach(n -> a.put(n, LEAF));
    Collections.shuffle(names, new java.util.Random(7));
    HamtShard b = new HamtShard(256);
    names.forEach(n -> b.put(n, LEAF));
    List<Cid> oa = new ArrayList<>();
    List<Cid> ob = new ArrayList<>();
    write(a, oa);
    write(b, ob);
    assertEquals(oa, ob);
    assertEquals(3000, a.size());
  }

  @Test
  void rejectsDuplicatesAndBadFanouts() {
    HamtShard shard = new HamtShard(256);
    shard.put("x", LEAF);
    assertThrows(IllegalArgumentException.class, () -> shard.put("x", LEAF));
    assertThrows(IllegalArgumentException.class, () -> new HamtShard(2048));
    assertThrows(IllegalArgumentException.class, () -> new HamtShard(100));
    assertTrue(new HamtShard(1024).size() == 0);
  }
}

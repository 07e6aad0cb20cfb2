package io.carmint.client;

import io.carmint.block.Block;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.client.gateway.TestDags;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** CAR files for the client's tests, built block by block with carmint's CAR writer, streamed to disk. */
final class Cars {
  private Cars() {
  }

  static Block raw(long seed, int size) {
    return Block.create(Multicodec.RAW, HashFunction.SHA2_256, TestDags.random(seed, size));
  }

  /** A CAR of one raw block: its root is that block. */
  static Cid single(Path file, long seed, int size) throws IOException {
    Block b = raw(seed, size);
    write(file, b.cid(), List.of(b));
    return b.cid();
  }

  static void write(Path file, Cid root, List<Block> blocks) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
        CarWriter w = CarWriter.create(ch, List.of(root), CarWriteOptions.DEFAULTS)) {
      for (Block b : blocks) {
        w.put(b);
      }
      w.finish();
    }
  }

  /**
   * Writes a CAR of a flat DAG: a dag-pb root linking {@code leaves} raw leaves of {@code leafSize} pseudo-random
   * bytes, generated one at a time (memory is one leaf), root last.
   *
   * @return the root
   */
  static Cid flat(Path file, long seed, int leaves, int leafSize) throws IOException {
    Cid placeholder = CarWriter.placeholder(1, Multicodec.DAG_PB, HashFunction.SHA2_256);
    List<PbLink> links = new ArrayList<>();
    try (CarWriter w = CarWriter.createFile(file, placeholder, CarWriteOptions.DEFAULTS)) {
      for (int i = 0; i < leaves; i++) {
        Block leaf = raw(seed + i, leafSize);
        w.put(leaf);
        links.add(PbLink.of(leaf.cid(), "", leafSize));
      }
      Block root = Block.create(Multicodec.DAG_PB, HashFunction.SHA2_256, DagPb.encode(PbNode.of(links)));
      w.put(root);
      w.finish(root.cid());
      return root.cid();
    }
  }
}

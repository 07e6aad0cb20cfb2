package io.carmint.testkit;

import io.carmint.block.Block;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.dagcbor.DagCbor;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Varint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small DAGs and CARs built block by block for the service's tests. */
final class TestDags {
  private TestDags() {
  }

  static Block raw(long seed, int size) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return Block.create(Multicodec.RAW, HashFunction.SHA2_256, data);
  }

  /** A dag-pb node linking {@code children} with their cumulative sizes. */
  static Block node(List<Block> children, List<Long> tsizes) {
    List<PbLink> links = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      links.add(PbLink.of(children.get(i).cid(), "", tsizes.get(i)));
    }
    return Block.create(Multicodec.DAG_PB, HashFunction.SHA2_256, DagPb.encode(PbNode.of(links)));
  }

  /** A UnixFS File node over {@code children}, whose bytes counts are {@code sizes} (its blocksizes). */
  static Block fileNode(List<Block> children, List<Long> sizes) {
    List<PbLink> links = new ArrayList<>();
    for (Block c : children) {
      links.add(PbLink.of(c.cid(), "", c.length()));
    }
    byte[] data = io.carmint.unixfs.UnixFsData.fileNode(sizes).encode();
    return Block.create(Multicodec.DAG_PB, HashFunction.SHA2_256, DagPb.encode(PbNode.of(links, data)));
  }

  /** A basic UnixFS directory; {@code entries} in the order given, which must be name order. */
  static Block directory(java.util.Map<String, Block> entries) {
    List<PbLink> links = new ArrayList<>();
    entries.forEach((name, b) -> links.add(PbLink.of(b.cid(), name, b.length())));
    byte[] data = io.carmint.unixfs.UnixFsData.directory().encode();
    return Block.create(Multicodec.DAG_PB, HashFunction.SHA2_256, DagPb.encode(PbNode.of(links, data)));
  }

  static Block node(List<Block> leaves) {
    List<Long> sizes = new ArrayList<>();
    leaves.forEach(b -> sizes.add((long) b.length()));
    return node(leaves, sizes);
  }

  /**
   * A two-level tree: root → {A, B}, A → a0..a2, B → b0..b2 (raw leaves of {@code leafSize}).
   *
   * @return [root, A, a0, a1, a2, B, b0, b1, b2]
   */
  static List<Block> tree(long seed, int leafSize) {
    List<Block> a = List.of(raw(seed, leafSize), raw(seed + 1, leafSize), raw(seed + 2, leafSize));
    List<Block> b = List.of(raw(seed + 3, leafSize), raw(seed + 4, leafSize), raw(seed + 5, leafSize));
    Block na = node(a);
    Block nb = node(b);
    long sa = na.length() + 3L * leafSize;
    long sb = nb.length() + 3L * leafSize;
    Block root = node(List.of(na, nb), List.of(sa, sb));
    List<Block> all = new ArrayList<>();
    all.add(root);
    all.add(na);
    all.addAll(a);
    all.add(nb);
    all.addAll(b);
    return all;
  }

  static byte[] car(List<Cid> roots, List<Block> blocks) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CarWriter w = CarWriter.create(Channels.newChannel(out), roots, CarWriteOptions.DEFAULTS)) {
      for (Block b : blocks) {
        w.put(b);
      }
      w.finish();
    }
    return out.toByteArray();
  }

  static byte[] car(Cid root, List<Block> blocks) throws IOException {
    return car(List.of(root), blocks);
  }

  /** A CARv1 written section by section, for headers the writer refuses (zero roots). */
  static byte[] rawCar(List<Cid> roots, List<Block> blocks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = DagCbor.encodeCarV1Header(roots);
    out.writeBytes(Varint.encode(header.length));
    out.writeBytes(header);
    for (Block b : blocks) {
      byte[] cid = b.cid().toBytes();
      byte[] data = b.toBytes();
      out.writeBytes(Varint.encode(cid.length + data.length));
      out.writeBytes(cid);
      out.writeBytes(data);
    }
    return out.toByteArray();
  }

  /** The CID NFT.Storage gives a CAR file: CIDv1, codec car (0x0202), sha2-256 of its bytes (JDK digest). */
  static String carCid(byte[] car) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(car);
      return Cid.v1(Multicodec.CAR, io.carmint.multiformats.Multihash.of(0x12, digest)).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}

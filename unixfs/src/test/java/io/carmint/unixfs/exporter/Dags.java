package io.carmint.unixfs.exporter;

import io.carmint.block.Block;
import io.carmint.dagpb.Bytes;
import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.UnixFsData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: builds UnixFS DAGs block by block, including ones no importer would make (hostile names, lying
 * sizes, repeated sub-DAGs), into an in-memory store.
 */
public final class Dags {
  public final MemoryBlocks store = new MemoryBlocks();

  public Cid raw(byte[] data) {
    Cid cid = Cid.v1(Multicodec.RAW, HashFunction.SHA2_256.digest(data));
    store.put(Block.of(cid, data));
    return cid;
  }

  public Cid raw(String text) {
    return raw(text.getBytes(StandardCharsets.UTF_8));
  }

  public Cid node(List<PbLink> links, UnixFsData data) {
    byte[] block = DagPb.encodeInGivenOrder(PbNode.of(links, data.encode()));
    Cid cid = Cid.v1(Multicodec.DAG_PB, HashFunction.SHA2_256.digest(block));
    store.put(Block.of(cid, block));
    return cid;
  }

  /** A file node over {@code children}, each declared {@code childSize} bytes in blocksizes. */
  public Cid fileNode(long childSize, List<Cid> children) {
    List<PbLink> links = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (Cid c : children) {
      links.add(PbLink.of(c, "", childSize));
      sizes.add(childSize);
    }
    return node(links, UnixFsData.fileNode(sizes));
  }

  public Cid symlink(String target) {
    return node(List.of(), UnixFsData.symlink(Bytes.of(target.getBytes(StandardCharsets.UTF_8))));
  }

  /** A basic directory with links in the order given: name, cid, name, cid, … */
  public Cid dir(Object... nameCid) {
    List<PbLink> links = new ArrayList<>();
    for (int i = 0; i < nameCid.length; i += 2) {
      links.add(PbLink.of((Cid) nameCid[i + 1], (String) nameCid[i], 1));
    }
    return node(links, UnixFsData.directory());
  }

  /** A directory linking {@code child} under {@code width} names, nested {@code levels} times. */
  public Cid repeatedDirectory(Cid child, int width, int levels) {
    Cid current = child;
    for (int level = 0; level < levels; level++) {
      Object[] entries = new Object[2 * width];
      for (int i = 0; i < width; i++) {
        entries[2 * i] = "d" + i;
        entries[2 * i + 1] = current;
      }
      current = dir(entries);
    }
    return current;
  }

  /** A file node linking {@code leaf} ({@code leafSize} bytes) {@code width} times, nested {@code levels} times. */
  public Cid repeatedFile(Cid leaf, long leafSize, int width, int levels) {
    Cid current = leaf;
    long size = leafSize;
    for (int level = 0; level < levels; level++) {
      current = fileNode(size, java.util.Collections.nCopies(width, current));
      size *= width;
    }
    return current;
  }
}

package io.carmint.dagpb;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dag-pb block, checked as strictly as {@link DagPb#decode}, whose links are decoded one at a time when asked for
 * ({@link DagPb#view}). Memory is the block plus 4 bytes per link, where a {@link PbNode} holds a few hundred bytes
 * per link: readers of blocks from untrusted sources (a directory block of 8 MiB can hold half a million links) use
 * it to stay within a small heap.
 *
 * <pre>{@code
 * PbNodeView node = DagPb.view(block.data());
 * for (int i = 0; i < node.linkCount(); i++) {
 *   PbLink link = node.link(i);               // decoded now; not kept
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe (each {@link #link} decodes from its own duplicate of the block).
 */
public final class PbNodeView {
  private final ByteBuffer block; // read-only, position 0
  private final int[] linkOffsets;
  private final Optional<Bytes> data;

  PbNodeView(ByteBuffer block, int[] linkOffsets, Optional<Bytes> data) {
    this.block = block;
    this.linkOffsets = linkOffsets;
    this.data = data;
  }

  /** @return the number of links */
  public int linkCount() {
    return linkOffsets.length;
  }

  /**
   * @param index the link's index
   * @return link {@code index}, decoded from the block (a new object on every call)
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #linkCount()}
   */
  public PbLink link(int index) {
    Objects.checkIndex(index, linkOffsets.length);
    return DagPb.linkAt(block.duplicate(), linkOffsets[index]);
  }

  /** @return the Data field, if present */
  public Optional<Bytes> data() {
    return data;
  }

  /** @return the whole node, every link decoded */
  public PbNode toNode() {
    List<PbLink> links = new ArrayList<>(linkOffsets.length);
    for (int i = 0; i < linkOffsets.length; i++) {
      links.add(link(i));
    }
    return new PbNode(links, data);
  }
}

package io.carmint.unixfs.importer;

import io.carmint.block.Block;
import io.carmint.dagpb.DagPb;
import io.carmint.unixfs.UnixFsData;
import java.nio.ByteBuffer;

/**
 * Makes a file's leaf blocks from its chunks, in the chunk's own buffer: a raw leaf is the chunk itself; a dag-pb
 * leaf is {@code PBNode{Data: UnixFS{Type: File, Data: chunk, filesize}}}, whose framing around the chunk
 * ({@link DagPb#writeDataHeader}, {@link UnixFsData#writeFileLeafHeader}, {@link UnixFsData#writeFileLeafTrailer})
 * is written into the room the buffer keeps before and after it, so the chunk is never copied. The bytes are those
 * of {@code DagPb.encode(PbNode.of(List.of(), UnixFsData.file(chunk).encode()))}. Immutable and thread-safe: runs
 * on the hashing pool, and each call writes only into its own chunk's buffer.
 */
final class LeafEncoder {
  private final boolean rawLeaves;
  private final BlockCids cids;

  LeafEncoder(boolean rawLeaves, BlockCids cids) {
    this.rawLeaves = rawLeaves;
    this.cids = cids;
  }

  /** @return the room a chunk buffer keeps before a chunk of at most {@code chunkSize} bytes for its framing */
  static int headRoom(boolean rawLeaves, int chunkSize) {
    return rawLeaves ? 0 : headerLength(chunkSize); // the framing only grows with the chunk
  }

  /** @return the room a chunk buffer keeps after a chunk of at most {@code chunkSize} bytes for its framing */
  static int tailRoom(boolean rawLeaves, int chunkSize) {
    return rawLeaves ? 0 : UnixFsData.fileLeafTrailerLength(chunkSize);
  }

  /** The dag-pb Data field's header and the UnixFS message's part before the chunk. */
  private static int headerLength(int n) {
    return DagPb.dataHeaderLength(UnixFsData.fileLeafLength(n)) + UnixFsData.fileLeafHeaderLength(n);
  }

  /** Writes the framing before a chunk of {@code n} bytes at {@code out[offset]}; returns its length. */
  private static int writeHeader(int n, byte[] out, int offset) {
    int h = DagPb.writeDataHeader(UnixFsData.fileLeafLength(n), out, offset);
    return h + UnixFsData.writeFileLeafHeader(n, out, offset + h);
  }

  /** @return the leaf block of {@code c}, a view of its buffer */
  Block leaf(Chunk c) {
    if (c.direct() != null) {
      return directLeaf(c);
    }
    byte[] buf = c.buf();
    int n = c.length();
    if (rawLeaves) {
      return Block.wrap(cids.raw(buf, c.offset(), n), buf, c.offset(), n);
    }
    int start = c.offset() - headerLength(n);
    writeHeader(n, buf, start);
    int end = c.offset() + n + UnixFsData.writeFileLeafTrailer(n, buf, c.offset() + n);
    return Block.wrap(cids.dagPb(buf, start, end - start), buf, start, end - start);
  }

  /** As {@link #leaf} for a chunk in a direct buffer: the framing is written through a small array. */
  private Block directLeaf(Chunk c) {
    ByteBuffer buf = c.direct();
    int n = c.length();
    if (rawLeaves) {
      ByteBuffer data = buf.slice(c.offset(), n);
      return Block.wrap(cids.raw(data), data);
    }
    byte[] frame = new byte[headerLength(n)];
    int h = writeHeader(n, frame, 0);
    int start = c.offset() - h;
    buf.put(start, frame, 0, h);
    int t = UnixFsData.writeFileLeafTrailer(n, frame, 0);
    buf.put(c.offset() + n, frame, 0, t);
    ByteBuffer block = buf.slice(start, h + n + t);
    return Block.wrap(cids.dagPb(block), block);
  }
}

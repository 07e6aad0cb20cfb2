package io.carmint.unixfs.exporter;

import io.carmint.dagpb.Bytes;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.unixfs.UnixFsFormatException;
import io.carmint.unixfs.UnixFsType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Streams a file's bytes depth first over its DAG, holding one node per level. Each node's Data is emitted before
 * its children; when a node is done, the bytes it produced must equal what it declares (filesize) and what its
 * parent declares for it (blocksizes). Not thread-safe.
 */
final class FileStream extends InputStream {
  private final Exporter exporter;
  private final int maxDepth;
  private final ArrayDeque<Frame> stack = new ArrayDeque<>();
  private ByteBuffer segment = ByteBuffer.allocate(0);
  private boolean done;
  private boolean closed;

  private static final class Frame {
    final Exporter.Node node;
    final long expected; // -1 if nothing declares it
    final String declaredBy;
    long produced;
    int nextChild;
    boolean dataDone;

    Frame(Exporter.Node node, long expected, String declaredBy) {
      this.node = node;
      this.expected = expected;
      this.declaredBy = declaredBy;
    }
  }

  FileStream(Exporter exporter, Exporter.Node root, int maxDepth) throws IOException {
    this.exporter = exporter;
    this.maxDepth = maxDepth;
    enter(root, -1, null);
  }

  /** Starts reading a node that a parent declares {@code expected} bytes for (-1: the root). */
  private void enter(Exporter.Node n, long expected, String declaredBy) throws IOException {
    if (n.raw()) {
      int len = n.block().length();
      if (expected >= 0 && expected != len) {
        throw mismatch(n, declaredBy + " declares " + expected + " bytes, the raw block holds " + len);
      }
      segment = n.block().data();
      if (!stack.isEmpty()) {
        stack.peek().produced += len;
      }
      return;
    }
    UnixFsType type = n.data().type();
    if (type != UnixFsType.FILE && type != UnixFsType.RAW) {
      throw new UnixFsFormatException("Node " + n.cid() + " inside a file is a " + type + ", not file data");
    }
    if (n.pb().links().size() != n.data().blocksizes().size()) {
      throw mismatch(n, "it has " + n.pb().links().size() + " links but " + n.data().blocksizes().size()
          + " blocksizes");
    }
    if (stack.size() >= maxDepth) {
      throw new LimitExceededException("File DAG " + (stack.size() + 1) + " levels deep at " + n.cid(),
          "Exporter.Builder.maxFileDepth", maxDepth, stack.size() + 1L, -1);
    }
    if (n.data().filesize().isPresent()) {
      long declared = n.data().filesize().getAsLong();
      if (expected >= 0 && expected != declared) {
        throw mismatch(n, declaredBy + " declares " + expected + " bytes, its filesize says " + declared);
      }
      stack.push(new Frame(n, declared, "its filesize"));
    } else {
      stack.push(new Frame(n, expected, declaredBy));
    }
  }

  private UnixFsFormatException mismatch(Exporter.Node n, String what) {
    return new UnixFsFormatException("File node " + n.cid() + " is inconsistent: " + what);
  }

  /** Moves to the next non-empty segment; false at the end of the file. */
  private boolean advance() throws IOException {
    while (!segment.hasRemaining()) {
      if (stack.isEmpty()) {
        done = true;
        return false;
      }
      Frame f = stack.peek();
      if (!f.dataDone) {
        f.dataDone = true;
        Bytes data = f.node.data().data().orElse(Bytes.EMPTY);
        f.produced += data.length();
        segment = data.asReadOnlyBuffer();
        continue;
      }
      if (f.nextChild < f.node.pb().links().size()) {
        int i = f.nextChild++;
        long declared = f.node.data().blocksizes().get(i);
        Exporter.Node child = exporter.load(f.node.pb().links().get(i).hash(),
            "file node " + f.node.cid() + " link " + i);
        int before = stack.size();
        long producedBefore = f.produced;
        enter(child, declared, "its parent " + f.node.cid() + " (blocksizes[" + i + "])");
        if (stack.size() == before && f.produced - producedBefore != declared) {
          throw mismatch(child, "expected " + declared + " bytes");
        }
        continue;
      }
      stack.pop();
      if (f.expected >= 0 && f.produced != f.expected) {
        throw mismatch(f.node, f.declaredBy + " declares " + f.expected + " bytes, its data and children hold "
            + f.produced);
      }
      if (!stack.isEmpty()) {
        stack.peek().produced += f.produced;
      }
    }
    return true;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("Stream closed");
    }
    if (len == 0) {
      return 0;
    }
    if (done || !advance()) {
      return -1;
    }
    int n = Math.min(len, segment.remaining());
    segment.get(b, off, n);
    return n;
  }

  @Override
  public void close() {
    closed = true;
    stack.clear();
    segment = ByteBuffer.allocate(0);
  }
}

package io.carmint.car;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import io.carmint.multiformats.Varint;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a CARv1 as blocks arrive, in the order they arrive (the importer's: children before parents, root last):
 * a {@link BlockSink}. Memory is the staging buffer plus the set of CIDs written (for de-duplication); block bytes
 * are never held.
 *
 * <p>Two ways to get the root into the header, which comes first in the file:
 *
 * <ul>
 *   <li><b>Placeholder</b> ({@link #createWithPlaceholder}, seekable output): the header is written with a
 *       placeholder root of the expected CID length and patched in place by {@link #finish(List)} once the root is
 *       known. If the real root has another length, the payload is moved in place to fit the new header.
 *   <li><b>Root first</b> ({@link #create}, any channel, e.g. a pipe): the caller knows the root beforehand (a
 *       hash-only pass, or a temporary file). A header with zero roots is never written: services reject it.
 * </ul>
 *
 * <pre>{@code
 * try (FileChannel ch = FileChannel.open(out, CREATE, TRUNCATE_EXISTING, WRITE)) {
 *   CarWriter car = CarWriter.createWithPlaceholder(ch, CarWriter.placeholder(1, Multicodec.DAG_PB,
 *       HashFunction.SHA2_256), CarWriteOptions.DEFAULTS);
 *   ImportResult r = importer.importPath(dir, car);   // blocks stream into the CAR
 *   car.finish(r.root());                             // patches the header
 * }
 * }</pre>
 *
 * <p><b>De-duplication:</b> by default a block whose CID was already written is skipped, so a repeated chunk or
 * file is stored once (ipfs-car writes it each time; see {@link CarWriteOptions#deduplicate()}).
 *
 * <p>Not thread-safe: one producer at a time. The writer closes the channel only if it opened it.
 */
public final class CarWriter implements BlockSink, Closeable {
  private static final int DIRECT_WRITE_THRESHOLD = 64 * 1024;

  /** Receives the offset of each section written, counted from the first section. */
  interface SectionListener {
    void section(Cid cid, long offsetFromFirstSection);
  }

  private final WritableByteChannel out;
  private final FileChannel file; // non-null in placeholder mode
  private final boolean ownsChannel;
  private final CarWriteOptions options;
  private final long base;
  private List<Cid> roots;
  private int headerLength;
  private final ByteBuffer staging;
  private final Set<Cid> written = new HashSet<>();
  private SectionListener listener;
  private long sectionBytes;
  private long blocks;
  private long duplicates;
  private boolean finished;
  private boolean closed;

  private CarWriter(WritableByteChannel out, FileChannel file, boolean owns, List<Cid> roots,
      CarWriteOptions options) throws IOException {
    this.out = out;
    this.file = file;
    this.ownsChannel = owns;
    this.options = Objects.requireNonNull(options, "options");
    this.base = file == null ? 0 : file.position();
    this.roots = checkRoots(roots);
    // A file channel writes a direct buffer as it is; from a heap buffer the JDK first copies into a direct one.
    this.staging = out instanceof FileChannel ? ByteBuffer.allocateDirect(options.bufferSize())
        : ByteBuffer.allocate(options.bufferSize());
    byte[] header = CarHeader.of(this.roots).toBytes();
    this.headerLength = header.length;
    staging.put(header);
  }

  private static List<Cid> checkRoots(List<Cid> roots) {
    List<Cid> copy = List.copyOf(roots);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("A CAR needs at least one root; a header with zero roots is rejected by "
          + "services (NFT.Storage, web3.storage)");
    }
    return copy;
  }

  /**
   * Starts a CAR whose roots are known: the header is written first. Works on any channel (pipes, sockets).
   *
   * @param out where the CAR goes
   * @param roots the root CIDs, at least one
   * @param options de-duplication and buffering
   * @return the writer
   * @throws IllegalArgumentException if {@code roots} is empty
   * @throws IOException if writing the header fails
   */
  public static CarWriter create(WritableByteChannel out, List<Cid> roots, CarWriteOptions options)
      throws IOException {
    return new CarWriter(Objects.requireNonNull(out, "out"), null, false, roots, options);
  }

  /**
   * Starts a CAR at the file channel's current position with a header holding {@code placeholder}, to be replaced
   * by {@link #finish(List)}. Use a placeholder of the length the root will have (see {@link #placeholder}) so
   * the patch is a single in-place write.
   *
   * @param out where the CAR goes
   * @param placeholder a CID of the root's length
   * @param options de-duplication and buffering
   * @return the writer
   * @throws IOException if writing the header fails
   */
  public static CarWriter createWithPlaceholder(FileChannel out, Cid placeholder, CarWriteOptions options)
      throws IOException {
    return new CarWriter(Objects.requireNonNull(out, "out"), out, false, List.of(placeholder), options);
  }

  /**
   * Creates (or truncates) {@code path} and starts a placeholder CAR in it; the writer owns the file and closes it.
   *
   * @param path the file
   * @param placeholder a CID of the root's length
   * @param options de-duplication and buffering
   * @return the writer
   * @throws IOException if the file cannot be created or written
   */
  public static CarWriter createFile(Path path, Cid placeholder, CarWriteOptions options) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE, StandardOpenOption.READ);
    try {
      return new CarWriter(ch, ch, true, List.of(placeholder), options);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * @param cidVersion the root's CID version
   * @param codec the root's codec
   * @param hash the root's hash function
   * @return a placeholder root of the length a CID with this version, codec and hash function has (all-zero
   *     digest): 36 bytes for any CIDv1 sha2-256 with a one-byte codec, 34 for a CIDv0
   * @throws IllegalArgumentException for version 0 with another codec or hash than dag-pb and sha2-256, or the
   *     identity hash (whose length varies)
   */
  public static Cid placeholder(int cidVersion, Multicodec codec, HashFunction hash) {
    if (hash.digestLength() < 0) {
      throw new IllegalArgumentException("No fixed-length placeholder for hash function " + hash);
    }
    return Cid.of(cidVersion, codec, Multihash.of(hash.code(), new byte[hash.digestLength()]));
  }

  void listener(SectionListener l) {
    this.listener = l;
  }

  /**
   * @return {@code false}: {@link #put} has copied or written a block's bytes when it returns (it keeps CIDs only,
   *     for de-duplication), so producers may reuse the block's memory
   */
  @Override
  public boolean retainsBlocks() {
    return false;
  }

  /**
   * Writes one section unless its CID was already written (with de-duplication on).
   *
   * @throws IllegalStateException if the writer is finished or closed
   * @throws IOException if writing fails
   */
  @Override
  public void put(Block block) throws IOException {
    if (finished || closed) {
      throw new IllegalStateException("CarWriter is " + (closed ? "closed" : "finished"));
    }
    Cid cid = block.cid();
    if (options.deduplicate() && !written.add(cid)) {
      duplicates++;
      return;
    }
    int len = block.length();
    long sectionLen = (long) cid.byteLength() + len;
    int prefix = Varint.encodedLength(sectionLen) + cid.byteLength();
    if (listener != null) {
      listener.section(cid, sectionBytes);
    }
    if (staging.remaining() < prefix) {
      flush();
    }
    Varint.write(sectionLen, staging);
    cid.writeTo(staging);
    if (len >= DIRECT_WRITE_THRESHOLD || len > staging.remaining()) {
      staging.flip();
      writeFully(staging, block.data());
      staging.clear();
    } else {
      staging.put(block.data());
    }
    sectionBytes = Math.addExact(sectionBytes, prefix + len);
    blocks++;
  }

  private void writeFully(ByteBuffer a, ByteBuffer b) throws IOException {
    if (out instanceof GatheringByteChannel) {
      ByteBuffer[] both = {a, b};
      GatheringByteChannel g = (GatheringByteChannel) out;
      while (b.hasRemaining()) {
        g.write(both);
      }
    } else {
      while (a.hasRemaining()) {
        out.write(a);
      }
      while (b.hasRemaining()) {
        out.write(b);
      }
    }
  }

  private void flush() throws IOException {
    staging.flip();
    while (staging.hasRemaining()) {
      out.write(staging);
    }
    staging.clear();
  }

  /**
   * Ends a root-first CAR: writes out what is buffered.
   *
   * @throws IllegalStateException if this is a placeholder CAR (use {@link #finish(List)})
   * @throws IOException if writing fails
   */
  public void finish() throws IOException {
    if (file != null) {
      throw new IllegalStateException("A placeholder CAR must be finished with its roots: finish(roots)");
    }
    finish(roots);
  }

  /**
   * {@link #finish(List)} with one root.
   *
   * @param root the root CID
   * @throws IOException if writing fails
   */
  public void finish(Cid root) throws IOException {
    finish(List.of(root));
  }

  /**
   * Ends the CAR: writes out what is buffered and, for a placeholder CAR, writes {@code roots} into the header (in
   * place if its length is unchanged, else moving the payload). For a root-first CAR, {@code roots} must be the
   * roots it was created with.
   *
   * @param roots the root CIDs
   * @throws IllegalArgumentException if {@code roots} is empty, or differs from a root-first CAR's roots
   * @throws IllegalStateException if already finished or closed
   * @throws IOException if writing fails
   */
  public void finish(List<Cid> roots) throws IOException {
    if (finished || closed) {
      throw new IllegalStateException("CarWriter is already " + (closed ? "closed" : "finished"));
    }
    List<Cid> r = checkRoots(roots);
    if (file == null && !r.equals(this.roots)) {
      throw new IllegalArgumentException("This CAR was started with roots " + this.roots + " and cannot end with "
          + r + "; use a placeholder CAR on a seekable file when the root is not known first");
    }
    flush();
    if (file != null) {
      byte[] header = CarHeader.of(r).toBytes();
      if (header.length != headerLength) {
        movePayload(header.length - headerLength);
      }
      ByteBuffer h = ByteBuffer.wrap(header);
      while (h.hasRemaining()) {
        file.write(h, base + h.position());
      }
      headerLength = header.length;
      file.position(base + headerLength + sectionBytes);
    }
    this.roots = r;
    finished = true;
  }

  /** Moves the sections by {@code delta} bytes within the file (the new header has another length). */
  private void movePayload(int delta) throws IOException {
    long start = base + headerLength;
    long end = start + sectionBytes;
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(1 << 20, Math.max(1, sectionBytes)));
    if (delta > 0) {
      long pos = end;
      while (pos > start) {
        int n = (int) Math.min(buf.capacity(), pos - start);
        pos -= n;
        copy(buf, pos, pos + delta, n);
      }
    } else {
      long pos = start;
      while (pos < end) {
        int n = (int) Math.min(buf.capacity(), end - pos);
        copy(buf, pos, pos + delta, n);
        pos += n;
      }
      file.truncate(end + delta);
    }
  }

  private void copy(ByteBuffer buf, long from, long to, int n) throws IOException {
    buf.clear().limit(n);
    while (buf.hasRemaining()) {
      if (file.read(buf, from + buf.position()) < 0) {
        throw new IOException("CAR file shrank while its header was being rewritten");
      }
    }
    buf.flip();
    while (buf.hasRemaining()) {
      file.write(buf, to + buf.position());
    }
  }

  /** @return the roots in the header (the placeholder until a placeholder CAR is finished) */
  public List<Cid> roots() {
    return roots;
  }

  /** @return bytes of the CAR so far: header and sections, buffered or written */
  public long size() {
    return headerLength + sectionBytes;
  }

  /** @return the header's length in bytes, length varint included */
  public int headerLength() {
    return headerLength;
  }

  /** @return blocks written (duplicates skipped are not counted) */
  public long blockCount() {
    return blocks;
  }

  /** @return blocks skipped because their CID was already written */
  public long duplicateCount() {
    return duplicates;
  }

  /**
   * Closes the writer. A root-first CAR that was not finished is finished; a placeholder CAR that was not finished
   * (an import failed) is truncated to nothing, so a CAR with a placeholder root never survives. The channel is
   * closed only if the writer opened it.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      if (!finished) {
        if (file == null) {
          finish(roots);
        } else {
          file.truncate(base);
        }
      }
    } finally {
      closed = true;
      if (ownsChannel) {
        out.close();
      }
    }
  }
}

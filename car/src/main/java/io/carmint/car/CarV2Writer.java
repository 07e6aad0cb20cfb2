package io.carmint.car;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.car.index.CarIndex;
import io.carmint.car.index.IndexRecord;
import io.carmint.car.index.IndexSorted;
import io.carmint.car.index.MultihashIndexSorted;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multicodec;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a CARv2 as go-car does: pragma, 40-byte header, the CARv1 payload (written as blocks arrive, by a
 * {@link CarWriter}), then a sorted index of the sections. The header and the payload's root are patched at
 * {@link #finish(List)}, so the output must be a seekable file; to send a CARv2 down a pipe, write it to a
 * temporary file first.
 *
 * <pre>
 * | pragma 11 B | header 40 B | dataPadding | CARv1 payload | indexPadding | index |
 * </pre>
 *
 * <p>With {@link CarV2WriteOptions#DEFAULTS} the bytes are those of go-car's {@code car.WrapV1} for the same
 * payload. Index offsets are of sections from the start of the payload; identity CIDs are left out unless
 * {@link CarV2WriteOptions#storeIdentityCids()}. Memory: the CarWriter's plus one index record per block.
 *
 * <p>Not thread-safe.
 */
public final class CarV2Writer implements BlockSink, Closeable {
  private final FileChannel file;
  private final boolean ownsChannel;
  private final CarV2WriteOptions options;
  private final long base;
  private final long dataOffset;
  private final CarWriter payload;
  private final List<IndexRecord> records = new ArrayList<>();
  private boolean finished;
  private boolean closed;

  private CarV2Writer(FileChannel file, boolean owns, Cid placeholder, CarV2WriteOptions options)
      throws IOException {
    this.file = file;
    this.ownsChannel = owns;
    this.options = Objects.requireNonNull(options, "options");
    this.base = file.position();
    this.dataOffset = CarV2Header.MIN_DATA_OFFSET + options.dataPadding();
    writeZeros(base, dataOffset); // pragma and header are written at finish
    file.position(base + dataOffset);
    this.payload = CarWriter.createWithPlaceholder(file, placeholder, options.car());
    payload.listener((cid, offset) -> {
      if (options.storeIdentityCids() || !cid.multihash().isIdentity()) {
        records.add(new IndexRecord(cid.multihash(), offset));
      }
    });
  }

  /**
   * Starts a CARv2 at the channel's position, its payload header holding {@code placeholder} until
   * {@link #finish(List)} (see {@link CarWriter#placeholder}).
   *
   * @param out where the CARv2 goes
   * @param placeholder a CID of the root's length
   * @param options payload, padding and index options
   * @return the writer
   * @throws IOException if writing fails
   */
  public static CarV2Writer createWithPlaceholder(FileChannel out, Cid placeholder, CarV2WriteOptions options)
      throws IOException {
    return new CarV2Writer(Objects.requireNonNull(out, "out"), false, placeholder, options);
  }

  /**
   * Creates (or truncates) {@code path} and starts a CARv2 in it; the writer owns the file.
   *
   * @param path the file
   * @param placeholder a CID of the root's length
   * @param options payload, padding and index options
   * @return the writer
   * @throws IOException if the file cannot be created or written
   */
  public static CarV2Writer createFile(Path path, Cid placeholder, CarV2WriteOptions options) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE, StandardOpenOption.READ);
    try {
      return new CarV2Writer(ch, true, placeholder, options);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Wraps an existing CARv1 file as a CARv2, like go-car's {@code car.WrapV1}: the payload is copied unmodified
   * and indexed. The CARv1 is read with {@code readOptions} (its structure is checked; block hashes are not read).
   *
   * @param carV1 the CARv1 to wrap
   * @param carV2 the CARv2 to write
   * @param readOptions how the CARv1 is read
   * @param options padding and index options
   * @throws IOException as {@link CarFile#open(Path, CarReadOptions)}, if the source is not a CARv1, or if
   *     writing fails
   */
  public static void wrap(Path carV1, Path carV2, CarReadOptions readOptions, CarV2WriteOptions options)
      throws IOException {
    try (FileChannel in = FileChannel.open(carV1, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(carV2, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      CarIndexer.writeIndexed(in, out, readOptions, options, true);
    }
  }

  private static CarIndex index(List<IndexRecord> records, Multicodec codec) {
    return codec.equals(Multicodec.CAR_INDEX_SORTED) ? IndexSorted.of(records) : MultihashIndexSorted.of(records);
  }

  /**
   * Writes one block to the payload (skipped if its CID was already written, with de-duplication on).
   *
   * @throws IllegalStateException if finished or closed
   * @throws IOException if writing fails
   */
  @Override
  public void put(Block block) throws IOException {
    payload.put(block);
  }

  /** @return {@code false}: as {@link CarWriter#retainsBlocks()} (the index keeps CIDs and offsets only) */
  @Override
  public boolean retainsBlocks() {
    return false;
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
   * Ends the CARv2: patches the payload's roots, writes the index, then the pragma and header.
   *
   * @param roots the root CIDs, at least one
   * @throws IllegalArgumentException if {@code roots} is empty
   * @throws IllegalStateException if already finished or closed
   * @throws IOException if writing fails
   */
  public void finish(List<Cid> roots) throws IOException {
    if (finished || closed) {
      throw new IllegalStateException("CarV2Writer is already " + (closed ? "closed" : "finished"));
    }
    payload.finish(roots);
    int headerLength = payload.headerLength();
    List<IndexRecord> shifted = new ArrayList<>(records.size());
    for (IndexRecord r : records) {
      shifted.add(new IndexRecord(r.multihash(), r.offset() + headerLength));
    }
    long dataSize = payload.size();
    CarV2Header h = CarV2Header.of(dataSize, options.dataPadding(), true, options.indexPadding(),
        options.storeIdentityCids());
    writeZeros(base + h.dataOffset() + dataSize, options.indexPadding());
    byte[] index = index(shifted, options.indexCodec()).toBytes();
    writeAll(file, ByteBuffer.wrap(index), base + h.indexOffset());
    writeAll(file, ByteBuffer.wrap(Car.v2Prefix(h)), base);
    file.position(base + h.indexOffset() + index.length);
    finished = true;
  }

  /** @return the payload writer's block count */
  public long blockCount() {
    return payload.blockCount();
  }

  /** @return blocks skipped as duplicates */
  public long duplicateCount() {
    return payload.duplicateCount();
  }

  private void writeZeros(long at, long n) throws IOException {
    writeZeros(file, at, n);
  }

  private static void writeZeros(FileChannel ch, long at, long n) throws IOException {
    ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(n, 64 * 1024));
    long done = 0;
    while (done < n) {
      zeros.clear().limit((int) Math.min(zeros.capacity(), n - done));
      done += writeAll(ch, zeros, at + done);
    }
  }

  private static int writeAll(FileChannel ch, ByteBuffer b, long at) throws IOException {
    int n = b.remaining();
    while (b.hasRemaining()) {
      ch.write(b, at + (n - b.remaining()));
    }
    return n;
  }

  /**
   * Closes the writer. An unfinished CARv2 is truncated to nothing (its payload holds a placeholder root). The
   * channel is closed only if the writer opened it.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      if (!finished) {
        payload.close();
        file.truncate(base);
      }
    } finally {
      closed = true;
      if (ownsChannel) {
        file.close();
      }
    }
  }
}

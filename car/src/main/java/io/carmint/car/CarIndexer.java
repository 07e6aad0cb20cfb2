package io.carmint.car;

import io.carmint.car.index.CarIndex;
import io.carmint.car.index.IndexRecord;
import io.carmint.car.index.IndexSorted;
import io.carmint.car.index.MultihashIndexSorted;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multicodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds, rebuilds and detaches CARv2 indexes as go-car does, from a CAR file (CARv1 or CARv2) to any output
 * channel (a file, or standard output: the output is written front to back, never seeked).
 *
 * <ul>
 *   <li>{@link #writeIndexed}: the CAR as a CARv2 with a freshly built index. For a CARv1 the bytes are those of
 *       go-car's {@code car.WrapV1}; for a CARv2 its payload is copied unchanged behind a new header (data offset
 *       51: padding is dropped) and its old index, trusted or not, is replaced.
 *   <li>{@link #build}: only the index, as go-car's {@code car index create} writes it.
 *   <li>{@link #detach}: a CARv2's embedded index alone, as go-car's {@code car detach-index}, after checking that
 *       it is the index of the payload (go-car copies it unchecked).
 * </ul>
 *
 * <pre>{@code
 * CarIndexer.Written w;
 * try (FileChannel in = FileChannel.open(v1Car, StandardOpenOption.READ);
 *     FileChannel out = FileChannel.open(v2Car, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
 *   w = CarIndexer.writeIndexed(in, out, CarReadOptions.DEFAULTS, CarV2WriteOptions.DEFAULTS); // go-car's bytes
 * }
 * }</pre>
 *
 * <p>The CAR is read twice: once to find its sections (block bytes are skipped, not read or hashed; the structure
 * is checked as {@link CarFile} checks it), then to copy the payload. Memory is one index record per section (about
 * 100 bytes) plus the encoded index, never the blocks; an index larger than {@link CarReadOptions#maxIndexSize()}
 * (which readers would refuse) is refused while scanning, which bounds that memory. Identity CIDs are left out of the index unless
 * {@link CarV2WriteOptions#storeIdentityCids()}, which also sets the "fully indexed" characteristic. Entries with
 * the same digest are ordered by offset (go-car leaves their order to its sort). Stateless and thread-safe.
 */
public final class CarIndexer {
  private CarIndexer() {}

  /**
   * What {@link #writeIndexed} or {@link #detach} wrote.
   *
   * @param header the CARv2 header written (for {@link #detach}, the source's)
   * @param indexCodec the index's codec
   * @param indexEntries the index's entries
   * @param bytes bytes written
   */
  public record Written(CarV2Header header, Multicodec indexCodec, long indexEntries, long bytes) {}

  /** A scanned CAR: where its payload is and the index records of all its sections. */
  private record Scan(int version, CarV2Header v2Header, long payloadOffset, long payloadSize,
      List<IndexRecord> records) {}

  private static Scan scan(FileChannel car, CarReadOptions options) throws IOException {
    CarParser parser = new CarParser(CarInput.of(car, 0), Objects.requireNonNull(options, "options"));
    parser.open();
    CarV2Header h = parser.v2Header().orElse(null);
    long base = h == null ? 0 : h.dataOffset();
    List<IndexRecord> records = new ArrayList<>();
    long entryBytes = 0;
    for (CarParser.Section s = parser.next(false); s != null; s = parser.next(false)) {
      BlockLocation loc = s.location();
      entryBytes = checkIndexSize(entryBytes, loc.cid().multihash().digestLength(), loc.offset(), options);
      records.add(new IndexRecord(loc.cid().multihash(), loc.offset() - base));
    }
    long size = h == null ? car.size() : h.dataSize();
    return new Scan(parser.version(), h, base, size, records);
  }

  /**
   * Counts one more index entry of a {@code digestLength}-byte digest: an index bigger than the readers accept
   * ({@link CarReadOptions#maxIndexSize()}) is refused while the CAR is scanned, which also bounds the memory the
   * entries take (about 100 bytes each: 256 MiB of 40-byte entries is 6.7 million, some 700 MB of heap).
   *
   * @return the entries' bytes so far
   * @throws LimitExceededException if they pass the limit
   */
  static long checkIndexSize(long entryBytes, int digestLength, long offset, CarReadOptions options)
      throws LimitExceededException {
    long n = entryBytes + digestLength + 8L;
    if (n > options.maxIndexSize()) {
      throw new LimitExceededException("The CAR's index would pass " + Car.fmt(options.maxIndexSize()) + " bytes at "
          + "the section at offset " + Car.fmt(offset), "CarReadOptions.maxIndexSize", options.maxIndexSize(), n,
          offset);
    }
    return n;
  }

  private static CarIndex index(List<IndexRecord> all, CarV2WriteOptions options) {
    List<IndexRecord> records = options.storeIdentityCids() ? all : withoutIdentity(all);
    return options.indexCodec().equals(Multicodec.CAR_INDEX_SORTED) ? IndexSorted.of(records)
        : MultihashIndexSorted.of(records);
  }

  private static List<IndexRecord> withoutIdentity(List<IndexRecord> all) {
    List<IndexRecord> out = new ArrayList<>(all.size());
    for (IndexRecord r : all) {
      if (!r.multihash().isIdentity()) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Builds the index of a CAR's payload (offsets from the payload's start), with the codec and identity rule of
   * {@code options}: go-car's {@code car index create} with the defaults. An index already in a CARv2 is ignored.
   *
   * @param car the CAR, read from offset 0 (its position is not used or changed)
   * @param readOptions the limits the CAR is read with
   * @param options the index's codec and identity rule
   * @return the index
   * @throws CarFormatException if the CAR is malformed (a subclass names the problem and its offset)
   * @throws TruncatedCarException if it ends inside a header or section
   * @throws LimitExceededException if a header or section is above {@code readOptions}' limits, or the index would be
   *     above its {@code maxIndexSize}
   * @throws IOException if reading fails
   */
  public static CarIndex build(FileChannel car, CarReadOptions readOptions, CarV2WriteOptions options)
      throws IOException {
    return index(scan(car, readOptions).records(), options);
  }

  /**
   * Writes {@code car} as a CARv2 with a freshly built index: pragma, header ({@code options}' paddings), the CARv1
   * payload copied byte for byte, the index. With {@link CarV2WriteOptions#DEFAULTS} and a CARv1 the output is
   * byte-identical to go-car's {@code car.WrapV1}; a CARv2 gets the same bytes as the CARv1 it holds would.
   *
   * @param car the CAR, read from offset 0 (its position is not used or changed)
   * @param out where the CARv2 goes, written sequentially from its current position; not closed
   * @param readOptions the limits the CAR is read with
   * @param options the CARv2's paddings, index codec and identity rule
   * @return what was written
   * @throws IOException as {@link #build}, or if writing fails or the file changes size while it is copied
   */
  public static Written writeIndexed(FileChannel car, WritableByteChannel out, CarReadOptions readOptions,
      CarV2WriteOptions options) throws IOException {
    return writeIndexed(car, out, readOptions, options, false);
  }

  /** As {@link #writeIndexed(FileChannel, WritableByteChannel, CarReadOptions, CarV2WriteOptions)}; refuses a CARv2 if {@code onlyV1}. */
  static Written writeIndexed(FileChannel car, WritableByteChannel out, CarReadOptions readOptions,
      CarV2WriteOptions options, boolean onlyV1) throws IOException {
    Scan s = scan(car, readOptions);
    if (onlyV1 && s.version() != 1) {
      throw new UnsupportedCarVersionException(0, s.version(), "1 (the source is already a CARv2)");
    }
    CarV2Header h = CarV2Header.of(s.payloadSize(), options.dataPadding(), true, options.indexPadding(),
        options.storeIdentityCids());
    writeFully(out, ByteBuffer.wrap(Car.v2Prefix(h)));
    writeZeros(out, options.dataPadding());
    copy(car, s.payloadOffset(), s.payloadSize(), out);
    writeZeros(out, options.indexPadding());
    CarIndex index = index(s.records(), options);
    long n = writeFully(out, ByteBuffer.wrap(index.toBytes()));
    return new Written(h, index.codec(), index.size(), h.indexOffset() + n);
  }

  /**
   * Writes the index embedded in a CARv2, byte for byte, after checking that it is the index of the payload: a
   * {@code car-multihash-index-sorted} or {@code car-index-sorted} index whose entries are exactly the payload's
   * sections (identity CIDs may be left out unless the CAR is marked fully indexed).
   *
   * @param car the CARv2, read from offset 0 (its position is not used or changed)
   * @param out where the index goes, written sequentially; not closed
   * @param readOptions the limits the CAR is read with
   * @return what was written: the source's header, the index's codec, entries and length
   * @throws CarIndexException if the CAR has no index ({@link CarIndexException#offset()} -1), if it is malformed or
   *     of an unknown codec, or if it does not match the payload
   * @throws UnsupportedCarVersionException if the CAR is a CARv1
   * @throws LimitExceededException if the index is longer than {@code readOptions}' {@code maxIndexSize}
   * @throws IOException as {@link #build}, or if writing fails
   */
  public static Written detach(FileChannel car, WritableByteChannel out, CarReadOptions readOptions)
      throws IOException {
    Scan s = scan(car, readOptions);
    if (s.v2Header() == null) {
      throw new UnsupportedCarVersionException(0, 1, "2; a CARv1 has no index, build one with CarIndexer.build");
    }
    CarV2Header h = s.v2Header();
    if (!h.hasIndex()) {
      throw new CarIndexException(-1, "The CARv2 has no index (its header's index offset is 0)");
    }
    long at = h.indexOffset();
    byte[] bytes = Car.readIndexBytes(car, at, car.size(), readOptions);
    CarIndex index = CarIndex.decode(bytes, at);
    if (!matches(index, s.records(), h.fullyIndexed())) {
      throw new CarIndexException(at, mismatch(index, s.records(), h));
    }
    writeFully(out, ByteBuffer.wrap(bytes));
    return new Written(h, index.codec(), index.size(), bytes.length);
  }

  /**
   * @return whether {@code index} is an index of sections {@code records} (all of them, identity CIDs included):
   *     with or without the identity CIDs, or only with them if {@code fullyIndexed}
   */
  static boolean matches(CarIndex index, List<IndexRecord> records, boolean fullyIndexed) {
    byte[] actual = index.toBytes();
    boolean multihash = index instanceof MultihashIndexSorted;
    byte[] full = multihash ? MultihashIndexSorted.of(records).toBytes() : IndexSorted.of(records).toBytes();
    if (Arrays.equals(actual, full)) {
      return true;
    }
    if (fullyIndexed) {
      return false;
    }
    List<IndexRecord> some = withoutIdentity(records);
    return Arrays.equals(actual, multihash ? MultihashIndexSorted.of(some).toBytes() : IndexSorted.of(some).toBytes());
  }

  /** @return why {@code index} at {@code h.indexOffset()} is not the index of {@code records} */
  static String mismatch(CarIndex index, List<IndexRecord> records, CarV2Header h) {
    long expected = h.fullyIndexed() ? records.size() : withoutIdentity(records).size();
    return "The CARv2 index at offset " + Car.fmt(h.indexOffset()) + " does not match the data: it has "
        + index.size() + " entries, the payload has " + expected + " indexable sections"
        + (index.size() == expected ? " at other offsets or with other digests" : "");
  }

  private static void copy(FileChannel from, long at, long size, WritableByteChannel out) throws IOException {
    long done = 0;
    while (done < size) {
      long n = from.transferTo(at + done, size - done, out);
      if (n <= 0) {
        throw new CarFormatException(at + done, "The CAR ended at offset " + Car.fmt(at + done) + " while its "
            + "payload was copied (" + Car.fmt(size) + " bytes expected); did it change while being read?");
      }
      done += n;
    }
  }

  private static void writeZeros(WritableByteChannel out, long n) throws IOException {
    ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(Math.max(n, 1), 64 * 1024));
    long done = 0;
    while (done < n) {
      zeros.clear().limit((int) Math.min(zeros.capacity(), n - done));
      done += writeFully(out, zeros);
    }
  }

  private static int writeFully(WritableByteChannel out, ByteBuffer b) throws IOException {
    int n = b.remaining();
    while (b.hasRemaining()) {
      out.write(b);
    }
    return n;
  }
}

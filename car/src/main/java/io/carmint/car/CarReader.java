package io.carmint.car;

import io.carmint.block.Block;
import io.carmint.block.BlockIntegrityException;
import io.carmint.block.BlockSink;
import io.carmint.car.index.CarIndex;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a CARv1 or CARv2 from a stream, one section at a time, in file order: the streaming reader. Memory is one
 * block at a time, whatever the size of the CAR; any {@link InputStream} works, including one that returns a byte
 * per read. For lookups by CID use {@link CarFile}.
 *
 * <pre>{@code
 * try (CarReader car = CarReader.open(Files.newInputStream(path))) {
 *   System.out.println(car.roots());
 *   for (Block b = car.next(); b != null; b = car.next()) {
 *     System.out.println(b.cid() + " " + b.length());
 *   }
 * }
 * }</pre>
 *
 * <p>What is checked, with {@link CarReadOptions#DEFAULTS}: every length against its limit before allocating;
 * minimal varints; the header (a DAG-CBOR map with exactly {@code roots} and {@code version}); versions 1 and 2;
 * CARv2 offsets; every CID; every block's hash; that the file ends at a section boundary (or, for a CARv2, that the
 * payload is exactly whole sections). Not checked: that the DAG is complete, and that a CARv2 index is right (see
 * {@link #readIndex()} and {@link CarVerifier}). Zero roots are accepted, as go-car's v2 reader and js-car do.
 *
 * <p>Not thread-safe. Closing the reader closes the stream.
 */
public final class CarReader implements Closeable {
  private final InputStream stream;
  private final CarParser parser;
  private BlockLocation last;
  private boolean ended;
  private boolean indexRead;

  private CarReader(InputStream stream, CarParser parser) {
    this.stream = stream;
    this.parser = parser;
  }

  /**
   * Opens a CAR with {@link CarReadOptions#DEFAULTS}, reading its header(s).
   *
   * @param in the CAR's bytes; closed with the reader
   * @return a reader positioned at the first block
   * @throws TruncatedCarException if the stream ends inside a header
   * @throws LimitExceededException if the header length is above 32 MiB
   * @throws CarHeaderException if a header is malformed ({@link UnsupportedCarVersionException} for versions other
   *     than 1 and 2)
   * @throws CarVarintException if the header length varint is not minimal
   * @throws IOException if the stream fails
   */
  public static CarReader open(InputStream in) throws IOException {
    return open(in, CarReadOptions.DEFAULTS);
  }

  /**
   * Opens a CAR, reading its header(s).
   *
   * @param in the CAR's bytes; closed with the reader
   * @param options limits and hash checking
   * @return a reader positioned at the first block
   * @throws TruncatedCarException if the stream ends inside a header
   * @throws LimitExceededException if a header length is above the limit
   * @throws CarHeaderException if a header is malformed ({@link UnsupportedCarVersionException} for versions other
   *     than 1 and 2)
   * @throws CarVarintException if a header length varint is not minimal
   * @throws IOException if the stream fails
   */
  public static CarReader open(InputStream in, CarReadOptions options) throws IOException {
    CarParser p = new CarParser(CarInput.of(in), Objects.requireNonNull(options, "options"));
    p.open();
    return new CarReader(in, p);
  }

  /**
   * Reads only the first header and returns the version it declares, whatever it is (a CARv2's pragma says 2 even
   * if the rest is corrupt). Does not close the stream.
   *
   * @param in the CAR's bytes
   * @param options limits
   * @return the declared version
   * @throws TruncatedCarException if the stream ends inside the header
   * @throws LimitExceededException if the header length is above the limit
   * @throws CarHeaderException if the header is malformed (any version number is returned, not refused)
   * @throws CarVarintException if the header length varint is not minimal
   * @throws IOException if the stream fails
   */
  public static long readVersion(InputStream in, CarReadOptions options) throws IOException {
    return CarParser.readVersion(CarInput.of(in), options);
  }

  /** @return 1 or 2 */
  public int version() {
    return parser.version();
  }

  /** @return the CARv1 header (for a CARv2, the header of its payload) */
  public CarHeader header() {
    return parser.header();
  }

  /** @return the roots of {@link #header()} */
  public List<Cid> roots() {
    return parser.header().roots();
  }

  /** @return the CARv2 header, or empty for a CARv1 */
  public Optional<CarV2Header> v2Header() {
    return parser.v2Header();
  }

  /**
   * Reads the next block, checking its hash unless the options say not to.
   *
   * @return the block, or null after the last one
   * @throws TruncatedCarException if the stream ends inside a section or before a CARv2 payload's declared end
   * @throws LimitExceededException if a section is longer than the limit
   * @throws CarVarintException if a section length is not a minimal varint
   * @throws TrailingDataException on a zero-length section (unless read as EOF), or a CARv2 payload that does not
   *     end on a section boundary
   * @throws CarFormatException if a section's CID is invalid or longer than the section
   * @throws BlockIntegrityException if a block's bytes do not hash to its CID
   * @throws io.carmint.block.DigestTooShortException if a block's CID has a digest too short to verify
   * @throws UnverifiableBlockException if a block's hash function cannot be computed
   * @throws IOException if the stream fails
   */
  public Block next() throws IOException {
    CarParser.Section s = advance(true);
    return s == null ? null : s.block();
  }

  /**
   * Reads the next section's location and CID, skipping its block bytes (not hashed).
   *
   * @return the location, or null after the last section
   * @throws IOException as {@link #next()}, except that hashes are not checked
   */
  public BlockLocation nextLocation() throws IOException {
    CarParser.Section s = advance(false);
    return s == null ? null : s.location();
  }

  private CarParser.Section advance(boolean withData) throws IOException {
    if (ended) {
      return null;
    }
    CarParser.Section s = parser.next(withData);
    if (s == null) {
      ended = true;
      last = null;
      return null;
    }
    last = s.location();
    return s;
  }

  /** @return where the block last returned by {@link #next()} or {@link #nextLocation()} is, or null */
  public BlockLocation lastLocation() {
    return last;
  }

  /**
   * Reads every remaining block into {@code sink}.
   *
   * @param sink receives each block
   * @return the number of blocks
   * @throws IOException as {@link #next()}, or if the sink fails
   */
  public long forEach(BlockSink sink) throws IOException {
    long n = 0;
    for (Block b = next(); b != null; b = next()) {
      sink.put(b);
      n++;
    }
    return n;
  }

  /**
   * After the last block of a CARv2 with an index, reads the index that follows the payload. The index is
   * <b>untrusted</b>: its structure is checked, its offsets are not (compare it with the sections read).
   *
   * @return the index, or empty for a CARv1 or a CARv2 without one
   * @throws IllegalStateException if blocks remain to be read, or the index was already read
   * @throws LimitExceededException if the index is longer than {@link CarReadOptions#maxIndexSize()}
   * @throws CarIndexException if the index is malformed or of an unknown codec
   * @throws TruncatedCarException if the stream ends before the index offset
   * @throws IOException if the stream fails
   */
  public Optional<CarIndex> readIndex() throws IOException {
    if (!ended) {
      throw new IllegalStateException("readIndex() is only possible after the last block was read");
    }
    if (indexRead) {
      throw new IllegalStateException("the index was already read");
    }
    indexRead = true;
    CarV2Header h = parser.v2Header().orElse(null);
    if (h == null || !h.hasIndex()) {
      return Optional.empty();
    }
    CarInput in = parser.input();
    in.end(Long.MAX_VALUE);
    long gap = h.indexOffset() - in.position();
    long skipped = in.skip(gap);
    if (skipped < gap) {
      throw new TruncatedCarException(in.position() - skipped, "CARv2 padding before the index", gap, skipped);
    }
    return Optional.of(CarIndex.read(in.asStream(), h.indexOffset(), parser.options().maxIndexSize()));
  }

  /** @return the offset of the next byte of the stream */
  long position() {
    return parser.input().position();
  }

  /** Reads the rest of the stream, past any payload bound; @return the number of bytes there were */
  long drain() throws IOException {
    CarInput in = parser.input();
    in.end(Long.MAX_VALUE);
    return in.skip(Long.MAX_VALUE - in.position());
  }

  /** Closes the stream. */
  @Override
  public void close() throws IOException {
    stream.close();
  }
}

package io.carmint.car;

import io.carmint.block.Block;
import io.carmint.block.BlockSource;
import io.carmint.car.index.CarIndex;
import io.carmint.car.index.IndexRecord;
import io.carmint.car.index.MultihashIndexSorted;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multihash;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Random access to the blocks of a CARv1 or CARv2 file by CID: a {@link BlockSource} for the UnixFS exporter, the
 * verifier and the splitter.
 *
 * <pre>{@code
 * try (CarFile car = CarFile.open(Path.of("site.car"))) {
 *   Block root = car.get(car.roots().get(0)).orElseThrow();
 * }
 * }</pre>
 *
 * <p>Opening reads the header(s) and scans every section's length and CID (block bytes are skipped, not read), so
 * the whole file's structure is checked up front and an in-memory index of about 100 bytes per block is built. An
 * index embedded in a CARv2 is never trusted for lookups: it is {@linkplain #embeddedIndex() available} to be
 * checked against the rebuilt one. Block bytes are read (and, by default, hashed) on {@link #get}.
 *
 * <p>Lookups are by multihash, as go-car's: a block stored under a CIDv1 is found under the CIDv0 with the same
 * hash, and is returned under the CID asked for. A CID with an identity multihash that is not stored is answered
 * from the CID itself. Where a CID occurs twice, the first section is used.
 *
 * <p>Thread-safe once opened (positional reads). Closing closes the file.
 */
public final class CarFile implements BlockSource, Closeable {
  private final FileChannel channel;
  private final boolean ownsChannel;
  private final CarReadOptions options;
  private final int version;
  private final CarHeader header;
  private final CarV2Header v2Header;
  private final List<BlockLocation> locations;
  private final Map<Multihash, BlockLocation> byHash;
  private final long size;

  private CarFile(FileChannel channel, boolean owns, CarReadOptions options, CarParser parser,
      List<BlockLocation> locations, Map<Multihash, BlockLocation> byHash, long size) {
    this.channel = channel;
    this.ownsChannel = owns;
    this.options = options;
    this.version = parser.version();
    this.header = parser.header();
    this.v2Header = parser.v2Header().orElse(null);
    this.locations = Collections.unmodifiableList(locations);
    this.byHash = byHash;
    this.size = size;
  }

  /**
   * Opens a CAR file with {@link CarReadOptions#DEFAULTS}.
   *
   * @param path the CAR file
   * @return the open file
   * @throws IOException as {@link #open(FileChannel, CarReadOptions)}, or if the file cannot be opened
   */
  public static CarFile open(Path path) throws IOException {
    return open(path, CarReadOptions.DEFAULTS);
  }

  /**
   * Opens a CAR file.
   *
   * @param path the CAR file
   * @param options limits and hash checking
   * @return the open file
   * @throws IOException as {@link #open(FileChannel, CarReadOptions)}, or if the file cannot be opened
   */
  public static CarFile open(Path path, CarReadOptions options) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
    try {
      return open(ch, options, true);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Opens a CAR held in a channel, which the CarFile does not close.
   *
   * @param channel the CAR's bytes, from position 0
   * @param options limits and hash checking
   * @return the open file
   * @throws TruncatedCarException if the file ends inside a header or section
   * @throws LimitExceededException if a header or section length is above the limit
   * @throws CarHeaderException if a header is malformed, {@link UnsupportedCarVersionException} for versions other
   *     than 1 and 2
   * @throws CarVarintException if a length varint is not minimal
   * @throws TrailingDataException on a zero-length section (unless read as EOF) or a CARv2 payload that does not end
   *     on a section boundary
   * @throws CarFormatException if a section's CID is invalid
   * @throws IOException if reading fails
   */
  public static CarFile open(FileChannel channel, CarReadOptions options) throws IOException {
    return open(channel, options, false);
  }

  private static CarFile open(FileChannel channel, CarReadOptions options, boolean owns) throws IOException {
    Objects.requireNonNull(options, "options");
    CarParser parser = new CarParser(CarInput.of(channel, 0), options);
    parser.open();
    List<BlockLocation> locations = new ArrayList<>();
    Map<Multihash, BlockLocation> byHash = new HashMap<>();
    for (CarParser.Section s = parser.next(false); s != null; s = parser.next(false)) {
      BlockLocation loc = s.location();
      locations.add(loc);
      byHash.putIfAbsent(loc.cid().multihash(), loc);
    }
    return new CarFile(channel, owns, options, parser, locations, byHash, channel.size());
  }

  /** @return 1 or 2 */
  public int version() {
    return version;
  }

  /** @return the CARv1 header (for a CARv2, its payload's) */
  public CarHeader header() {
    return header;
  }

  /** @return the header's roots */
  public List<Cid> roots() {
    return header.roots();
  }

  /** @return the CARv2 header, or empty for a CARv1 */
  public Optional<CarV2Header> v2Header() {
    return Optional.ofNullable(v2Header);
  }

  /** @return the file size in bytes at opening */
  public long size() {
    return size;
  }

  /** @return every section, in file order (a repeated CID appears each time) */
  public List<BlockLocation> locations() {
    return locations;
  }

  /**
   * @param cid the block's CID
   * @return where the block with {@code cid}'s multihash is (the first such section), or empty
   */
  public Optional<BlockLocation> location(Cid cid) {
    return Optional.ofNullable(byHash.get(cid.multihash()));
  }

  @Override
  public boolean has(Cid cid) {
    return byHash.containsKey(cid.multihash()) || cid.multihash().isIdentity();
  }

  /**
   * @return the length of the block with {@code cid}'s multihash as its section declares it, from the index (the
   *     bytes are neither read nor hashed); an identity CID's digest length if the CAR does not hold it
   */
  @Override
  public OptionalLong length(Cid cid) {
    BlockLocation loc = byHash.get(cid.multihash());
    if (loc != null) {
      return OptionalLong.of(loc.blockLength());
    }
    return cid.multihash().isIdentity() ? OptionalLong.of(cid.multihash().digestLength()) : OptionalLong.empty();
  }

  /** @return the file's size at opening, {@link #size()} */
  @Override
  public OptionalLong totalBytes() {
    return OptionalLong.of(size);
  }

  /**
   * @return the block with {@code cid}'s multihash, under {@code cid}, hashed and checked unless the options say
   *     not to; empty if the CAR does not hold it (identity CIDs are answered from the CID)
   * @throws io.carmint.block.BlockIntegrityException if the stored bytes do not hash to the CID
   * @throws io.carmint.block.DigestTooShortException if the CID's digest is too short to verify
   * @throws UnverifiableBlockException if the hash function cannot be computed
   * @throws IOException if reading fails or the file shrank
   */
  @Override
  public Optional<Block> get(Cid cid) throws IOException {
    BlockLocation loc = byHash.get(cid.multihash());
    if (loc == null) {
      if (cid.multihash().isIdentity()) {
        return Optional.of(Block.wrap(cid, cid.multihash().digest()));
      }
      return Optional.empty();
    }
    return Optional.of(read(cid, loc));
  }

  /**
   * Reads the block at a location of this file, hashed and checked unless the options say not to.
   *
   * @param loc a location in this file, from {@link #location} or the block list
   * @return the block
   * @throws io.carmint.block.BlockIntegrityException if the bytes do not hash to the location's CID
   * @throws io.carmint.block.DigestTooShortException if the CID's digest is too short to verify
   * @throws UnverifiableBlockException if the hash function cannot be computed
   * @throws IOException if reading fails or the file shrank
   */
  public Block read(BlockLocation loc) throws IOException {
    return read(loc.cid(), loc);
  }

  /** The block at {@code loc} under {@code cid} (which has the same multihash as the location's CID). */
  private Block read(Cid cid, BlockLocation loc) throws IOException {
    Block block = Block.wrap(cid, readBytes(loc));
    if (options.verifyHashes()) {
      Car.verify(block, loc.offset());
    }
    return block;
  }

  private byte[] readBytes(BlockLocation loc) throws IOException {
    byte[] data = new byte[loc.blockLength()];
    ByteBuffer buf = ByteBuffer.wrap(data);
    long pos = loc.blockOffset();
    while (buf.hasRemaining()) {
      int n = channel.read(buf, pos + buf.position());
      if (n < 0) {
        throw new TruncatedCarException(loc.offset(), "section", loc.length(), buf.position());
      }
    }
    return data;
  }

  /**
   * @return the index go-car would write for this file's payload: a {@link MultihashIndexSorted} of every section
   *     but those with identity CIDs, offsets from the start of the payload
   */
  public MultihashIndexSorted buildIndex() {
    long base = v2Header == null ? 0 : v2Header.dataOffset();
    List<IndexRecord> records = new ArrayList<>(locations.size());
    for (BlockLocation loc : locations) {
      if (!loc.cid().multihash().isIdentity()) {
        records.add(new IndexRecord(loc.cid().multihash(), loc.offset() - base));
      }
    }
    return MultihashIndexSorted.of(records);
  }

  /**
   * Reads the index embedded in a CARv2 (untrusted: check it against {@link #buildIndex()} or with
   * {@link CarVerifier}).
   *
   * @return the index, or empty for a CARv1 or a CARv2 without one
   * @throws LimitExceededException if it is longer than the configured limit
   * @throws CarIndexException if it is malformed or of an unknown codec
   * @throws IOException if reading fails
   */
  public Optional<CarIndex> embeddedIndex() throws IOException {
    if (v2Header == null || !v2Header.hasIndex()) {
      return Optional.empty();
    }
    long at = v2Header.indexOffset();
    byte[] bytes = Car.readIndexBytes(channel, at, size, options);
    return Optional.of(CarIndex.decode(bytes, at));
  }

  /** Closes the file if this CarFile opened it. */
  @Override
  public void close() throws IOException {
    if (ownsChannel) {
      channel.close();
    }
  }
}

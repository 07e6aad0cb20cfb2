package io.carmint.car;

import io.carmint.block.Block;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.InvalidCidException;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multihash;
import io.carmint.multiformats.Varint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The CAR grammar shared by {@link CarReader} (streams) and {@link CarFile} (channels): headers (CARv1, CARv2
 * pragma and header, inner CARv1 header) and sections, with every length checked against the limits before
 * allocation. Not thread-safe.
 */
final class CarParser {
  /** Longest CID prefix read when a section's block is skipped: a maximal multihash plus its varints. */
  private static final int MAX_CID_PREFIX = Multihash.MAX_DIGEST_LENGTH + 4 * Varint.MAX_LENGTH;

  private final CarInput in;
  private final CarReadOptions options;
  private int version;
  private CarHeader header;
  private CarV2Header v2Header;
  private long payloadEnd = Long.MAX_VALUE;
  private boolean finished;

  /** A section read: its location and, if asked for, its block. */
  record Section(BlockLocation location, Block block) {}

  CarParser(CarInput in, CarReadOptions options) {
    this.in = in;
    this.options = options;
  }

  /** Reads the first header only; @return its version (any number) */
  static long readVersion(CarInput in, CarReadOptions options) throws IOException {
    return readHeaderMap(in, options, "CAR header").version();
  }

  /** Reads the header(s) and positions the input at the first section. */
  void open() throws IOException {
    long start = in.position();
    HeaderCodec.Decoded first = readHeaderMap(in, options, "CAR header");
    if (first.version() == 1) {
      version = 1;
      header = v1Header(first, start);
      return;
    }
    if (first.version() != 2) {
      throw new UnsupportedCarVersionException(start, first.version(), "1 or 2");
    }
    if (in.position() - start != Car.PRAGMA_SIZE || first.roots() != null) {
      throw new CarHeaderException(start, "Invalid CARv2 pragma at offset " + Car.fmt(start)
          + ": a version-2 header must be exactly " + Arrays.toString(Car.PRAGMA) + " (11 bytes, no roots)");
    }
    version = 2;
    byte[] raw = new byte[CarV2Header.SIZE];
    long hAt = in.position();
    int n = in.readFully(raw, 0, raw.length);
    if (n < raw.length) {
      throw new TruncatedCarException(hAt, "CARv2 header", raw.length, n);
    }
    v2Header = CarV2Header.decode(raw, hAt);
    long pad = v2Header.dataOffset() - in.position();
    long skipped = in.skip(pad);
    if (skipped < pad) {
      throw new TruncatedCarException(in.position() - skipped, "CARv2 padding before the data payload", pad, skipped);
    }
    payloadEnd = v2Header.dataOffset() + v2Header.dataSize();
    in.end(payloadEnd);
    long innerAt = in.position();
    HeaderCodec.Decoded inner;
    try {
      inner = readHeaderMap(in, options, "CARv2 payload header");
    } catch (TruncatedCarException e) {
      throw payloadCut(e);
    }
    if (inner.version() != 1) {
      throw new UnsupportedCarVersionException(innerAt, inner.version(), "1 inside a CARv2 payload");
    }
    header = v1Header(inner, innerAt);
  }

  private static CarHeader v1Header(HeaderCodec.Decoded d, long at) throws CarHeaderException {
    if (d.roots() == null) {
      throw new CarHeaderException(at, "Invalid CAR header at offset " + Car.fmt(at) + ": version 1 without roots");
    }
    return CarHeader.of(d.roots());
  }

  private static HeaderCodec.Decoded readHeaderMap(CarInput in, CarReadOptions options, String what)
      throws IOException {
    long start = in.position();
    long len = in.readVarint(what + " length");
    if (len < 0) {
      throw new TruncatedCarException(start, what, -1, 0);
    }
    if (len == 0) {
      throw new CarHeaderException(start, "Invalid " + what + " at offset " + Car.fmt(start) + ": zero length");
    }
    if (len > options.maxHeaderSize()) {
      throw new LimitExceededException(what + " at offset " + Car.fmt(start) + " declares " + Car.fmt(len) + " bytes",
          "CarReadOptions.maxHeaderSize", options.maxHeaderSize(), len, start);
    }
    byte[] bytes = new byte[(int) len];
    int n = in.readFully(bytes, 0, bytes.length);
    if (n < len) {
      throw new TruncatedCarException(start, what, len, n);
    }
    return HeaderCodec.decode(bytes, start);
  }

  /** A cut at the bounded payload end, but not at the file end, is a payload/section mismatch. */
  private IOException payloadCut(TruncatedCarException e) {
    if (in.position() >= payloadEnd) {
      return new TrailingDataException(e.offset(), "The CARv2 data payload ends at offset " + Car.fmt(payloadEnd)
          + " inside the structure at offset " + Car.fmt(e.offset()) + " (data size too small or corrupt)");
    }
    return e;
  }

  int version() {
    return version;
  }

  CarHeader header() {
    return header;
  }

  Optional<CarV2Header> v2Header() {
    return Optional.ofNullable(v2Header);
  }

  CarReadOptions options() {
    return options;
  }

  CarInput input() {
    return in;
  }

  /**
   * Reads the next section.
   *
   * @param withData whether to read (and, if the options say so, verify) the block bytes; if false they are skipped
   * @return the section, or null at the end of the CAR (or of the CARv2 payload)
   */
  Section next(boolean withData) throws IOException {
    if (finished) {
      return null;
    }
    long start = in.position();
    long len;
    try {
      len = in.readVarint("section length");
    } catch (TruncatedCarException e) {
      throw payloadCut(e);
    }
    if (len < 0) {
      if (v2Header != null && start < payloadEnd) {
        throw new TruncatedCarException(v2Header.dataOffset(), "CARv2 data payload", v2Header.dataSize(),
            start - v2Header.dataOffset());
      }
      finished = true;
      return null;
    }
    if (len == 0) {
      if (options.zeroLengthSectionAsEof()) {
        finished = true;
        return null;
      }
      throw new TrailingDataException(start, "Zero-length section at offset " + Car.fmt(start)
          + ": trailing null padding, not a section; read with zeroLengthSectionAsEof(true) to stop there");
    }
    if (len > options.maxSectionSize()) {
      throw new LimitExceededException("CAR section at offset " + Car.fmt(start) + " declares " + Car.fmt(len)
          + " bytes", "CarReadOptions.maxSectionSize", options.maxSectionSize(), len, start);
    }
    long bodyAt = in.position();
    int varintLen = (int) (bodyAt - start);
    if (bodyAt + len > payloadEnd) {
      throw new TrailingDataException(start, "Section at offset " + Car.fmt(start) + " declares " + Car.fmt(len)
          + " bytes, past the end of the CARv2 data payload at offset " + Car.fmt(payloadEnd)
          + " (data size too small or corrupt)");
    }
    int sectionLen = (int) len;
    byte[] buf = new byte[withData ? sectionLen : Math.min(sectionLen, MAX_CID_PREFIX)];
    int got = in.readFully(buf, 0, buf.length);
    ByteBuffer view = ByteBuffer.wrap(buf, 0, got);
    Cid cid;
    try {
      cid = Cid.read(view);
    } catch (InvalidCidException e) {
      if (got < buf.length) {
        throw new TruncatedCarException(start, "section", len, got);
      }
      throw new CarFormatException(start, "Invalid CID in the section at offset " + Car.fmt(start) + " ("
          + Car.fmt(len) + " bytes): " + e.getMessage(), e);
    }
    int cidLen = view.position();
    if (got < buf.length) {
      throw new TruncatedCarException(start, "section", len, got);
    }
    int blockLen = sectionLen - cidLen;
    Block block = null;
    if (withData) {
      block = Block.wrap(cid, buf, cidLen, blockLen);
      if (options.verifyHashes()) {
        Car.verify(block, start);
      }
    } else {
      long rest = sectionLen - got;
      long skipped = in.skip(rest);
      if (skipped < rest) {
        throw new TruncatedCarException(start, "section", len, got + skipped);
      }
    }
    BlockLocation loc = new BlockLocation(cid, start, varintLen + len, bodyAt + cidLen, blockLen);
    return new Section(loc, block);
  }
}

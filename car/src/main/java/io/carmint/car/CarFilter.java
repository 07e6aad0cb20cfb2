package io.carmint.car;

import io.carmint.block.Block;
import io.carmint.car.index.IndexRecord;
import io.carmint.car.index.MultihashIndexSorted;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.InvalidCidException;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.Multihash;
import io.carmint.multiformats.Varint;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Copies the blocks of a CAR whose CIDs are (or, inverted, are not) in a set, as go-car's {@code car filter} does:
 * the header keeps only the roots that pass the filter (possibly none), blocks with identity CIDs are left out, a
 * block whose multihash was already written is written once, and the output is a CARv2 with a
 * {@code car-multihash-index-sorted} index (data offset 51, no padding) or a CARv1. CIDs match exactly (version,
 * codec and multihash), as in go-car.
 *
 * <pre>{@code
 * CarFilter filter = CarFilter.builder().cids(Set.of(keep)).build();
 * try (InputStream in = Files.newInputStream(car);
 *     FileChannel out = FileChannel.open(filtered, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
 *   CarFilter.Result r = filter.filter(in, out);
 * }
 * }</pre>
 *
 * <p>The input is read as a stream (any CARv1 or CARv2, block hashes checked with the default read options), one
 * block at a time; memory is the CID set plus one index record per block written (about 100 bytes; the blocks
 * written are bounded as the index would be, by {@link CarReadOptions#maxIndexSize()}). Immutable and thread-safe.
 */
public final class CarFilter {
  /** Most CIDs {@link #readCids} accepts by default: 1,000,000 (about 100 MB of heap). */
  public static final long DEFAULT_MAX_CIDS = 1_000_000L;

  private final Set<Cid> cids;
  private final boolean inverse;
  private final int version;
  private final CarReadOptions readOptions;

  private CarFilter(Builder b) {
    this.cids = Set.copyOf(b.cids);
    this.inverse = b.inverse;
    this.version = b.version;
    this.readOptions = b.readOptions;
  }

  /** @return a builder: empty set, keep (not inverse), CARv2 output, {@link CarReadOptions#DEFAULTS} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What {@link #filter} wrote.
   *
   * @param version 1 or 2
   * @param roots the header's roots that passed the filter, in order (possibly none)
   * @param blocks blocks written
   * @param dropped blocks left out by the filter
   * @param duplicates blocks that passed but whose multihash was already written
   * @param identity blocks that passed but have an identity CID (never written, as in go-car)
   * @param bytes bytes written
   */
  public record Result(int version, List<Cid> roots, long blocks, long dropped, long duplicates, long identity,
      long bytes) {
    /**
     * Copies the roots.
     *
     * @param version 1 or 2
     * @param roots the header's roots that passed the filter
     * @param blocks blocks written
     * @param dropped blocks left out by the filter
     * @param duplicates blocks that passed but whose multihash was already written
     * @param identity blocks that passed but have an identity CID
     * @param bytes bytes written
     */
    public Result {
      roots = List.copyOf(roots);
    }
  }

  /** @return whether a CID passes: in the set, or not in it when inverted */
  private boolean passes(Cid cid) {
    return cids.contains(cid) != inverse;
  }

  /**
   * Filters a CAR into {@code out}, written from its current position (the CARv2 header is written last, at that
   * position). The input stream is read to the end of the CAR (and a CARv2's index), not closed.
   *
   * @param car the CAR
   * @param out an empty, writable file; not closed
   * @return what was written
   * @throws CarFormatException if the input is malformed (a subclass names the problem and its offset)
   * @throws TruncatedCarException if it ends inside a header or section
   * @throws LimitExceededException if a header or section is above the read options' limits, or the blocks written
   *     would need an index above their {@code maxIndexSize}
   * @throws io.carmint.block.BlockIntegrityException if a block does not hash to its CID
   * @throws IOException if reading or writing fails
   */
  public Result filter(InputStream car, FileChannel out) throws IOException {
    long base = out.position();
    CarReader reader = CarReader.open(new NonClosing(car), readOptions);
    List<Cid> roots = new ArrayList<>();
    for (Cid r : reader.roots()) {
      if (passes(r)) {
        roots.add(r);
      }
    }
    byte[] header = CarHeader.of(roots).toBytes();
    long prefix = version == 2 ? CarV2Header.MIN_DATA_OFFSET : 0;
    List<IndexRecord> records = new ArrayList<>();
    Set<Multihash> written = new HashSet<>();
    long dropped = 0;
    long duplicates = 0;
    long identity = 0;
    long payload = header.length;
    long entryBytes = 0;
    OutputStream o = new BufferedOutputStream(Channels.newOutputStream(out.position(base + prefix)), 1 << 16);
    o.write(header);
    byte[] varint = new byte[Varint.MAX_LENGTH];
    for (Block b = reader.next(); b != null; b = reader.next()) {
      Cid cid = b.cid();
      if (!passes(cid)) {
        dropped++;
      } else if (cid.multihash().isIdentity()) {
        identity++;
      } else if (!written.add(cid.multihash())) {
        duplicates++;
      } else {
        entryBytes = CarIndexer.checkIndexSize(entryBytes, cid.multihash().digestLength(),
            reader.lastLocation().offset(), readOptions);
        records.add(new IndexRecord(cid.multihash(), payload));
        long len = (long) cid.byteLength() + b.length();
        int v = Varint.write(len, varint, 0);
        o.write(varint, 0, v);
        cid.writeTo(o);
        b.writeTo(o);
        payload += v + len;
      }
    }
    reader.readIndex(); // a CARv2's index is read, and checked for structure, to leave the input at its end
    long total = prefix + payload;
    if (version == 2) {
      byte[] index = MultihashIndexSorted.of(records).toBytes();
      o.write(index);
      o.flush();
      CarV2Header h = CarV2Header.of(payload, 0, true, 0, false);
      ByteBuffer p = ByteBuffer.wrap(Car.v2Prefix(h));
      while (p.hasRemaining()) {
        out.write(p, base + p.position());
      }
      total += index.length;
    }
    o.flush();
    out.position(base + total);
    return new Result(version, roots, records.size(), dropped, duplicates, identity, total);
  }

  /**
   * Reads a CID list as go-car's {@code car filter} does: one CID per line, surrounding white space ignored, blank
   * lines skipped. A line is read only up to {@link io.carmint.multiformats.Cid#MAX_TEXT_LENGTH} characters.
   *
   * @param in the list; not closed
   * @param maxCids most distinct CIDs accepted
   * @param duplicate called with each CID listed more than once
   * @return the CIDs, in the order first listed
   * @throws InvalidCidException if a line is not a CID (its message names the line number)
   * @throws LimitExceededException if a line is longer than a CID can be, or there are more than {@code maxCids}
   * @throws IOException if reading fails
   */
  public static Set<Cid> readCids(Reader in, long maxCids, Consumer<Cid> duplicate) throws IOException {
    BufferedReader r = new BufferedReader(in);
    Set<Cid> out = new LinkedHashSet<>();
    StringBuilder line = new StringBuilder();
    long number = 0;
    boolean more = true;
    while (more) {
      line.setLength(0);
      int c;
      while ((c = r.read()) >= 0 && c != '\n') {
        if (line.length() > Cid.MAX_TEXT_LENGTH + 64) {
          throw new LimitExceededException("CID list line " + (number + 1) + " is longer than any CID ("
              + Cid.MAX_TEXT_LENGTH + " characters)", "Cid.MAX_TEXT_LENGTH", Cid.MAX_TEXT_LENGTH, line.length(), -1);
        }
        line.append((char) c);
      }
      more = c >= 0;
      number++;
      String text = line.toString().strip();
      if (text.isEmpty()) {
        continue;
      }
      Cid cid;
      try {
        cid = Cid.parse(text);
      } catch (InvalidCidException e) {
        throw new InvalidCidException("CID list line " + number + ": " + e.getMessage());
      }
      if (!out.add(cid)) {
        duplicate.accept(cid);
      } else if (out.size() > maxCids) {
        throw new LimitExceededException("The CID list holds more than " + maxCids + " CIDs",
            "CarFilter.readCids(maxCids)", maxCids, out.size(), -1);
      }
    }
    return out;
  }

  /** Configures a {@link CarFilter}; not thread-safe. */
  public static final class Builder {
    private Set<Cid> cids = Set.of();
    private boolean inverse;
    private int version = 2;
    private CarReadOptions readOptions = CarReadOptions.DEFAULTS;

    private Builder() {}

    /**
     * @param cids the CIDs to keep (or, with {@link #inverse}, to drop) (default none)
     * @return this builder
     */
    public Builder cids(Set<Cid> cids) {
      this.cids = Objects.requireNonNull(cids, "cids");
      return this;
    }

    /**
     * @param inverse whether the listed CIDs are dropped rather than kept (default false)
     * @return this builder
     */
    public Builder inverse(boolean inverse) {
      this.inverse = inverse;
      return this;
    }

    /**
     * @param version 2 (default: a CARv2 with an index, as go-car writes) or 1 (a CARv1)
     * @return this builder
     * @throws IllegalArgumentException if not 1 or 2
     */
    public Builder version(int version) {
      if (version != 1 && version != 2) {
        throw new IllegalArgumentException("CAR version must be 1 or 2, got " + version);
      }
      this.version = version;
      return this;
    }

    /**
     * @param options how the input is read (default {@link CarReadOptions#DEFAULTS}: block hashes checked)
     * @return this builder
     */
    public Builder readOptions(CarReadOptions options) {
      this.readOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /** @return the filter */
    public CarFilter build() {
      return new CarFilter(this);
    }
  }

  /** The input stream, which the reader must not close. */
  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the caller owns the stream
    }
  }
}

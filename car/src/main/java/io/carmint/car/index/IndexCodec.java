package io.carmint.car.index;

import io.carmint.car.CarIndexException;
import io.carmint.multiformats.InvalidVarintException;
import io.carmint.multiformats.Varint;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** The byte layout shared by both index formats, as go-car writes it. Stateless. */
final class IndexCodec {
  /** go-car's largest accepted bucket width: 32 MiB. */
  static final long MAX_WIDTH = 32L << 20;

  private IndexCodec() {}

  /** A little-endian cursor over index bytes that reports file offsets in its errors. */
  static final class Cursor {
    final ByteBuffer b;
    final long base;

    Cursor(ByteBuffer b, long base) {
      this.b = b.order(ByteOrder.LITTLE_ENDIAN);
      this.base = base;
    }

    long offset() {
      return base + b.position();
    }

    private void need(int n, String what) throws CarIndexException {
      if (b.remaining() < n) {
        throw new CarIndexException(offset(), "Truncated CARv2 index: " + what + " at offset " + offset() + " needs "
            + n + " byte(s), " + b.remaining() + " left");
      }
    }

    long varint(String what) throws CarIndexException {
      long start = offset();
      try {
        return Varint.read(b);
      } catch (InvalidVarintException e) {
        throw new CarIndexException(start, "Invalid " + what + " varint at offset " + start + ": " + e.problem());
      }
    }

    int int32Count(String what) throws CarIndexException {
      need(4, what);
      long at = offset();
      int n = b.getInt();
      if (n < 0) {
        throw new CarIndexException(at, "CARv2 index too big: " + what + " at offset " + at + " is "
            + Integer.toUnsignedString(n) + ", overflowing int32");
      }
      return n;
    }

    long uint64(String what) throws CarIndexException {
      need(8, what);
      return b.getLong();
    }

    /** Reads one bucket: u32 width, u64 byte length, entries; checks sizes before copying. */
    Bucket bucket() throws CarIndexException {
      need(4, "bucket width");
      long at = offset();
      long width = Integer.toUnsignedLong(b.getInt());
      if (width < 8) {
        throw new CarIndexException(at, "Malformed CARv2 index at offset " + at + ": bucket width " + width
            + " is below 8");
      }
      if (width > MAX_WIDTH) {
        throw new CarIndexException(at, "CARv2 index too big at offset " + at + ": bucket width " + width
            + " is above " + MAX_WIDTH);
      }
      long len = uint64("bucket length");
      if (len < 0 || len > b.remaining()) {
        throw new CarIndexException(at, "Truncated CARv2 index: bucket at offset " + at + " declares "
            + Long.toUnsignedString(len) + " bytes of entries, " + b.remaining() + " left");
      }
      if (len % width != 0) {
        throw new CarIndexException(at, "Malformed CARv2 index at offset " + at + ": bucket length " + len
            + " is not a multiple of its width " + width);
      }
      byte[] data = new byte[(int) len];
      b.get(data);
      Bucket bucket = new Bucket((int) width, data);
      bucket.checkSorted(at);
      return bucket;
    }
  }

  /**
   * Entries of one digest width: {@code digest | u64 LE offset}, sorted by digest (unsigned bytes), then offset.
   * Immutable.
   */
  static final class Bucket {
    final int width;
    final byte[] data;

    Bucket(int width, byte[] data) {
      this.width = width;
      this.data = data;
    }

    int digestLength() {
      return width - 8;
    }

    int count() {
      return data.length / width;
    }

    long offsetAt(int i) {
      return ByteBuffer.wrap(data, i * width + width - 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    int compareDigestAt(int i, byte[] digest) {
      int s = i * width;
      return Arrays.compareUnsigned(data, s, s + width - 8, digest, 0, digest.length);
    }

    void checkSorted(long at) throws CarIndexException {
      int dl = width - 8;
      for (int i = 1; i < count(); i++) {
        int c = Arrays.compareUnsigned(data, (i - 1) * width, (i - 1) * width + dl, data, i * width, i * width + dl);
        if (c > 0) {
          throw new CarIndexException(at, "Malformed CARv2 index: bucket at offset " + at + " (width " + width
              + ") is not sorted at entry " + i);
        }
      }
    }

    /** @return offsets of every entry equal to {@code digest} */
    long[] find(byte[] digest) {
      if (digest.length != width - 8) {
        return new long[0];
      }
      int lo = 0;
      int hi = count();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (compareDigestAt(mid, digest) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      int end = lo;
      while (end < count() && compareDigestAt(end, digest) == 0) {
        end++;
      }
      long[] out = new long[end - lo];
      for (int i = lo; i < end; i++) {
        out[i - lo] = offsetAt(i);
      }
      return out;
    }

    void forEach(long hashCode, CarIndex.EntryVisitor v) {
      ByteBuffer view = ByteBuffer.wrap(data).asReadOnlyBuffer();
      for (int i = 0; i < count(); i++) {
        int s = i * width;
        view.limit(s + width - 8).position(s);
        v.entry(hashCode, view.slice(), offsetAt(i));
        view.limit(data.length);
      }
    }

    int encodedLength() {
      return 12 + data.length;
    }

    void encode(ByteBuffer out) {
      out.putInt(width).putLong(data.length).put(data);
    }
  }

  /** One (digest, offset) pair to be sorted into a bucket. */
  record Entry(byte[] digest, long offset) {}

  /** Groups entries by digest width and sorts each group as go-car does (by digest, then offset). */
  static List<Bucket> buckets(List<Entry> entries) {
    TreeMap<Integer, List<Entry>> byWidth = new TreeMap<>();
    for (Entry e : entries) {
      byWidth.computeIfAbsent(e.digest().length + 8, w -> new ArrayList<>()).add(e);
    }
    List<Bucket> out = new ArrayList<>(byWidth.size());
    Comparator<Entry> order = (x, y) -> {
      int c = Arrays.compareUnsigned(x.digest(), y.digest());
      return c != 0 ? c : Long.compare(x.offset(), y.offset());
    };
    for (var g : byWidth.entrySet()) {
      int width = g.getKey();
      List<Entry> list = g.getValue();
      list.sort(order);
      ByteBuffer data = ByteBuffer.allocate(width * list.size()).order(ByteOrder.LITTLE_ENDIAN);
      for (Entry e : list) {
        data.put(e.digest()).putLong(e.offset());
      }
      out.add(new Bucket(width, data.array()));
    }
    return out;
  }
}

package io.carmint.car.index;

import io.carmint.car.CarIndexException;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import io.carmint.multiformats.Varint;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code car-multihash-index-sorted} (0x0401) index, go-car's default: one {@link IndexSorted} body per
 * multihash function. Layout, as go-car writes it:
 *
 * <pre>
 * varint(0x0401) | int32 LE function count | per function, codes ascending:
 *     uint64 LE multihash code | IndexSorted body (int32 LE bucket count | buckets)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MultihashIndexSorted implements CarIndex {
  private final Map<Long, IndexSorted> byCode;

  private MultihashIndexSorted(Map<Long, IndexSorted> byCode) {
    this.byCode = Collections.unmodifiableMap(byCode);
  }

  /**
   * @param records the records, in any order
   * @return the index of {@code records}, every record kept (callers leave out identity CIDs, as go-car does)
   */
  public static MultihashIndexSorted of(Collection<IndexRecord> records) {
    TreeMap<Long, List<IndexCodec.Entry>> groups = new TreeMap<>(Long::compareUnsigned);
    for (IndexRecord r : records) {
      groups.computeIfAbsent(r.multihash().code(), k -> new ArrayList<>())
          .add(new IndexCodec.Entry(r.multihash().digest(), r.offset()));
    }
    TreeMap<Long, IndexSorted> byCode = new TreeMap<>(Long::compareUnsigned);
    groups.forEach((code, entries) -> byCode.put(code, IndexSorted.ofEntries(entries)));
    return new MultihashIndexSorted(byCode);
  }

  static MultihashIndexSorted decodeBody(IndexCodec.Cursor c) throws CarIndexException {
    int n = c.int32Count("multihash function count");
    TreeMap<Long, IndexSorted> byCode = new TreeMap<>(Long::compareUnsigned);
    Long last = null;
    for (int i = 0; i < n; i++) {
      long at = c.offset();
      long code = c.uint64("multihash code");
      if (last != null && Long.compareUnsigned(code, last) <= 0) {
        throw new CarIndexException(at, "Malformed CARv2 index: multihash codes at offset " + at
            + " are not strictly ascending (0x" + Long.toHexString(last) + " then 0x" + Long.toHexString(code) + ")");
      }
      last = code;
      byCode.put(code, IndexSorted.decodeBody(c));
    }
    return new MultihashIndexSorted(byCode);
  }

  @Override
  public Multicodec codec() {
    return Multicodec.CAR_MULTIHASH_INDEX_SORTED;
  }

  @Override
  public long size() {
    long n = 0;
    for (IndexSorted s : byCode.values()) {
      n += s.size();
    }
    return n;
  }

  @Override
  public long[] offsets(Multihash multihash) {
    IndexSorted s = byCode.get(multihash.code());
    return s == null ? new long[0] : s.find(multihash.digest());
  }

  @Override
  public void forEach(EntryVisitor visitor) {
    byCode.forEach((code, s) -> s.forEach(code, visitor));
  }

  @Override
  public byte[] toBytes() {
    byte[] codec = Varint.encode(codec().code());
    int len = codec.length + 4;
    for (IndexSorted s : byCode.values()) {
      len += 8 + s.bodyLength();
    }
    ByteBuffer out = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
    out.put(codec).putInt(byCode.size());
    byCode.forEach((code, s) -> {
      out.putLong(code);
      s.encodeBody(out);
    });
    return out.array();
  }

  /** Indexes are equal when their encodings are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof MultihashIndexSorted && Arrays.equals(toBytes(), ((MultihashIndexSorted) o).toBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "MultihashIndexSorted{" + size() + " entries, " + byCode.size() + " hash function(s)}";
  }
}

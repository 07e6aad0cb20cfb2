package io.carmint.car.index;

import io.carmint.car.CarIndexException;
import io.carmint.multiformats.Multicodec;
import io.carmint.multiformats.Multihash;
import io.carmint.multiformats.Varint;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code car-index-sorted} (0x0400) index: digests without their hash function, grouped in buckets by width.
 * Layout, as go-car writes it (the spec prose omits the bucket count and calls the byte length a "count"):
 *
 * <pre>
 * varint(0x0400) | int32 LE bucket count | per bucket, widths ascending:
 *     uint32 LE width (digest length + 8) | uint64 LE byte length | entries: digest | uint64 LE offset, sorted by digest
 * </pre>
 *
 * <p>Immutable and thread-safe. Also used as the per-function body of a {@link MultihashIndexSorted}.
 */
public final class IndexSorted implements CarIndex {
  private final List<IndexCodec.Bucket> buckets;

  private IndexSorted(List<IndexCodec.Bucket> buckets) {
    this.buckets = List.copyOf(buckets);
  }

  /**
   * @param records the records, in any order
   * @return the index of {@code records} (their hash functions are dropped; every record is kept, identity
   *     digests included)
   */
  public static IndexSorted of(Collection<IndexRecord> records) {
    List<IndexCodec.Entry> entries = new ArrayList<>(records.size());
    for (IndexRecord r : records) {
      entries.add(new IndexCodec.Entry(r.multihash().digest(), r.offset()));
    }
    return new IndexSorted(IndexCodec.buckets(entries));
  }

  static IndexSorted ofEntries(List<IndexCodec.Entry> entries) {
    return new IndexSorted(IndexCodec.buckets(entries));
  }

  /** Decodes the body after the codec varint. */
  static IndexSorted decodeBody(IndexCodec.Cursor c) throws CarIndexException {
    long at = c.offset();
    int n = c.int32Count("bucket count");
    List<IndexCodec.Bucket> buckets = new ArrayList<>(Math.min(n, 64));
    int lastWidth = -1;
    for (int i = 0; i < n; i++) {
      long bucketAt = c.offset();
      IndexCodec.Bucket b = c.bucket();
      if (b.width <= lastWidth) {
        throw new CarIndexException(bucketAt, "Malformed CARv2 index: bucket widths at offset " + at
            + " are not strictly ascending (" + lastWidth + " then " + b.width + ")");
      }
      lastWidth = b.width;
      buckets.add(b);
    }
    return new IndexSorted(buckets);
  }

  @Override
  public Multicodec codec() {
    return Multicodec.CAR_INDEX_SORTED;
  }

  @Override
  public long size() {
    long n = 0;
    for (IndexCodec.Bucket b : buckets) {
      n += b.count();
    }
    return n;
  }

  /** Looks the digest up, whatever its hash function. */
  @Override
  public long[] offsets(Multihash multihash) {
    return find(multihash.digest());
  }

  long[] find(byte[] digest) {
    for (IndexCodec.Bucket b : buckets) {
      if (b.digestLength() == digest.length) {
        return b.find(digest);
      }
    }
    return new long[0];
  }

  @Override
  public void forEach(EntryVisitor visitor) {
    forEach(-1, visitor);
  }

  void forEach(long hashCode, EntryVisitor visitor) {
    for (IndexCodec.Bucket b : buckets) {
      b.forEach(hashCode, visitor);
    }
  }

  int bodyLength() {
    int n = 4;
    for (IndexCodec.Bucket b : buckets) {
      n += b.encodedLength();
    }
    return n;
  }

  void encodeBody(ByteBuffer out) {
    out.putInt(buckets.size());
    for (IndexCodec.Bucket b : buckets) {
      b.encode(out);
    }
  }

  @Override
  public byte[] toBytes() {
    byte[] codec = Varint.encode(codec().code());
    ByteBuffer out = ByteBuffer.allocate(codec.length + bodyLength()).order(ByteOrder.LITTLE_ENDIAN);
    out.put(codec);
    encodeBody(out);
    return out.array();
  }

  /** Indexes are equal when their encodings are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof IndexSorted && java.util.Arrays.equals(toBytes(), ((IndexSorted) o).toBytes());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "IndexSorted{" + size() + " entries in " + buckets.size() + " bucket(s)}";
  }
}

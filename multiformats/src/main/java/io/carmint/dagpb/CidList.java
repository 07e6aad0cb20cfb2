package io.carmint.dagpb;

import io.carmint.multiformats.Cid;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list of CIDs held as their binary forms end to end, each {@link Cid} made when asked for: about the
 * CIDs' own bytes plus 4 bytes per CID, where {@link Cid} objects take over 100 bytes each. Thread-safe.
 */
final class CidList extends AbstractList<Cid> implements RandomAccess {
  private final byte[] bytes;
  private final int[] ends; // ends[i]: where CID i ends in bytes; it starts where CID i-1 ends

  private CidList(byte[] bytes, int[] ends) {
    this.bytes = bytes;
    this.ends = ends;
  }

  @Override
  public Cid get(int index) {
    Objects.checkIndex(index, ends.length);
    int start = index == 0 ? 0 : ends[index - 1];
    return Cid.read(bytes, start, ends[index]);
  }

  @Override
  public int size() {
    return ends.length;
  }

  /** Collects CIDs; not thread-safe. */
  static final class Builder {
    private byte[] bytes = new byte[256];
    private int[] ends = new int[8];
    private int size;
    private int length;

    void add(Cid cid) {
      int n = cid.byteLength();
      if (length + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
      }
      cid.writeTo(bytes, length);
      length += n;
      if (size == ends.length) {
        ends = Arrays.copyOf(ends, size * 2);
      }
      ends[size++] = length;
    }

    CidList build() {
      return new CidList(Arrays.copyOf(bytes, length), Arrays.copyOf(ends, size));
    }
  }
}

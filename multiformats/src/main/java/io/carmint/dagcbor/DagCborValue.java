package io.carmint.dagcbor;

import io.carmint.multiformats.Cid;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A value of the <a href="https://ipld.io/docs/data-model/kinds/">IPLD data model</a> as DAG-CBOR encodes it:
 * null, boolean, integer, float, text, bytes, list, map (text keys only) or link (a {@link Cid}).
 *
 * <p>Every implementation is immutable and thread-safe, compares by value, and can only hold what DAG-CBOR can
 * encode: integers in [-2<sup>64</sup>, 2<sup>64</sup>-1], finite floats, text that is well-formed Unicode. A
 * {@link MapValue} keeps its entries in DAG-CBOR's canonical key order (shorter UTF-8 key first, then bytewise),
 * whatever order they were given in, so {@link DagCbor#encode} of equal values gives equal bytes.
 *
 * <pre>{@code
 * DagCborValue header = MapValue.builder()
 *     .put("version", IntValue.of(1))
 *     .put("roots", ListValue.of(LinkValue.of(root)))
 *     .build();
 * byte[] bytes = DagCbor.encode(header);
 * }</pre>
 */
public sealed interface DagCborValue permits DagCborValue.NullValue, DagCborValue.BoolValue,
    DagCborValue.IntValue, DagCborValue.FloatValue, DagCborValue.TextValue, DagCborValue.BytesValue,
    DagCborValue.ListValue, DagCborValue.MapValue, DagCborValue.LinkValue {

  /** The data-model kinds. */
  enum Kind {
    /** {@link NullValue}. */
    NULL,
    /** {@link BoolValue}. */
    BOOL,
    /** {@link IntValue}. */
    INT,
    /** {@link FloatValue}. */
    FLOAT,
    /** {@link TextValue}. */
    TEXT,
    /** {@link BytesValue}. */
    BYTES,
    /** {@link ListValue}. */
    LIST,
    /** {@link MapValue}. */
    MAP,
    /** {@link LinkValue}. */
    LINK
  }

  /** @return the data-model kind of this value */
  Kind kind();

  /** The null value (CBOR {@code f6}). */
  enum NullValue implements DagCborValue {
    /** The only instance. */
    INSTANCE;

    @Override
    public Kind kind() {
      return Kind.NULL;
    }

    /** @return {@code null} */
    @Override
    public String toString() {
      return "null";
    }
  }

  /**
   * A boolean (CBOR {@code f4} false, {@code f5} true).
   *
   * @param value the boolean
   */
  record BoolValue(boolean value) implements DagCborValue {
    /** {@code true}. */
    public static final BoolValue TRUE = new BoolValue(true);
    /** {@code false}. */
    public static final BoolValue FALSE = new BoolValue(false);

    /**
     * @param value the boolean
     * @return {@link #TRUE} or {@link #FALSE}
     */
    public static BoolValue of(boolean value) {
      return value ? TRUE : FALSE;
    }

    @Override
    public Kind kind() {
      return Kind.BOOL;
    }

    /** @return {@code true} or {@code false} */
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /**
   * An integer in CBOR's range, -2<sup>64</sup> to 2<sup>64</sup>-1 (major types 0 and 1). Values that fit a
   * {@code long} are held as one; the others as a {@link BigInteger}. Equality is numeric.
   */
  final class IntValue implements DagCborValue {
    /** Smallest value CBOR can encode: -2<sup>64</sup>. */
    public static final BigInteger MIN = BigInteger.ONE.shiftLeft(64).negate();
    /** Largest value CBOR can encode: 2<sup>64</sup>-1. */
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final long value;
    private final BigInteger big; // null when the value fits a long

    private IntValue(long value, BigInteger big) {
      this.value = value;
      this.big = big;
    }

    /**
     * @param value the integer
     * @return the integer {@code value}
     */
    public static IntValue of(long value) {
      return new IntValue(value, null);
    }

    /**
     * @param value the integer
     * @return the integer {@code value}
     * @throws IllegalArgumentException if it is outside [-2<sup>64</sup>, 2<sup>64</sup>-1]
     */
    public static IntValue of(BigInteger value) {
      Objects.requireNonNull(value, "value");
      if (value.bitLength() < 64) {
        return new IntValue(value.longValue(), null);
      }
      if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
        throw new IllegalArgumentException("Integer " + value + " is outside the CBOR range [-2^64, 2^64-1]");
      }
      return new IntValue(0, value);
    }

    /** @return whether the value fits a {@code long} */
    public boolean fitsLong() {
      return big == null;
    }

    /**
     * @return the value as a {@code long}
     * @throws ArithmeticException if it does not fit ({@link #fitsLong()} is false)
     */
    public long longValueExact() {
      if (big != null) {
        throw new ArithmeticException("Integer " + big + " does not fit a long");
      }
      return value;
    }

    /** @return the value as a {@link BigInteger} */
    public BigInteger bigIntegerValue() {
      return big != null ? big : BigInteger.valueOf(value);
    }

    @Override
    public Kind kind() {
      return Kind.INT;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof IntValue)) {
        return false;
      }
      IntValue other = (IntValue) o;
      return big == null ? other.big == null && other.value == value : big.equals(other.big);
    }

    @Override
    public int hashCode() {
      return big == null ? Long.hashCode(value) : big.hashCode();
    }

    /** @return the decimal value */
    @Override
    public String toString() {
      return big == null ? Long.toString(value) : big.toString();
    }
  }

  /**
   * A finite double (DAG-CBOR always encodes floats in 64 bits: {@code fb} + 8 bytes). NaN and the infinities
   * are not in the data model. {@code -0.0} and {@code 0.0} are different values, as their encodings are.
   *
   * @param value a finite double
   */
  record FloatValue(double value) implements DagCborValue {
    /**
     * @param value a finite double
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public FloatValue {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("DAG-CBOR floats must be finite, got " + value);
      }
    }

    /**
     * @param value a finite double
     * @return the float {@code value}
     */
    public static FloatValue of(double value) {
      return new FloatValue(value);
    }

    @Override
    public Kind kind() {
      return Kind.FLOAT;
    }

    /** @return the value, e.g. {@code 1.5} */
    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  /**
   * A text string (major type 3, UTF-8).
   *
   * @param value well-formed Unicode: no unpaired surrogate
   */
  record TextValue(String value) implements DagCborValue {
    /**
     * @param value the text
     * @throws IllegalArgumentException if {@code value} holds an unpaired surrogate (it has no UTF-8 form)
     */
    public TextValue {
      Objects.requireNonNull(value, "value");
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          throw new IllegalArgumentException("Text holds an unpaired surrogate U+"
              + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " at index " + i
              + ", which has no UTF-8 encoding");
        }
      }
    }

    /**
     * @param value the text
     * @return the text {@code value}
     */
    public static TextValue of(String value) {
      return new TextValue(value);
    }

    @Override
    public Kind kind() {
      return Kind.TEXT;
    }

    /** @return the text in double quotes */
    @Override
    public String toString() {
      return '"' + value + '"';
    }
  }

  /** A byte string (major type 2). Holds a private copy; never hands out its array. */
  final class BytesValue implements DagCborValue {
    private static final BytesValue EMPTY = new BytesValue(new byte[0]);
    private final byte[] bytes;
    private int hash;

    private BytesValue(byte[] bytes) {
      this.bytes = bytes;
    }

    /**
     * @param bytes the bytes; copied
     * @return a byte string holding a copy of {@code bytes}
     */
    public static BytesValue of(byte[] bytes) {
      return bytes.length == 0 ? EMPTY : new BytesValue(bytes.clone());
    }

    /** Trusted: takes ownership of {@code bytes}. */
    static BytesValue wrap(byte[] bytes) {
      return new BytesValue(bytes);
    }

    /** @return a copy of the bytes */
    public byte[] toBytes() {
      return bytes.clone();
    }

    /** @return the number of bytes */
    public int length() {
      return bytes.length;
    }

    /** The bytes without a copy, for the encoder. */
    byte[] bytesNoCopy() {
      return bytes;
    }

    @Override
    public Kind kind() {
      return Kind.BYTES;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || (o instanceof BytesValue && Arrays.equals(bytes, ((BytesValue) o).bytes));
    }

    @Override
    public int hashCode() {
      int h = hash;
      if (h == 0) {
        h = Arrays.hashCode(bytes);
        hash = h;
      }
      return h;
    }

    /** @return {@code bytes(N):hex}, the hex cut after 32 bytes */
    @Override
    public String toString() {
      int shown = Math.min(bytes.length, 32);
      return "bytes(" + bytes.length + "):" + HexFormat.of().formatHex(bytes, 0, shown)
          + (shown < bytes.length ? "…" : "");
    }
  }

  /**
   * A list (major type 4).
   *
   * @param items the items, in order; copied into an unmodifiable list
   */
  record ListValue(List<DagCborValue> items) implements DagCborValue {
    /**
     * @param items the items, in order
     * @throws NullPointerException if {@code items} or an item is null
     */
    public ListValue {
      items = List.copyOf(items);
    }

    /**
     * @param items the items, in order
     * @return a list of {@code items}
     */
    public static ListValue of(DagCborValue... items) {
      return new ListValue(List.of(items));
    }

    /** @return the number of items */
    public int size() {
      return items.size();
    }

    /**
     * @param index the item's index
     * @return item {@code index}
     * @throws IndexOutOfBoundsException if there is none
     */
    public DagCborValue get(int index) {
      return items.get(index);
    }

    @Override
    public Kind kind() {
      return Kind.LIST;
    }

    /** @return the items in square brackets */
    @Override
    public String toString() {
      return items.toString();
    }
  }

  /**
   * A map with text keys (major type 5), its entries held in DAG-CBOR's canonical order: shorter UTF-8 key
   * first, then bytewise. Keys are unique.
   */
  final class MapValue implements DagCborValue {
    private static final MapValue EMPTY = new MapValue(Collections.emptyMap());
    private final Map<String, DagCborValue> entries; // unmodifiable, canonical iteration order

    private MapValue(Map<String, DagCborValue> entries) {
      this.entries = entries;
    }

    /**
     * @param entries the entries
     * @return a map of {@code entries}, whatever their order
     * @throws IllegalArgumentException if a key holds an unpaired surrogate
     * @throws NullPointerException if a key or value is null
     */
    public static MapValue of(Map<String, ? extends DagCborValue> entries) {
      Builder b = builder();
      entries.forEach(b::put);
      return b.build();
    }

    /** @return a builder of a map */
    public static Builder builder() {
      return new Builder();
    }

    /** Trusted: {@code sorted} is already in canonical order with unique keys. */
    static MapValue ofSorted(LinkedHashMap<String, DagCborValue> sorted) {
      return sorted.isEmpty() ? EMPTY : new MapValue(Collections.unmodifiableMap(sorted));
    }

    /** @return the entries, unmodifiable, iterating in canonical key order */
    public Map<String, DagCborValue> entries() {
      return entries;
    }

    /**
     * @param key the key
     * @return the value under {@code key}, if any
     */
    public Optional<DagCborValue> get(String key) {
      return Optional.ofNullable(entries.get(key));
    }

    /** @return the number of entries */
    public int size() {
      return entries.size();
    }

    @Override
    public Kind kind() {
      return Kind.MAP;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || (o instanceof MapValue && entries.equals(((MapValue) o).entries));
    }

    @Override
    public int hashCode() {
      return entries.hashCode();
    }

    /** @return {@code {key=value, …}} in canonical order */
    @Override
    public String toString() {
      return entries.toString();
    }

    /** Collects entries for a {@link MapValue}; not thread-safe, single use is not enforced. */
    public static final class Builder {
      private final List<String> keys = new ArrayList<>();
      private final List<DagCborValue> values = new ArrayList<>();
      private final java.util.Set<String> seen = new java.util.HashSet<>();

      private Builder() {}

      /**
       * Adds an entry.
       *
       * @param key the key
       * @param value the value
       * @return this builder
       * @throws IllegalArgumentException if {@code key} was already added or holds an unpaired surrogate
       */
      public Builder put(String key, DagCborValue value) {
        new TextValue(key); // validates the key
        Objects.requireNonNull(value, "value");
        if (!seen.add(key)) {
          throw new IllegalArgumentException("Duplicate map key \"" + key + "\"");
        }
        keys.add(key);
        values.add(value);
        return this;
      }

      /** @return the map, entries in canonical order */
      public MapValue build() {
        int n = keys.size();
        if (n == 0) {
          return EMPTY;
        }
        byte[][] utf8 = new byte[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
          utf8[i] = keys.get(i).getBytes(StandardCharsets.UTF_8);
          order[i] = i;
        }
        Arrays.sort(order, (a, b) -> compareKeys(utf8[a], utf8[b]));
        LinkedHashMap<String, DagCborValue> sorted = new LinkedHashMap<>(n * 2);
        for (Integer i : order) {
          sorted.put(keys.get(i), values.get(i));
        }
        return new MapValue(Collections.unmodifiableMap(sorted));
      }
    }

    /** DAG-CBOR key order over UTF-8 key bytes: shorter first, then unsigned bytewise. */
    static int compareKeys(byte[] a, byte[] b) {
      return a.length != b.length ? Integer.compare(a.length, b.length) : Arrays.compareUnsigned(a, b);
    }
  }

  /**
   * A link: a CID, encoded as tag 42 over a byte string of {@code 0x00} followed by the binary CID.
   *
   * @param cid the CID
   */
  record LinkValue(Cid cid) implements DagCborValue {
    /**
     * @param cid the CID linked to
     * @throws NullPointerException if {@code cid} is null
     */
    public LinkValue {
      Objects.requireNonNull(cid, "cid");
    }

    /**
     * @param cid the CID linked to
     * @return a link to {@code cid}
     */
    public static LinkValue of(Cid cid) {
      return new LinkValue(cid);
    }

    @Override
    public Kind kind() {
      return Kind.LINK;
    }

    /** @return the CID's canonical text */
    @Override
    public String toString() {
      return cid.toString();
    }
  }
}

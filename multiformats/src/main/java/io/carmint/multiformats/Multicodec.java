package io.carmint.multiformats;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A multicodec code: what the content addressed by a CID is (raw bytes, dag-pb, dag-cbor…), or which multibase,
 * hash or index format something uses. See the <a href="https://github.com/multiformats/multicodec">multicodec
 * table</a>.
 *
 * <p>Codes are open values: {@link #of(long)} accepts any non-negative code, so an unknown codec parses and
 * round-trips; only computing with it (decoding a block of that codec, say) fails. Well-known codes are
 * constants and have names. Immutable.
 */
public final class Multicodec {
  /** {@code identity} (0x00): raw bytes held inline, as a multihash function. */
  public static final Multicodec IDENTITY = new Multicodec(0x00, "identity");
  /** {@code cbor} (0x51): plain CBOR, not DAG-CBOR (no links). */
  public static final Multicodec CBOR = new Multicodec(0x51, "cbor");
  /** {@code raw} (0x55): a block of plain bytes. */
  public static final Multicodec RAW = new Multicodec(0x55, "raw");
  /** {@code dag-pb} (0x70): MerkleDAG protobuf, the codec of UnixFS nodes. */
  public static final Multicodec DAG_PB = new Multicodec(0x70, "dag-pb");
  /** {@code dag-cbor} (0x71). */
  public static final Multicodec DAG_CBOR = new Multicodec(0x71, "dag-cbor");
  /** {@code libp2p-key} (0x72). */
  public static final Multicodec LIBP2P_KEY = new Multicodec(0x72, "libp2p-key");
  /** {@code dag-json} (0x0129). */
  public static final Multicodec DAG_JSON = new Multicodec(0x0129, "dag-json");
  /** {@code json} (0x0200): plain JSON, not DAG-JSON. */
  public static final Multicodec JSON = new Multicodec(0x0200, "json");
  /** {@code car} (0x0202): a whole CAR file, as addressed by {@code ipfs-car hash}. */
  public static final Multicodec CAR = new Multicodec(0x0202, "car");
  /** {@code car-index-sorted} (0x0400): the CARv2 IndexSorted index format. */
  public static final Multicodec CAR_INDEX_SORTED = new Multicodec(0x0400, "car-index-sorted");
  /** {@code car-multihash-index-sorted} (0x0401): the CARv2 MultihashIndexSorted index format. */
  public static final Multicodec CAR_MULTIHASH_INDEX_SORTED = new Multicodec(0x0401, "car-multihash-index-sorted");

  private static final List<Multicodec> KNOWN = List.of(IDENTITY, CBOR, RAW, DAG_PB, DAG_CBOR, LIBP2P_KEY, DAG_JSON,
      JSON, CAR, CAR_INDEX_SORTED, CAR_MULTIHASH_INDEX_SORTED);
  private static final Map<Long, Multicodec> BY_CODE =
      KNOWN.stream().collect(Collectors.toUnmodifiableMap(Multicodec::code, Function.identity()));
  private static final Map<String, Multicodec> BY_NAME =
      KNOWN.stream().collect(Collectors.toUnmodifiableMap(Multicodec::name, Function.identity()));

  private final long code;
  private final String name;

  private Multicodec(long code, String name) {
    this.code = code;
    this.name = name;
  }

  /**
   * @param code a non-negative multicodec code
   * @return the well-known constant for {@code code}, or a new unnamed instance for an unknown code
   * @throws IllegalArgumentException if {@code code} is negative
   */
  public static Multicodec of(long code) {
    Multicodec known = BY_CODE.get(code);
    if (known != null) {
      return known;
    }
    if (code < 0) {
      throw new IllegalArgumentException("Multicodec code must be non-negative, got " + code);
    }
    return new Multicodec(code, "0x" + Long.toHexString(code));
  }

  /**
   * @param name a well-known codec name such as {@code dag-pb}, or a code written {@code 0x…}
   * @return that codec
   * @throws IllegalArgumentException if the name is neither a known name nor a hexadecimal code
   */
  public static Multicodec forName(String name) {
    Objects.requireNonNull(name, "name");
    Multicodec known = BY_NAME.get(name.toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }
    if (name.startsWith("0x")) {
      try {
        return of(Long.parseUnsignedLong(name.substring(2), 16));
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new IllegalArgumentException("Unknown multicodec '" + name + "'; known: "
        + KNOWN.stream().map(Multicodec::name).collect(Collectors.joining(", ")));
  }

  /** @return the well-known codecs, in code order */
  public static Collection<Multicodec> known() {
    return KNOWN;
  }

  /** @return the numeric code */
  public long code() {
    return code;
  }

  /** @return the table name, or {@code 0x…} for an unknown code */
  public String name() {
    return name;
  }

  /** @return whether this code is one of the well-known constants */
  public boolean isKnown() {
    return BY_CODE.containsKey(code);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Multicodec && ((Multicodec) o).code == code;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(code);
  }

  /** @return the name, e.g. {@code dag-pb} */
  @Override
  public String toString() {
    return name;
  }
}

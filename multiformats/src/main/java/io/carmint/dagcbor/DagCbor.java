package io.carmint.dagcbor;

import io.carmint.dagcbor.DagCborValue.IntValue;
import io.carmint.dagcbor.DagCborValue.LinkValue;
import io.carmint.dagcbor.DagCborValue.ListValue;
import io.carmint.dagcbor.DagCborValue.MapValue;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The <a href="https://ipld.io/specs/codecs/dag-cbor/spec/">DAG-CBOR</a> codec (multicodec 0x71): strict decoding
 * to {@link DagCborValue}s, canonical encoding, link extraction, and the CAR header forms.
 *
 * <p><b>Decoding is strict</b>, as the spec's "Strictness" section describes and its "Decode strictness"
 * section allows to relax (we do not): one top-level value and no trailing bytes; definite lengths only;
 * integers, lengths and the tag in their shortest form; no tag but 42 ({@code d8 2a}), over a byte string of
 * {@code 0x00} + a valid binary CID; map keys are text, unique, sorted by encoded length then bytewise; floats
 * are 64-bit and finite; text is valid UTF-8; no simple values but false, true and null. So every accepted
 * input re-encodes to the same bytes: {@code encode(decode(b))} equals {@code b}. Historical non-canonical data
 * (half-precision floats, unsorted keys as cbor-gen once wrote) is rejected with a
 * {@link DagCborFormatException} naming the rule. Text must be valid UTF-8 (this is a "limited domain" codec in
 * IPLD terms: strings are Unicode text); {@link #links} alone lets other text bytes through.
 *
 * <p><b>Limits</b> ({@link DagCborDecodeOptions}): nesting depth and declared lengths are checked before anything
 * is allocated; a declared length larger than the bytes left is reported as truncation.
 *
 * <pre>{@code
 * byte[] header = DagCbor.encodeCarV1Header(List.of(root)); // a2 65 "roots" 81 d8 2a 58 25 00 01 … 67 "version" 01
 * DagCborValue v = DagCbor.decode(blockBytes);
 * List<Cid> children = DagCbor.links(blockBytes);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DagCbor {
  private DagCbor() {}

  /**
   * Encodes a value canonically: shortest heads, map keys in DAG-CBOR order, floats in 64 bits, links as tag 42.
   * Never fails for a value the model can hold, except past 2 GiB of output. Does not recurse, so any nesting
   * depth is fine.
   *
   * @param value the value
   * @return the encoding
   * @throws IllegalArgumentException if the encoding would exceed 2 GiB
   */
  public static byte[] encode(DagCborValue value) {
    Objects.requireNonNull(value, "value");
    return DagCborEncoder.encode(value);
  }

  /**
   * Decodes exactly one strict DAG-CBOR value with the {@linkplain DagCborDecodeOptions#DEFAULTS default limits}.
   *
   * @param bytes one DAG-CBOR value
   * @return the value
   * @throws DagCborFormatException if the bytes are not exactly one canonical DAG-CBOR value (message: offset and
   *     rule)
   * @throws LimitExceededException if nesting or a declared length exceeds the default limits
   */
  public static DagCborValue decode(byte[] bytes) throws DagCborFormatException, LimitExceededException {
    return decode(bytes, 0, bytes.length, DagCborDecodeOptions.DEFAULTS);
  }

  /**
   * Decodes exactly one strict DAG-CBOR value.
   *
   * @param bytes one DAG-CBOR value
   * @param options the limits
   * @return the value
   * @throws DagCborFormatException if the bytes are not exactly one canonical DAG-CBOR value
   * @throws LimitExceededException if nesting or a declared length exceeds {@code options}
   */
  public static DagCborValue decode(byte[] bytes, DagCborDecodeOptions options)
      throws DagCborFormatException, LimitExceededException {
    return decode(bytes, 0, bytes.length, options);
  }

  /**
   * Decodes exactly one strict DAG-CBOR value occupying all of {@code bytes[offset..offset+length)}. Offsets in
   * exceptions are relative to {@code offset}. The array is not modified or kept.
   *
   * @param bytes the array holding the value
   * @param offset where the value starts
   * @param length the value's length
   * @param options the limits
   * @return the value
   * @throws DagCborFormatException if the range is not exactly one canonical DAG-CBOR value
   * @throws LimitExceededException if nesting or a declared length exceeds {@code options}
   * @throws IndexOutOfBoundsException if the range is outside {@code bytes}
   */
  public static DagCborValue decode(byte[] bytes, int offset, int length, DagCborDecodeOptions options)
      throws DagCborFormatException, LimitExceededException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return DagCborDecoder.decode(bytes, offset, length, Objects.requireNonNull(options, "options"));
  }

  /**
   * Validates {@code bytes} as strict DAG-CBOR and returns the CIDs of all its links (tag 42), in document order,
   * duplicates kept. Builds no other values, so it is the cheap way to walk a DAG.
   *
   * <p>Every rule of {@link #decode(byte[])} applies but one: text strings (and map keys, still checked for
   * order and uniqueness bytewise) need not be valid UTF-8. {@link DagCborValue.TextValue} cannot hold such
   * text, so {@code decode} rejects it, but real DAGs carry it (Filecoin chain blocks written by go-ipld-prime,
   * e.g. 140 of the 1043 dag-cbor blocks in go-car's {@code sample-v1.car}), and a DAG walk must not stop there.
   *
   * @param bytes one DAG-CBOR value
   * @return the CIDs of its links, in document order
   * @throws DagCborFormatException if the bytes are not exactly one canonical DAG-CBOR value
   * @throws LimitExceededException if nesting or a declared length exceeds the default limits
   */
  public static List<Cid> links(byte[] bytes) throws DagCborFormatException, LimitExceededException {
    return links(bytes, DagCborDecodeOptions.DEFAULTS);
  }

  /**
   * As {@link #links(byte[])}, with explicit limits.
   *
   * @param bytes one DAG-CBOR value
   * @param options the limits
   * @return the CIDs of its links, in document order
   * @throws DagCborFormatException if the bytes are not exactly one canonical DAG-CBOR value
   * @throws LimitExceededException if nesting or a declared length exceeds {@code options}
   */
  public static List<Cid> links(byte[] bytes, DagCborDecodeOptions options)
      throws DagCborFormatException, LimitExceededException {
    return DagCborDecoder.links(bytes, 0, bytes.length, Objects.requireNonNull(options, "options"));
  }

  /**
   * The DAG-CBOR body of a CARv1 header: {@code {"roots": [links…], "version": 1}} ("roots" sorts first, being
   * shorter). Zero roots are encoded as given; whether they are acceptable is the CAR layer's decision.
   *
   * @param roots the root CIDs, in order
   * @return the encoding, without the CAR's leading length varint
   */
  public static byte[] encodeCarV1Header(List<Cid> roots) {
    List<DagCborValue> links = new ArrayList<>(roots.size());
    for (Cid root : roots) {
      links.add(new LinkValue(root));
    }
    return encode(MapValue.of(Map.of("roots", new ListValue(links), "version", IntValue.of(1))));
  }

  /**
   * The DAG-CBOR body of the CARv2 pragma, {@code {"version": 2}}: the 10 bytes
   * {@code a1 67 76 65 72 73 69 6f 6e 02} (the CAR file prefixes them with the varint {@code 0a}).
   *
   * @return a new array holding those bytes
   */
  public static byte[] encodeCarV2Pragma() {
    return encode(MapValue.of(Map.of("version", IntValue.of(2))));
  }

  /**
   * Decodes a CAR header (the CARv1 header or the CARv2 pragma) into its fields, checking its shape as js-car's
   * schema {@code {roots optional [&Any], version Int}} does: a map with an integer {@code version} and, if
   * present, {@code roots} as a list of links; any other key is rejected. The version's meaning (1 needs roots,
   * 2 is a pragma, others unsupported) is left to the CAR layer.
   *
   * @param bytes the header's DAG-CBOR bytes
   * @return the version and the roots ({@code null} when the map has no {@code roots} key)
   * @throws DagCborFormatException if the bytes are not strict DAG-CBOR or not of that shape (offset -1 for
   *     shape errors)
   * @throws LimitExceededException if nesting or a declared length exceeds the default limits
   */
  public static CarHeaderFields decodeCarHeader(byte[] bytes) throws DagCborFormatException, LimitExceededException {
    DagCborValue value = decode(bytes);
    if (!(value instanceof MapValue)) {
      throw new DagCborFormatException(-1, "a CAR header must be a map, found a " + value.kind());
    }
    Map<String, DagCborValue> entries = ((MapValue) value).entries();
    for (String key : entries.keySet()) {
      if (!key.equals("roots") && !key.equals("version")) {
        throw new DagCborFormatException(-1, "unexpected key \"" + key
            + "\" in a CAR header; only \"roots\" and \"version\" are allowed");
      }
    }
    DagCborValue version = entries.get("version");
    if (!(version instanceof IntValue)) {
      throw new DagCborFormatException(-1, "a CAR header needs an integer \"version\", found "
          + (version == null ? "none" : "a " + version.kind()));
    }
    IntValue v = (IntValue) version;
    if (!v.fitsLong() || v.longValueExact() < 0) {
      throw new DagCborFormatException(-1, "CAR header version " + v + " is out of range");
    }
    DagCborValue roots = entries.get("roots");
    List<Cid> cids = null;
    if (roots != null) {
      if (!(roots instanceof ListValue)) {
        throw new DagCborFormatException(-1, "CAR header \"roots\" must be a list of links, found a "
            + roots.kind());
      }
      cids = new ArrayList<>(((ListValue) roots).size());
      for (DagCborValue root : ((ListValue) roots).items()) {
        if (!(root instanceof LinkValue)) {
          throw new DagCborFormatException(-1, "CAR header \"roots\" must hold only links, found a " + root.kind());
        }
        cids.add(((LinkValue) root).cid());
      }
    }
    return new CarHeaderFields(v.longValueExact(), cids == null ? null : List.copyOf(cids));
  }

  /**
   * The fields of a CAR header as {@link #decodeCarHeader} reads them.
   *
   * @param version the {@code version} value, non-negative
   * @param roots the root CIDs in order, unmodifiable, or {@code null} when the header has no {@code roots} key
   *     (as in the CARv2 pragma)
   */
  public record CarHeaderFields(long version, List<Cid> roots) {
    /**
     * @param version the {@code version} value, non-negative
     * @param roots the root CIDs in order, or {@code null} when the header has no {@code roots} key
     * @throws IllegalArgumentException if {@code version} is negative
     */
    public CarHeaderFields {
      if (version < 0) {
        throw new IllegalArgumentException("version must be non-negative, got " + version);
      }
      roots = roots == null ? null : List.copyOf(roots);
    }
  }
}

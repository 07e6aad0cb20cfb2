/**
 * <a href="https://ipld.io/specs/codecs/dag-cbor/spec/">DAG-CBOR</a> (multicodec 0x71), the strict,
 * deterministic subset of CBOR (<a href="https://www.rfc-editor.org/rfc/rfc8949">RFC 8949</a>) used for CAR
 * headers, NFT metadata and other IPLD data.
 *
 * <p>{@link io.carmint.dagcbor.DagCbor} encodes and decodes {@link io.carmint.dagcbor.DagCborValue}s (the IPLD
 * data model: null, bool, integer, float, text, bytes, list, map, link), lists the links of a block without
 * building values, and writes and reads the CARv1 header and CARv2 pragma.
 *
 * <p>Supported: every data-model kind; integers over CBOR's whole range (-2<sup>64</sup> to 2<sup>64</sup>-1);
 * links as tag 42 over {@code 0x00} + binary CID (v0 or v1). Decoding rejects everything the spec's
 * "Strictness" section excludes (see {@link io.carmint.dagcbor.DagCbor}), so accepted bytes always re-encode
 * identically.
 *
 * <p>Not supported: the spec's optional relaxed decoding of historical data (unsorted keys, short floats,
 * non-minimal integers); text that is not valid UTF-8 (the model holds Java strings; only
 * {@link io.carmint.dagcbor.DagCbor#links} tolerates it); NaN and infinities; other CBOR tags, undefined and
 * simple values; streaming decode (blocks are decoded from memory; the CAR layer bounds their size first).
 *
 * <p>Errors: {@link io.carmint.dagcbor.DagCborFormatException} (not canonical DAG-CBOR; offset in the message)
 * and {@link io.carmint.multiformats.LimitExceededException} (over a {@link io.carmint.dagcbor.DagCborDecodeOptions}
 * limit), both {@link java.io.IOException}s.
 */
package io.carmint.dagcbor;

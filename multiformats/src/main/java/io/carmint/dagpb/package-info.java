/**
 * The <a href="https://ipld.io/specs/codecs/dag-pb/spec/">dag-pb</a> codec (multicodec 0x70): the protobuf
 * "MerkleDAG" node that UnixFS is stored in.
 *
 * <pre>
 * message PBLink { optional bytes Hash = 1; optional string Name = 2; optional uint64 Tsize = 3; }
 * message PBNode { repeated PBLink Links = 2; optional bytes Data = 1; }
 * </pre>
 *
 * <p>{@link io.carmint.dagpb.DagPb} encodes exactly the bytes Kubo (boxo) and {@code @ipld/dag-pb} write:
 * Links (field 2) before Data (field 1), a link's Name and Tsize written whenever present (an empty Name is
 * {@code 12 00}), Data written only when present. Decoding is strict, as the spec's "Protobuf Strictness"
 * section and go-codec-dagpb require: fields out of order (Data before Links, Name before Hash…), duplicate
 * fields, unknown fields, wrong wire types, non-minimal or overlong varints, truncated fields, trailing bytes
 * and links without a valid Hash are rejected with a {@link io.carmint.dagpb.DagPbFormatException} giving the
 * byte offset. {@link io.carmint.dagpb.DagPb#view} checks a block as strictly but decodes its links only when
 * asked for ({@link io.carmint.dagpb.PbNodeView}), and {@link io.carmint.dagpb.DagPb#links} keeps link CIDs as
 * bytes: a block of half a million links then costs megabytes, not the hundreds of megabytes decoded links take.
 *
 * <p>Not supported: the legacy "data-first" field order on decode (js-ipfs wrote it long ago; go-codec-dagpb
 * rejects it too), Name bytes that are not UTF-8, and Tsize values above 2<sup>63</sup>-1.
 */
package io.carmint.dagpb;

/**
 * The <a href="https://specs.ipfs.tech/unixfs/">UnixFS</a> {@code Data} message carried in the Data field of
 * dag-pb nodes: {@link io.carmint.unixfs.UnixFsData} and its codec.
 *
 * <pre>
 * message Data {
 *   required DataType Type = 1;          // Raw, Directory, File, Metadata, Symlink, HAMTShard
 *   optional bytes  Data = 2;            // file bytes, symlink target, HAMT bitfield
 *   optional uint64 filesize = 3;
 *   repeated uint64 blocksizes = 4;      // proto2, NOT packed: one 0x20 tag per entry
 *   optional uint64 hashType = 5;        // HAMT: 0x22 murmur3-x64-64
 *   optional uint64 fanout = 6;          // HAMT: 256
 *   optional uint32 mode = 7;            // UnixFS 1.5
 *   optional UnixTime mtime = 8;         // UnixFS 1.5: { required int64 Seconds = 1; optional fixed32 FractionalNanoseconds = 2; }
 * }
 * </pre>
 *
 * <p>Fields are written in field-number order, each only when present, exactly as boxo (Kubo) and
 * ipfs-unixfs write them. Decoding is strict: fields out of order, duplicates, unknown fields, wrong wire
 * types (including packed blocksizes), non-minimal varints and unknown types are rejected with a
 * {@link io.carmint.unixfs.UnixFsFormatException}. The sub-packages hold the importer (chunkers, layouts, HAMT)
 * and the exporter.
 */
package io.carmint.unixfs;

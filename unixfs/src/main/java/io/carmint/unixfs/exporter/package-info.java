/**
 * Reads UnixFS DAGs back from a {@link io.carmint.block.BlockSource}: {@link io.carmint.unixfs.exporter.Exporter}
 * streams file bytes with bounded memory, lists basic and HAMT-sharded directories (whole, or lazily entry by entry
 * with a {@link io.carmint.unixfs.exporter.DirectoryCursor}), reads symlinks and walks whole trees for extraction.
 *
 * <p>Everything read is checked: block bytes against their CID (by default), dag-pb and UnixFS strictly, each file
 * node's declared sizes ({@code filesize}, {@code blocksizes}) against the bytes its data and children really hold,
 * directory names (present, unique, and safe path segments when walking: {@link
 * io.carmint.unixfs.exporter.EntryNames}), HAMT shard structure, and depth limits.
 * Failures are typed: {@link io.carmint.unixfs.exporter.MissingBlockException} (a block is not in the source),
 * {@link io.carmint.block.BlockIntegrityException} (bytes do not hash to the CID),
 * {@link io.carmint.unixfs.UnixFsFormatException} (a node is malformed or inconsistent; its subclasses
 * {@link io.carmint.unixfs.exporter.UnsafeNameException} for names that would escape a directory and
 * {@link io.carmint.unixfs.exporter.DuplicateNameException} for a name used twice in one directory), and
 * {@link io.carmint.multiformats.LimitExceededException} (a DAG deeper than the configured limit).
 *
 * <p>Not limited here: how many entries and bytes a DAG declares. A small DAG that links one sub-DAG many times can
 * declare billions of either; the exporter reads lazily so a caller can count and stop (the
 * {@code io.carmint.unixfs.unpack} package does).
 *
 * <p>Supported: raw and dag-pb leaves (UnixFS File and Raw types), balanced and trickle files, files whose nodes
 * hold both data and links, basic directories, HAMT directories (murmur3-x64-64, fanout a power of two up to
 * 1024), symlinks. Not supported: the Metadata type, mode/mtime (ignored), identity-inlined children are read like
 * any other block the source returns.
 */
package io.carmint.unixfs.exporter;

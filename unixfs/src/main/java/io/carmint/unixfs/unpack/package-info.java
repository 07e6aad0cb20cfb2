/**
 * Safe extraction of UnixFS trees to the file system: {@link io.carmint.unixfs.unpack.Unpacker} reads a tree with
 * the {@link io.carmint.unixfs.exporter.Exporter} and writes it under a target directory.
 *
 * <p>Guarantees, whatever the DAG holds: no path outside the target is written or created; no write goes through a
 * symlink (neither one that existed nor one the DAG created earlier); existing files are never replaced; a file
 * appears under its final name only complete and with its declared size; symlinks are created only if their
 * target provably stays inside; entries, bytes, block reads and depth are bounded while streaming. Each refusal is
 * a typed {@link java.io.IOException} naming the entry path and the reason (see {@link
 * io.carmint.unixfs.unpack.Unpacker} for the list).
 *
 * <p>Not supported: UnixFS mode and mtime (not applied), the Metadata node type. Not defended against: concurrent
 * changes to the target by other processes.
 *
 * @see <a href="https://specs.ipfs.tech/unixfs/">UnixFS specification</a>
 */
package io.carmint.unixfs.unpack;

/**
 * The UnixFS importer: files, directory trees, streams and in-memory entries in, UnixFS blocks out, byte-compatible
 * with a chosen reference tool ({@link io.carmint.unixfs.importer.ImportProfile}: ipfs-car, the nft.storage
 * client, IPIP-499's unixfs-v1-2025 and unixfs-v0-2015 (Kubo's {@code ipfs add}), Kubo with CIDv1).
 *
 * <pre>{@code
 * ImportResult r = Importer.of(ImportProfile.IPFS_CAR).importPath(Path.of("nft"), carWriter::put);
 * }</pre>
 *
 * <p>What each profile does with the parts of a tree the reference tools disagree on:
 * <ul>
 *   <li>hidden entries (name starting with {@code .}): skipped by every preset unless
 *       {@code includeHidden(true)} (Kubo {@code -H}, ipfs-car {@code --hidden});
 *   <li>symlinks: ipfs-car and nft.storage drop them inside a tree and follow a symlink given as the input;
 *       Kubo-like presets store UnixFS Symlink nodes (target verbatim), never following them;
 *   <li>empty directories: dropped by ipfs-car and nft.storage (they only see files), kept by Kubo-like presets;
 *   <li>when a directory becomes a HAMT: see {@link io.carmint.unixfs.importer.ShardingRule};
 *   <li>names: {@link io.carmint.unixfs.importer.PathRules}; ipfs-car also strips the directories every file shares
 *       ({@code stripCommonPrefix}).
 * </ul>
 *
 * <p>Not supported: UnixFS 1.5 mode/mtime, identity-inlined CIDs, rabin/buzhash chunking, un-sharding.
 */
package io.carmint.unixfs.importer;

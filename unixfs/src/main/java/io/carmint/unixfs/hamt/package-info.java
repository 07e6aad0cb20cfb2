/**
 * HAMT-sharded UnixFS directories: {@link io.carmint.unixfs.hamt.HamtShard} builds the canonical shard tree of a
 * large directory, {@link io.carmint.unixfs.hamt.HamtBuckets} is the bucket rule it writes by (and the exporter reads
 * by), and {@link io.carmint.unixfs.hamt.Murmur3} is the key hash.
 *
 * <p>Byte-level facts (boxo {@code ipld/unixfs/hamt}, go-bitfield, ipfs-unixfs-importer, {@code @ipld/unixfs}
 * agree): the key hash is the first 64 bits (h1) of MurmurHash3_x64_128 with seed 0, read big-endian; each level
 * consumes {@code log2(fanout)} bits of it from the most significant end; a bucket holds one entry until a second
 * key lands in it, then both move one level down into a child shard. A shard's Data is the UnixFS message
 * {@code {Type: HAMTShard, Data: bitfield, hashType: 0x22, fanout}} whose bitfield is a big-endian integer with
 * bit i set for occupied bucket i and leading zero bytes stripped; its links are in bucket order, named by the
 * bucket in uppercase hex ({@code "0A"}) for a child shard or that prefix followed by the entry name. See the
 * <a href="https://specs.ipfs.tech/unixfs/#hamt-directory">UnixFS spec</a>.
 */
package io.carmint.unixfs.hamt;

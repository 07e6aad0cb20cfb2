/**
 * The <a href="https://multiformats.io/">multiformats</a> carmint builds on: unsigned varints, multibase,
 * multihash, multicodec and CIDs. No runtime dependency; Bouncy Castle, if present, adds hash functions.
 *
 * <ul>
 *   <li>{@link io.carmint.multiformats.Varint}: the
 *       <a href="https://github.com/multiformats/unsigned-varint">unsigned varint</a>, minimal encodings only, at
 *       most 9 bytes (values up to 2<sup>63</sup>-1), from arrays, buffers and streams.
 *   <li>{@link io.carmint.multiformats.Multibase}: every encoding of the
 *       <a href="https://github.com/multiformats/multibase">multibase table</a> (base2 to base256emoji, base45)
 *       except proquint, one codec object per base, strict decoding.
 *   <li>{@link io.carmint.multiformats.Multihash} and {@link io.carmint.multiformats.HashFunction}: the
 *       <a href="https://github.com/multiformats/multihash">multihash</a> value and the functions carmint can
 *       compute (identity, sha1, sha2-256/384/512, sha3-224/256/384/512 from the JDK; blake2b-256/512, blake3,
 *       keccak-256 from Bouncy Castle), with incremental {@link io.carmint.multiformats.Hasher}s and truncation.
 *   <li>{@link io.carmint.multiformats.Multicodec}: an open table of
 *       <a href="https://github.com/multiformats/multicodec">multicodec</a> codes; unknown codes round-trip.
 *   <li>{@link io.carmint.multiformats.Cid}: <a href="https://github.com/multiformats/cid">CID</a> v0 and v1,
 *       canonical text (base58btc for v0, base32 for v1), parsing from any multibase, binary form.
 * </ul>
 *
 * <p>Not supported: proquint (no spec for odd byte counts); murmur3 and other hash functions outside the list
 * above (their multihashes parse and print but cannot be computed); CID versions other than 0 and 1 (2 and 3
 * are reserved and rejected).
 *
 * <p>Errors: bad input in memory throws an {@link java.lang.IllegalArgumentException} subclass naming what is
 * wrong and where ({@link io.carmint.multiformats.InvalidVarintException},
 * {@link io.carmint.multiformats.MultibaseException}, {@link io.carmint.multiformats.InvalidMultihashException},
 * {@link io.carmint.multiformats.InvalidCidException}, {@link io.carmint.multiformats.UnsupportedHashException});
 * bad bytes on a stream throw {@link io.carmint.multiformats.VarintFormatException} or
 * {@link java.io.EOFException}, both {@link java.io.IOException}s. Every value type is immutable and thread-safe;
 * hashers are not.
 *
 * <p>The checked data errors of every carmint module share {@link io.carmint.multiformats.DataException} (bad or
 * refused bytes, with a byte offset): the format exceptions of each format,
 * {@link io.carmint.multiformats.LimitExceededException} (one type for every configured limit, naming its
 * setting) and {@link io.carmint.block.BlockIntegrityException} (bytes that do not hash to their CID).
 */
package io.carmint.multiformats;

/**
 * CAR (Content Addressable aRchive) files, versions 1 and 2, as specified at
 * <a href="https://ipld.io/specs/transport/car/carv1/">CARv1</a> and
 * <a href="https://ipld.io/specs/transport/car/carv2/">CARv2</a>, with go-car's byte layout where the spec prose
 * differs (the CARv2 index; see {@link io.carmint.car.index}).
 *
 * <ul>
 *   <li>Reading: {@link io.carmint.car.CarReader} (streaming, any {@link java.io.InputStream}) and
 *       {@link io.carmint.car.CarFile} (random access by CID, a {@link io.carmint.block.BlockSource}). Every length
 *       is checked against {@link io.carmint.car.CarReadOptions} limits before allocation; every block is hashed by
 *       default; an embedded CARv2 index is never trusted.
 *   <li>Writing: {@link io.carmint.car.CarWriter} (CARv1, streaming, placeholder root patched in place or root
 *       first; repeated blocks written once) and {@link io.carmint.car.CarV2Writer} (CARv2 with a
 *       {@code car-multihash-index-sorted} index, byte-identical to go-car's).
 *   <li>Checking: {@link io.carmint.car.CarVerifier} reports every problem (hashes, roots, missing blocks, index).
 *   <li>Tools, as go-car's {@code car} and ipfs-car's: {@link io.carmint.car.CarIndexer} (index, rebuild, detach),
 *       {@link io.carmint.car.CarHash} (the CID of a whole CAR file) and {@link io.carmint.car.CarFilter} (keep or
 *       drop blocks by CID).
 * </ul>
 *
 * <p>Errors: bad bytes are {@link java.io.IOException}s, one type per remedy, each with the byte offset:
 * {@link io.carmint.car.TruncatedCarException} (cut off; an {@link java.io.EOFException}), and the
 * {@link io.carmint.multiformats.DataException}s {@link io.carmint.car.CarFormatException} and its subclasses
 * (corrupt: header, version, varint, trailing data, index), {@link io.carmint.multiformats.LimitExceededException}
 * (over a {@link io.carmint.car.CarReadOptions} limit), {@link io.carmint.block.BlockIntegrityException} (hash
 * mismatch), {@link io.carmint.block.DigestTooShortException} (a CID whose digest is too short to verify) and
 * {@link io.carmint.car.UnverifiableBlockException} (hash function unavailable).
 *
 * <p>Not supported: writing zero roots (services reject such CARs; reading them works; only {@link
 * io.carmint.car.CarFilter} writes them, as go-car's {@code car filter}), CARv2 indexes other than
 * the two sorted formats, and a CARv2 streamed by {@link io.carmint.car.CarV2Writer} to a non-seekable output (use a
 * temporary file, or {@link io.carmint.car.CarIndexer} on a finished CAR).
 */
package io.carmint.car;

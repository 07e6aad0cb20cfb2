/**
 * IPLD blocks: a {@link io.carmint.block.Block} is a CID and the bytes it addresses; a
 * {@link io.carmint.block.BlockSink} receives blocks as a producer (the importer, a CAR reader) makes them; a
 * {@link io.carmint.block.BlockSource} serves them by CID (a CAR file, a blockstore).
 *
 * <p>See the <a href="https://ipld.io/docs/motivation/data-to-data-structures/">IPLD block</a> concept. A block
 * does not check its own hash when made; {@link io.carmint.block.Block#isValid()} does, and readers of untrusted
 * data (the CAR module) verify by default.
 */
package io.carmint.block;

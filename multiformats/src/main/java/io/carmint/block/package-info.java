/**
 * IPLD blocks: a {@link io.carmint.block.Block} is a CID and the bytes it addresses; a
 * {@link io.carmint.block.BlockSink} receives blocks as a producer (the importer, a CAR reader) makes them; a
 * {@link io.carmint.block.BlockSource} serves them by CID (a CAR file, a blockstore).
 *
 * <p>See the <a href="https://ipld.io/docs/motivation/data-to-data-structures/">IPLD block</a> concept. A block
 * does not check its own hash when made; {@link io.carmint.block.Block#isValid()} and
 * {@link io.carmint.block.Block#verify()} do, and readers of untrusted data (the CAR readers, the UnixFS exporter)
 * verify by default with {@link io.carmint.block.Block#verify(long, String)}; every check ends in
 * {@link io.carmint.block.Block#verify(io.carmint.multiformats.Cid, java.nio.ByteBuffer, long, String)}, which
 * throws {@link io.carmint.block.BlockIntegrityException}.
 */
package io.carmint.block;

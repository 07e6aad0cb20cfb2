/**
 * Chunkers split a file's bytes into the leaves of its UnixFS DAG.
 *
 * <p>Supported: fixed-size chunks ({@code size-N}, Kubo's and every JS importer's default;
 * {@link io.carmint.unixfs.chunk.Chunkers#parse} reads the Kubo spelling). Not supported (yet): the
 * content-defined {@code rabin} and {@code buzhash} chunkers, which Kubo itself documents as unstable.
 * See <a href="https://github.com/ipfs/boxo/tree/main/chunker">boxo/chunker</a>.
 */
package io.carmint.unixfs.chunk;

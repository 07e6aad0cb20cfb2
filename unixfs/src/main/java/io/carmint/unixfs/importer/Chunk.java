package io.carmint.unixfs.importer;

import java.nio.ByteBuffer;

/**
 * One chunk of a file: its bytes at {@code buf[offset..offset+length)}, or at those indexes of {@code direct} when
 * {@code buf} is null, with room before and after them in the buffer for a dag-pb leaf's framing
 * ({@link LeafEncoder}). Immutable; the buffer is written once (read into, then framed) before it is hashed.
 *
 * @param buf the heap buffer holding the chunk, or null
 * @param direct the direct buffer holding the chunk when {@code buf} is null
 * @param offset where the chunk's bytes start in the buffer
 * @param length the chunk's length
 * @param pooled whether the buffer goes back to its {@link ChunkBuffers} once the sink has taken the leaf
 */
record Chunk(byte[] buf, ByteBuffer direct, int offset, int length, boolean pooled) {}

package io.carmint.car.split;

import io.carmint.multiformats.Cid;

/**
 * One CARv1 written by the {@link TreewalkSplitter}.
 *
 * @param index 0 for the first piece
 * @param root the root in its header (the same for every piece)
 * @param blocks sections in the piece, the repeated ancestors included
 * @param ancestors sections at its start that repeat the chain of ancestors of its first new block
 * @param size bytes of the piece: header and sections
 */
public record Piece(int index, Cid root, long blocks, long ancestors, long size) {}

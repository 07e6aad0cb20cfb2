/**
 * Splitting a CAR into pieces a service accepts, with the <i>treewalk</i> rule NFT.Storage requires (carbites'
 * {@code TreewalkCarSplitter}): every piece is a CARv1 with the same single root, holding a connected part of the
 * DAG in depth-first pre-order, headed by the chain of its ancestors, so each piece can be uploaded and verified
 * on its own.
 */
package io.carmint.car.split;

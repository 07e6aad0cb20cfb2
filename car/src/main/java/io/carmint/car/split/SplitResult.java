package io.carmint.car.split;

import java.util.List;

/**
 * What a split produced.
 *
 * @param pieces the pieces, in order
 * @param blocks distinct blocks written (each at least once)
 * @param unreachable blocks of the input not reachable from its root, hence in no piece
 */
public record SplitResult(List<Piece> pieces, long blocks, long unreachable) {
  /**
   * Copies the list.
   *
   * @param pieces the pieces, in order
   * @param blocks distinct blocks written (each at least once)
   * @param unreachable blocks of the input not reachable from its root, hence in no piece
   */
  public SplitResult {
    pieces = List.copyOf(pieces);
  }
}

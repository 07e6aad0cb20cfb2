package io.carmint.car;

import io.carmint.multiformats.Cid;
import java.util.List;

/**
 * What {@link CarVerifier} found.
 *
 * @param version the CAR version (1 or 2), 0 if the header could not be read
 * @param roots the header's roots (empty if it could not be read)
 * @param stats counts and sizes of what was read
 * @param partial whether only hashes were checked (a piece of a split upload), not DAG completeness
 * @param reachable blocks reachable from the roots and present (0 in partial mode)
 * @param unreachable blocks present but not reachable from the roots (0 in partial mode)
 * @param problems the problems found, in the order found; empty if the CAR is good
 * @param notes remarks that are not problems (an index of unknown format that was ignored, blocks above the
 *     2 MiB a service accepts, more than one root)
 */
public record VerifyReport(int version, List<Cid> roots, CarStats stats, boolean partial, long reachable,
    long unreachable, List<Problem> problems, List<String> notes) {
  /**
   * Copies the lists.
   *
   * @param version the CAR version (1 or 2), 0 if the header could not be read
   * @param roots the header's roots (empty if it could not be read)
   * @param stats counts and sizes of what was read
   * @param partial whether only hashes were checked (a piece of a split upload), not DAG completeness
   * @param reachable blocks reachable from the roots and present (0 in partial mode)
   * @param unreachable blocks present but not reachable from the roots (0 in partial mode)
   * @param problems the problems found, in the order found; empty if the CAR is good
   * @param notes remarks that are not problems (an index of unknown format that was ignored, blocks above the 2 MiB a
   *     service accepts, more than one root)
   */
  public VerifyReport {
    roots = List.copyOf(roots);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  /** @return whether no problem was found */
  public boolean ok() {
    return problems.isEmpty();
  }
}

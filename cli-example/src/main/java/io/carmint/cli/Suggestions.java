package io.carmint.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * "Did you mean …": the subcommands or options of a command closest to a mistyped word, by edit distance (a typo, a
 * swapped pair of letters, a missing or extra letter), as git does for its commands.
 */
final class Suggestions {
  /** Most names suggested. */
  static final int MAX = 3;

  private Suggestions() {}

  /**
   * @param word what was typed: an option (starts with {@code -}, a value after {@code =} ignored) or a command
   * @return the visible names within a few edits of {@code word}, closest first; none if nothing is close
   */
  static List<String> near(String word, CommandSpec spec) {
    List<String> names = new ArrayList<>();
    String typed = word;
    if (word.startsWith("-")) {
      int eq = word.indexOf('=');
      typed = eq > 0 ? word.substring(0, eq) : word;
      for (OptionSpec o : spec.options()) {
        if (!o.hidden()) {
          names.addAll(List.of(o.names()));
        }
      }
    } else {
      spec.subcommands().forEach((name, sub) -> {
        if (!sub.getCommandSpec().usageMessage().hidden()) {
          names.add(name);
        }
      });
    }
    String t = typed.toLowerCase(Locale.ROOT);
    if (t.replaceFirst("^-+", "").length() < 3) {
      return List.of(); // one or two letters are within an edit or two of nearly every short name
    }
    int limit = Math.max(1, Math.min(3, t.replaceFirst("^-+", "").length() / 3));
    record Candidate(String name, int distance) {}
    return names.stream().distinct()
        .map(n -> new Candidate(n, distance(t, n.toLowerCase(Locale.ROOT))))
        .filter(c -> c.distance() <= limit)
        .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
        .limit(MAX).map(Candidate::name).toList();
  }

  /** @return the optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

package io.carmint.unixfs.unpack;

import io.carmint.unixfs.exporter.EntryNames;
import java.util.Optional;

/** The lexical rule of {@link SymlinkEscapeException}: whether a symlink target provably stays inside the root. */
final class SymlinkTargets {
  private SymlinkTargets() {}

  /**
   * @param target the symlink's target, as stored
   * @param depth how many directories the link's own directory is below the root (0: the link is in the root)
   * @return why the target could lead outside the root, or empty if it cannot
   */
  static Optional<String> escapeReason(String target, int depth) {
    if (target.isEmpty()) {
      return Optional.of("the target is empty");
    }
    if (target.indexOf('\0') >= 0) {
      return Optional.of("the target contains NUL");
    }
    char first = target.charAt(0);
    if (first == '/' || first == '\\' || EntryNames.hasDrivePrefix(target)) {
      return Optional.of("the target is absolute");
    }
    int up = 0;
    boolean nameSeen = false;
    for (String segment : target.split("[/\\\\]", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (nameSeen) {
          return Optional.of("the target has '..' after a name, which may itself be a symlink");
        }
        up++;
        if (up > depth) {
          return Optional.of("the target climbs " + up + " level(s) up from a directory " + depth
              + " level(s) below the root");
        }
      } else {
        nameSeen = true;
      }
    }
    return Optional.empty();
  }
}

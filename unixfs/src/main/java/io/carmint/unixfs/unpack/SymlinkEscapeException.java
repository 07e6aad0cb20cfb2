package io.carmint.unixfs.unpack;

import io.carmint.unixfs.exporter.EntryNames;
import java.io.IOException;

/**
 * Thrown when a symlink in the DAG could point outside the target directory and the policy is
 * {@link EscapingSymlinkPolicy#REFUSE}.
 *
 * <p>The rule is decided from the target text alone, so that no later entry can change the answer: a target is
 * accepted only if it is not empty, not absolute (no leading {@code /} or {@code \}, no drive such as {@code C:}),
 * has no NUL, and, split at {@code /} and {@code \} (ignoring empty and {@code .} segments), has all its {@code ..}
 * segments before any name, no more of them than the link's directory is deep below the target. A {@code ..} after
 * a name is refused because the name may itself be a symlink (created earlier or later), which would make
 * {@code ..} climb from somewhere else. A symlink as the unpacked root always escapes: its directory is the target's
 * parent.
 */
public final class SymlinkEscapeException extends IOException {
  private static final long serialVersionUID = 1L;
  /** What {@link #path()} returns. */
  private final String path;
  /** What {@link #target()} returns. */
  private final String target;
  /** What {@link #reason()} returns. */
  private final String reason;

  /**
   * @param path the symlink's entry path relative to the unpacked root ({@code ""} for the root itself)
   * @param target its target, as stored
   * @param reason why it could escape
   */
  public SymlinkEscapeException(String path, String target, String reason) {
    super("Symlink " + (path.isEmpty() ? "(the root)" : EntryNames.quote(path)) + " -> " + EntryNames.quote(target)
        + " refused: " + reason + "; it could lead outside the target directory (skip such symlinks with "
        + "EscapingSymlinkPolicy.SKIP)");
    this.path = path;
    this.target = target;
    this.reason = reason;
  }

  /** @return the symlink's entry path relative to the unpacked root */
  public String path() {
    return path;
  }

  /** @return its target, as stored */
  public String target() {
    return target;
  }

  /** @return why it could escape, in words */
  public String reason() {
    return reason;
  }
}

package io.carmint.unixfs.unpack;

/**
 * What {@link Unpacker} does with a symlink whose target could lead outside the target directory (see
 * {@link SymlinkEscapeException} for the rule). Symlinks that provably stay inside are always created.
 */
public enum EscapingSymlinkPolicy {
  /** Fail the unpack with a {@link SymlinkEscapeException} (the default). */
  REFUSE,
  /** Leave the symlink out, record it in {@link UnpackResult#skippedSymlinks()}, and go on. */
  SKIP
}

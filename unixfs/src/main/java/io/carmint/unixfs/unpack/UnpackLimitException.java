package io.carmint.unixfs.unpack;

import java.io.IOException;

/**
 * Thrown when unpacking would go beyond a configured limit: entries, total bytes, blocks read, or directory depth.
 * A small hostile DAG can declare an enormous tree by linking one sub-DAG many times, so these limits are checked
 * while the tree is being read, before anything beyond them is written. If the content is genuine, raise the limit
 * named in the message on {@link Unpacker.Builder} (or the matching {@code carmint unpack} option).
 */
public final class UnpackLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The limits. */
  public enum Limit {
    /** {@link Unpacker.Builder#maxEntries}. */
    ENTRIES("entries", "maxEntries", "--max-entries"),
    /** {@link Unpacker.Builder#maxTotalBytes}. */
    TOTAL_BYTES("bytes of file content", "maxTotalBytes", "--max-bytes"),
    /** {@link Unpacker.Builder#maxBlocks}. */
    BLOCKS("block reads", "maxBlocks", "--max-blocks"),
    /** {@link Unpacker.Builder#maxDepth}. */
    DEPTH("directory levels", "maxDepth", "--max-depth");

    private final String what;
    private final String builderMethod;
    private final String option;

    Limit(String what, String builderMethod, String option) {
      this.what = what;
      this.builderMethod = builderMethod;
      this.option = option;
    }

    /** @return what is counted, in words */
    public String what() {
      return what;
    }

    /** @return the {@link Unpacker.Builder} method that raises it */
    public String builderMethod() {
      return builderMethod;
    }

    /** @return the {@code carmint unpack} option that raises it */
    public String option() {
      return option;
    }
  }

  private final Limit limit;
  private final long value;

  /**
   * @param limit which limit
   * @param value its configured value
   * @param where the entry path (quoted) at which it was reached
   */
  public UnpackLimitException(Limit limit, long value, String where) {
    super("Unpacking stopped at " + where + ": more than " + String.format(java.util.Locale.ROOT, "%,d", value) + " "
        + limit.what() + " (the limit); if the content is genuine, raise it with " + limit.option() + " (Unpacker."
        + "Builder." + limit.builderMethod() + ")");
    this.limit = limit;
    this.value = value;
  }

  /** @return which limit was reached */
  public Limit limit() {
    return limit;
  }

  /** @return its configured value */
  public long value() {
    return value;
  }
}

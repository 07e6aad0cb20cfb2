package io.carmint.multiformats;

import java.util.Locale;
import java.util.Objects;

/**
 * Input goes beyond a configured limit: a declared length, a nesting depth, a count of entries, blocks or bytes.
 * It was refused before anything of that size was allocated or written. The input may be genuine but unusually
 * large, or hostile (a few bytes can declare gigabytes, or a DAG can link one sub-DAG a million times).
 *
 * <p>{@link #setting()} names the library setting that holds the limit, as {@code Type.setting}, for example
 * {@code CarReadOptions.maxSectionSize} or {@code Unpacker.Builder.maxEntries}; the message ends with it as the
 * remedy. Applications that expose the setting under another name (a command-line option) can map
 * {@link #setting()} to it.
 */
public final class LimitExceededException extends DataException {
  private static final long serialVersionUID = 1L;
  /** What {@link #setting()} returns. */
  private final String setting;
  /** What {@link #limit()} returns. */
  private final long limit;
  /** What {@link #actual()} returns. */
  private final long actual;

  /**
   * @param what what goes over the limit and where, with the amount found, e.g. {@code CAR section at offset 1,234
   *     declares 9,000,000 bytes}; the message continues {@code ", above the limit of <limit>; if the input is
   *     genuine, raise <setting>"}
   * @param setting the library setting holding the limit, e.g. {@code CarReadOptions.maxSectionSize}
   * @param limit the limit's configured value
   * @param actual the amount found or needed (a declared length, a depth, a count), above {@code limit}
   * @param offset byte offset of what goes over the limit, or -1 when it is not at one offset
   */
  public LimitExceededException(String what, String setting, long limit, long actual, long offset) {
    super(offset, what + ", above the limit of " + String.format(Locale.ROOT, "%,d", limit)
        + "; if the input is genuine, raise " + Objects.requireNonNull(setting, "setting"));
    this.setting = setting;
    this.limit = limit;
    this.actual = actual;
  }

  /** @return the library setting that holds the limit, e.g. {@code CarReadOptions.maxSectionSize} */
  public String setting() {
    return setting;
  }

  /** @return the limit's configured value */
  public long limit() {
    return limit;
  }

  /** @return the amount found or needed (a declared length, a depth, a count), above {@link #limit()} */
  public long actual() {
    return actual;
  }
}

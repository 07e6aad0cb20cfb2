package io.carmint.nft;

import io.carmint.multiformats.DataException;
import java.util.Objects;

/**
 * A metadata file of a collection that cannot be used: not JSON (RFC 8259, strict: no comments, no trailing commas,
 * UTF-8 only), nested deeper than the limit, or JSON whose top level is neither a token object nor an array of
 * token objects. The message names the file and the place, e.g. {@code metadata/7.json: line 3, column 14 (byte
 * 41): expected a value, found ']'}; {@link #offset()} is the byte offset in the file.
 */
public final class InvalidMetadataException extends DataException {
  private static final long serialVersionUID = 1L;

  /** What {@link #file()} returns. */
  private final String file;
  /** What {@link #line()} returns. */
  private final long line;
  /** What {@link #column()} returns. */
  private final long column;

  InvalidMetadataException(String file, long line, long column, long offset, String problem) {
    super(offset, file + ": line " + line + ", column " + column + " (byte " + offset + "): " + problem);
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.column = column;
  }

  /** @return the file, as given to the collection (its folder's name, then its path inside it) */
  public String file() {
    return file;
  }

  /** @return the line of the problem, from 1 */
  public long line() {
    return line;
  }

  /** @return the column of the problem in characters (Unicode code points), from 1 */
  public long column() {
    return column;
  }
}

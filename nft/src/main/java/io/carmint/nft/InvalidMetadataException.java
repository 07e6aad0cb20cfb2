package io.carmint.nft;

import java.io.IOException;
import java.util.Objects;

/**
 * A metadata file of a collection that cannot be used: not JSON (RFC 8259, strict: no comments, no trailing commas,
 * UTF-8 only), nested deeper than the limit, or JSON whose top level is neither a token object nor an array of
 * token objects. The message names the file and the place, e.g. {@code metadata/7.json: line 3, column 14 (byte
 * 41): expected ',' or '}' after an object member, found ']'}.
 */
public final class InvalidMetadataException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final long column;
  private final long offset;

  InvalidMetadataException(String file, long line, long column, long offset, String problem) {
    super(file + ": line " + line + ", column " + column + " (byte " + offset + "): " + problem);
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.column = column;
    this.offset = offset;
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

  /** @return the byte offset of the problem in the file, from 0 */
  public long offset() {
    return offset;
  }
}

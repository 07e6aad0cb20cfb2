package io.carmint.nft;

/**
 * Token metadata that cannot be encoded: a required field missing or of the wrong type (the checks of the
 * nft.storage client's {@code validateERC1155}), a value JavaScript cannot hold, or a file the client would place
 * or link wrongly. The message names the field (as a dotted path such as {@code properties.gallery.0}) and says
 * what to change.
 */
public final class InvalidNftException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidNftException(String message) {
    super(message);
  }
}

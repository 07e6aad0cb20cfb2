package io.carmint.car.dag;

import io.carmint.multiformats.Cid;
import java.io.IOException;

/**
 * A block's links cannot be followed because no {@link LinkDecoder} knows its content codec (e.g. dag-jose).
 * Remedy: supply a decoder for that codec, or treat the DAG below that block as unknown.
 */
public final class UnsupportedCodecException extends IOException {
  private static final long serialVersionUID = 1L;
  /** What {@link #codec()} returns. */
  private final long codec;

  /** @param cid the block whose codec is not supported */
  public UnsupportedCodecException(Cid cid) {
    super("Cannot follow the links of " + cid + ": no decoder for codec " + cid.codec());
    this.codec = cid.codecCode();
  }

  /** @return the unsupported codec's code */
  public long codec() {
    return codec;
  }
}

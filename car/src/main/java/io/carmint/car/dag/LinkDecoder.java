package io.carmint.car.dag;

import io.carmint.block.Block;
import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.util.List;

/**
 * Finds the links of a block, for walking a DAG. Implementations are stateless and thread-safe.
 *
 * @see LinkDecoders#standard()
 */
public interface LinkDecoder {
  /**
   * @param codec a multicodec code
   * @return whether this decoder can read blocks of the content codec {@code codec}
   */
  boolean supports(long codec);

  /**
   * @param block the block
   * @return the CIDs the block links to, in the block's own order (dag-pb: link order; dag-cbor: encoding order)
   * @throws UnsupportedCodecException if {@link #supports} is false for the block's codec
   * @throws IOException if the block's bytes are not valid for its codec (the codec's format exception)
   */
  List<Cid> links(Block block) throws IOException;
}

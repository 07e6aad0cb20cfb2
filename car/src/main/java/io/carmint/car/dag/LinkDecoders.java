package io.carmint.car.dag;

import io.carmint.block.Block;
import io.carmint.dagcbor.DagCbor;
import io.carmint.dagpb.DagPb;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multicodec;
import java.io.IOException;
import java.util.List;

/** The {@link LinkDecoder}s carmint provides. Stateless; every decoder it returns is thread-safe. */
public final class LinkDecoders {
  private static final LinkDecoder STANDARD = new Standard();

  private LinkDecoders() {}

  /**
   * @return a decoder for raw (no links), dag-pb ({@code DagPb.links}) and dag-cbor ({@code DagCbor.links}, tag-42
   *     links in encoding order): the codecs of UnixFS and of CAR headers. carbites' treewalk also reads dag-json;
   *     add a decoder for it with {@link #with} if needed.
   */
  public static LinkDecoder standard() {
    return STANDARD;
  }

  /**
   * @param first the decoder tried first
   * @param fallback the decoder for the other codecs
   * @return a decoder that tries {@code first}, then {@code fallback} for the codecs {@code first} lacks
   */
  public static LinkDecoder with(LinkDecoder first, LinkDecoder fallback) {
    return new LinkDecoder() {
      @Override
      public boolean supports(long codec) {
        return first.supports(codec) || fallback.supports(codec);
      }

      @Override
      public List<Cid> links(Block block) throws IOException {
        return first.supports(block.cid().codecCode()) ? first.links(block) : fallback.links(block);
      }
    };
  }

  private static final class Standard implements LinkDecoder {
    @Override
    public boolean supports(long codec) {
      return codec == Multicodec.RAW.code() || codec == Multicodec.DAG_PB.code()
          || codec == Multicodec.DAG_CBOR.code();
    }

    @Override
    public List<Cid> links(Block block) throws IOException {
      long codec = block.cid().codecCode();
      if (codec == Multicodec.RAW.code()) {
        return List.of();
      }
      if (codec == Multicodec.DAG_PB.code()) {
        return DagPb.links(block.data());
      }
      if (codec == Multicodec.DAG_CBOR.code()) {
        return DagCbor.links(block.toBytes());
      }
      throw new UnsupportedCodecException(block.cid());
    }
  }
}

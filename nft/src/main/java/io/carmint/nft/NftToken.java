package io.carmint.nft;

import io.carmint.multiformats.Cid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * An encoded token: what the nft.storage client's {@code Token} holds ({@code ipnft}, {@code url}, the metadata
 * with {@code ipfs://} links and its gateway form), plus the CID of {@code metadata.json} and where each file went.
 *
 * @param ipnft the root CID: the dag-cbor block holding the metadata with links to the files, {@code metadata.json}
 *     and {@code type: "nft"}
 * @param metadataJsonCid the CID of {@code metadata.json} (a raw block for metadata under 256 KiB)
 * @param metadataJson the exact text of {@code metadata.json}: {@code JSON.stringify} of the metadata with each
 *     file replaced by its {@code ipfs://} URL
 * @param gatewayMetadataJson the same with {@code https://nftstorage.link/ipfs/…} URLs, as the client's
 *     {@code token.embed()} gives them
 * @param assets every file, in the order the client packs them
 */
public record NftToken(Cid ipnft, Cid metadataJsonCid, String metadataJson, String gatewayMetadataJson,
    List<AssetLink> assets) {
  /**
   * @param ipnft the root CID: the dag-cbor block holding the metadata with links to the files, {@code metadata.json}
   *     and {@code type: "nft"}
   * @param metadataJsonCid the CID of {@code metadata.json} (a raw block for metadata under 256 KiB)
   * @param metadataJson the exact text of {@code metadata.json}: {@code JSON.stringify} of the metadata with each file
   *     replaced by its {@code ipfs://} URL
   * @param gatewayMetadataJson the same with {@code https://nftstorage.link/ipfs/…} URLs, as the client's {@code
   *     token.embed()} gives them
   * @param assets every file, in the order the client packs them
   * @throws NullPointerException if a component is null
   */
  public NftToken {
    Objects.requireNonNull(ipnft, "ipnft");
    Objects.requireNonNull(metadataJsonCid, "metadataJsonCid");
    Objects.requireNonNull(metadataJson, "metadataJson");
    Objects.requireNonNull(gatewayMetadataJson, "gatewayMetadataJson");
    assets = List.copyOf(assets);
  }

  /** @return {@code ipfs://<ipnft>/metadata.json}: the token URI to put on chain */
  public String url() {
    return "ipfs://" + ipnft + "/metadata.json";
  }

  /**
   * @return {@link #url()} through the client's default gateway:
   *     {@code https://nftstorage.link/ipfs/<ipnft>/metadata.json}
   */
  public String gatewayUrl() {
    return IpfsUrl.gateway(url());
  }

  /** @return {@link #metadataJson()} as the UTF-8 bytes of {@code metadata.json} (a fresh copy) */
  public byte[] metadataJsonBytes() {
    return metadataJson.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Where a file of the token went.
   *
   * @param path its place in the metadata as the client names it, e.g. {@code image} or {@code properties.gallery.0}
   * @param name its name
   * @param directoryCid the directory that holds it (what the root block links to)
   * @param url its URL in {@code metadata.json}: {@code ipfs://<directoryCid>/<name percent-encoded>}
   */
  public record AssetLink(String path, String name, Cid directoryCid, String url) {
    /**
     * @param path its place in the metadata as the client names it, e.g. {@code image} or {@code properties.gallery.0}
     * @param name its name
     * @param directoryCid the directory that holds it (what the root block links to)
     * @param url its URL in {@code metadata.json}: {@code ipfs://<directoryCid>/<name percent-encoded>}
     * @throws NullPointerException if a component is null
     */
    public AssetLink {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(directoryCid, "directoryCid");
      Objects.requireNonNull(url, "url");
    }

    /** @return {@link #url()} through the client's default gateway {@code https://nftstorage.link/ipfs/…} */
    public String gatewayUrl() {
      return IpfsUrl.gateway(url);
    }
  }
}

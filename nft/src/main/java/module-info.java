/** NFT metadata encoded as the nft.storage JS client's {@code encodeNFT} does, and collections. */
module io.carmint.nft {
  requires transitive io.carmint.pack;

  exports io.carmint.nft;
}

package io.carmint.client.gateway;

/** How a gateway delivered the blocks of a fetch. */
public enum RetrievalMode {
  /**
   * One CAR answer in depth-first order with duplicates ({@code application/vnd.ipld.car; order=dfs; dups=y}),
   * checked block by block as it streams in.
   */
  CAR,
  /**
   * One request per block ({@code application/vnd.ipld.raw}), each checked against its CID, for a gateway that does
   * not serve such CARs.
   */
  RAW_BLOCKS
}

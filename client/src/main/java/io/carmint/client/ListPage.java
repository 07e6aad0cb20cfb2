package io.carmint.client;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of {@code GET /?before=&limit=}: uploads newest first, and the total the service reports in its
 * {@code Count} header.
 *
 * @param nfts the uploads of this page, newest first
 * @param count the total number of uploads of the token, if the service sent {@code Count}
 */
public record ListPage(List<Nft> nfts, OptionalLong count) {
  /**
   * Copies the list.
   *
   * @param nfts the uploads of this page, newest first
   * @param count the total number of uploads of the token, if the service sent {@code Count}
   */
  public ListPage {
    nfts = List.copyOf(nfts);
  }
}

package io.carmint.client;

import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Every upload of a token, newest first, each once, fetched page by page as the iteration advances: what
 * {@link NftStorageClient#listAll} returns. The service's {@code before} is inclusive, so each page repeats the
 * uploads of the previous page's last creation time; those repeats are dropped. A page of nothing but repeats
 * (every upload on it shares the boundary time) is asked for again, twice as large each time, up to
 * {@value NftStorageClient#MAX_LIST_LIMIT}; past that the API cannot page and the iterator fails rather than skip
 * uploads. Failures are {@link UncheckedIOException}s. Not thread-safe.
 */
final class UploadsIterator implements Iterator<Nft> {
  /** How much larger the next request of a page made only of repeats is. */
  private static final int PAGE_GROWTH = 2;
  /** The status of a page's answer (a list answers 200 OK), for a malformed page's error. */

  /** One page of uploads: {@link NftStorageClient#list(Instant, int)}. */
  @FunctionalInterface
  interface Pages {
    ListPage list(Instant before, int limit) throws IOException;
  }

  private final Pages pages;
  private final int pageSize;
  private final String request;
  private final List<Nft> buffer = new ArrayList<>();
  private int position;
  private Instant before;
  /** CIDs already returned whose {@code created} equals {@link #before}: the only ones a next page repeats. */
  private final Set<Cid> seenAtBoundary = new HashSet<>();
  private boolean exhausted;

  /**
   * @param pageSize uploads per request, 1 to {@value NftStorageClient#MAX_LIST_LIMIT}
   * @param request the request, as errors name it ({@code GET /path})
   */
  UploadsIterator(Pages pages, int pageSize, String request) {
    this.pages = pages;
    this.pageSize = pageSize;
    this.request = request;
  }

  @Override
  public boolean hasNext() {
    while (position == buffer.size() && !exhausted) {
      fetch();
    }
    return position < buffer.size();
  }

  @Override
  public Nft next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return buffer.get(position++);
  }

  private void fetch() {
    buffer.clear();
    position = 0;
    int limit = pageSize;
    while (true) {
      ListPage page;
      try {
        page = pages.list(before, limit);
        ListPaging.check(page.nfts(), before, request);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<Nft> fresh = new ArrayList<>();
      for (Nft n : page.nfts()) {
        boolean repeat = before != null && n.created().equals(Optional.of(before)) && seenAtBoundary.contains(n.cid());
        if (!repeat) {
          fresh.add(n);
        }
      }
      boolean lastPage = page.nfts().size() < limit;
      if (fresh.isEmpty() && !lastPage) {
        // a full page of repeats: every item shares the boundary time; ask for a bigger page
        if (limit == NftStorageClient.MAX_LIST_LIMIT) {
          throw new UncheckedIOException(new IOException("More than " + NftStorageClient.MAX_LIST_LIMIT
              + " uploads were created at " + before + "; the API cannot page past them"));
        }
        limit = Math.min(NftStorageClient.MAX_LIST_LIMIT, limit * PAGE_GROWTH);
        continue;
      }
      buffer.addAll(fresh);
      if (lastPage || page.nfts().isEmpty()) {
        exhausted = true;
        return;
      }
      Instant last = page.nfts().get(page.nfts().size() - 1).created().orElseThrow(); // ListPaging.check
      if (!last.equals(before)) {
        seenAtBoundary.clear();
      }
      for (Nft n : page.nfts()) {
        if (n.created().equals(Optional.of(last))) {
          seenAtBoundary.add(n.cid());
        }
      }
      before = last;
      return;
    }
  }
}

package io.carmint.client;

import java.time.Instant;
import java.util.List;

/**
 * The checks that make listing every upload end: each page must hold uploads newest first, none created after the
 * {@code before} asked for. A service that ignores or mishandles {@code before} answers the newest uploads again and
 * again, so a listing that trusted it would print them without end (ten uploads printed 54 times each in 20 s);
 * the first page that goes back in time stops it. Stateless.
 */
final class ListPaging {
  /** The status of a list's answer (200 OK), for the error. */
  private static final int HTTP_OK = 200;

  private ListPaging() {}

  /**
   * @param uploads a page, as answered
   * @param before the {@code before} it was asked with, or null for the first page
   * @param request the request, as errors name it ({@code GET /path})
   * @throws MalformedResponseException if an upload has no creation time, is newer than {@code before}, or newer
   *     than the upload before it on the page
   */
  static void check(List<Nft> uploads, Instant before, String request) throws MalformedResponseException {
    Instant previous = before;
    for (Nft n : uploads) {
      Instant created = n.created().orElse(null);
      if (created == null) {
        throw new MalformedResponseException(HTTP_OK, request, "an upload without \"created\": cannot page");
      }
      if (previous != null && created.isAfter(previous)) {
        throw new MalformedResponseException(HTTP_OK, request, previous == before
            ? "upload " + n.cid() + " was created at " + created + ", after the 'before' of " + before + " asked "
                + "for: the service ignores or mishandles 'before', and listing on would repeat uploads without end"
            : "upload " + n.cid() + " (created " + created + ") follows one created at " + previous + ": the page "
                + "is not newest first, and listing on could repeat or skip uploads");
      }
      previous = created;
    }
  }
}

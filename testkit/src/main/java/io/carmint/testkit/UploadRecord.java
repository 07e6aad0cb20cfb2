package io.carmint.testkit;

import io.carmint.multiformats.Cid;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One upload of one account: what {@code GET /{cid}} and the list describe. Several pieces of a split upload make
 * one record (their part CIDs accumulate).
 *
 * @param owner the account: a digest of its token, never the token
 * @param scope the token's name
 * @param sourceCid the root as first sent (a CIDv0 stays v0)
 * @param contentCid the root as CIDv1: the key
 * @param size the DAG size: dag-pb cumulative size from the root, a raw root's length, or 0
 * @param created when the first piece arrived (millisecond precision, so that {@code before} pages exactly)
 * @param type {@code directory} for multipart uploads, else the request's media type
 * @param files the files of a multipart upload
 * @param name the upload's name
 * @param parts CIDs of the CARs received for it
 * @param sequence arrival order, to order uploads created in the same millisecond
 */
record UploadRecord(String owner, String scope, Cid sourceCid, Cid contentCid, long size, Instant created,
    String type, List<FileEntry> files, String name, List<Cid> parts, long sequence) {
  UploadRecord {
    Objects.requireNonNull(owner);
    Objects.requireNonNull(contentCid);
    files = List.copyOf(files);
    parts = List.copyOf(parts);
  }

  /** A file of a multipart upload. */
  record FileEntry(String name, String type) {
  }

  UploadRecord withPart(Cid part) {
    if (parts.contains(part)) {
      return this;
    }
    List<Cid> more = new java.util.ArrayList<>(parts);
    more.add(part);
    return new UploadRecord(owner, scope, sourceCid, contentCid, size, created, type, files, name, more, sequence);
  }
}

package io.carmint.client;

/**
 * Hears how an upload progresses. Calls come from the upload threads but never concurrently (the client serialises
 * them), and {@code bytesSent} never decreases: bytes re-sent by a retry are not counted twice.
 */
public interface UploadListener {
  /** A listener that ignores everything. */
  UploadListener NONE = new UploadListener() {
  };

  /**
   * Bytes of request bodies sent so far.
   *
   * @param bytesSent bytes sent, from 0 to {@code totalBytes}
   * @param totalBytes bytes of all request bodies of the upload
   */
  default void onProgress(long bytesSent, long totalBytes) {
  }

  /**
   * One request (a CAR piece) was acknowledged by the service.
   *
   * @param index the piece's index, 0-based, in splitting order (pieces finish in any order)
   * @param count how many pieces the upload has
   * @param bytes the piece's size in bytes
   */
  default void onPieceStored(int index, int count, long bytes) {
  }
}

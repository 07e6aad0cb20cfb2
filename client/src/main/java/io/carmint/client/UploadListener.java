package io.carmint.client;

import java.util.Objects;

/**
 * Hears how an upload progresses. Calls come from the upload threads but never concurrently (the client serialises
 * them), and {@code bytesSent} never decreases: bytes re-sent by a retry are not counted twice. Once an upload's
 * future is cancelled ({@link NftStorageClient#storeCarAsync}), or the thread of a blocking upload is interrupted,
 * no further call is made.
 *
 * <p>Every method has an empty default, so a listener implements only what it needs; for one event, a lambda:
 *
 * <pre>{@code
 * AtomicLong sentSoFar = new AtomicLong();
 * List<Integer> stored = new CopyOnWriteArrayList<>();
 * UploadListener listener = UploadListener.onProgress((sent, total) -> sentSoFar.set(sent))
 *     .andThen(UploadListener.onPieceStored((index, count, bytes) -> stored.add(index)));
 * }</pre>
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

  /**
   * @param next the listener to call after this one, for every event
   * @return a listener passing every event to this listener, then to {@code next}
   */
  default UploadListener andThen(UploadListener next) {
    Objects.requireNonNull(next, "next");
    UploadListener first = this;
    return new UploadListener() {
      @Override
      public void onProgress(long bytesSent, long totalBytes) {
        first.onProgress(bytesSent, totalBytes);
        next.onProgress(bytesSent, totalBytes);
      }

      @Override
      public void onPieceStored(int index, int count, long bytes) {
        first.onPieceStored(index, count, bytes);
        next.onPieceStored(index, count, bytes);
      }
    };
  }

  /**
   * @param progress called as {@link #onProgress(long, long)}
   * @return a listener hearing only of progress
   */
  static UploadListener onProgress(Progress progress) {
    Objects.requireNonNull(progress, "progress");
    return new UploadListener() {
      @Override
      public void onProgress(long bytesSent, long totalBytes) {
        progress.onProgress(bytesSent, totalBytes);
      }
    };
  }

  /**
   * @param stored called as {@link #onPieceStored(int, int, long)}
   * @return a listener hearing only of stored pieces
   */
  static UploadListener onPieceStored(PieceStored stored) {
    Objects.requireNonNull(stored, "stored");
    return new UploadListener() {
      @Override
      public void onPieceStored(int index, int count, long bytes) {
        stored.onPieceStored(index, count, bytes);
      }
    };
  }

  /** {@link UploadListener#onProgress(long, long)} as a lambda. */
  @FunctionalInterface
  interface Progress {
    /** @see UploadListener#onProgress(long, long) */
    void onProgress(long bytesSent, long totalBytes);
  }

  /** {@link UploadListener#onPieceStored(int, int, long)} as a lambda. */
  @FunctionalInterface
  interface PieceStored {
    /** @see UploadListener#onPieceStored(int, int, long) */
    void onPieceStored(int index, int count, long bytes);
  }
}

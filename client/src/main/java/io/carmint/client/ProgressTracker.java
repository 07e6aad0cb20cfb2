package io.carmint.client;

import java.util.function.LongConsumer;

/**
 * Turns byte counts of request attempts into monotonic progress: per request, only bytes beyond what an earlier
 * attempt already sent count. Calls the listener through {@link UploadJob#notify}, under the job's lock, so
 * listeners need not be thread-safe and hear nothing once the upload was cancelled.
 */
final class ProgressTracker {
  private final UploadListener listener;
  private final UploadJob job;
  private final long total;
  private final long[] highWater;
  private long sent;

  ProgressTracker(UploadListener listener, UploadJob job, int requests, long total) {
    this.listener = listener;
    this.job = job;
    this.total = total;
    this.highWater = new long[requests];
  }

  /** @return a counter for a new attempt of request {@code index} */
  LongConsumer attempt(int index) {
    long[] mine = {0};
    return n -> job.notify(() -> {
      mine[0] = Math.addExact(mine[0], n);
      if (mine[0] > highWater[index]) {
        sent = Math.addExact(sent, mine[0] - highWater[index]);
        highWater[index] = mine[0];
        listener.onProgress(sent, total);
      }
    });
  }

  void stored(int index, int count, long bytes) {
    job.notify(() -> listener.onPieceStored(index, count, bytes));
  }
}

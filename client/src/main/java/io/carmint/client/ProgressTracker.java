package io.carmint.client;

import java.util.function.LongConsumer;

/**
 * Turns byte counts of request attempts into monotonic progress: per request, only bytes beyond what an earlier
 * attempt already sent count. Calls the listener under its lock, so listeners need not be thread-safe.
 */
final class ProgressTracker {
  private final UploadListener listener;
  private final long total;
  private final long[] highWater;
  private long sent;

  ProgressTracker(UploadListener listener, int requests, long total) {
    this.listener = listener;
    this.total = total;
    this.highWater = new long[requests];
  }

  /** @return a counter for a new attempt of request {@code index} */
  LongConsumer attempt(int index) {
    long[] mine = {0};
    return n -> {
      synchronized (this) {
        mine[0] = Math.addExact(mine[0], n);
        if (mine[0] > highWater[index]) {
          sent = Math.addExact(sent, mine[0] - highWater[index]);
          highWater[index] = mine[0];
          listener.onProgress(sent, total);
        }
      }
    };
  }

  synchronized void stored(int index, int count, long bytes) {
    listener.onPieceStored(index, count, bytes);
  }
}

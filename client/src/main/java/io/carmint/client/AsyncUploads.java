package io.carmint.client;

import io.carmint.client.internal.StoppableFuture;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs the client's uploads asynchronously ({@code storeCarAsync}, {@code uploadAsync}, {@code storeNftAsync}): each
 * on an executor, with a future whose cancellation cancels the upload's {@link UploadJob}.
 */
final class AsyncUploads {
  private AsyncUploads() {
  }

  /** An upload to run, given the job that cancels it. */
  @FunctionalInterface
  interface UploadTask<T> {
    T run(UploadJob job) throws IOException;
  }

  /**
   * Runs {@code task} on {@code executor}.
   *
   * @return a future completed with the task's result or exception; cancelling it cancels the task's job, and a
   *     cancelled job's result is dropped
   */
  static <T> CompletableFuture<T> run(Executor executor, UploadTask<T> task) {
    UploadJob job = new UploadJob();
    StoppableFuture<T> future = new StoppableFuture<>(job::cancel);
    executor.execute(() -> {
      job.worker(Thread.currentThread());
      try {
        T result = task.run(job);
        if (job.finish()) {
          future.complete(result);
        }
      } catch (IOException | RuntimeException | Error e) {
        // A cancel that came first completes the future itself: its cancel() then returns true, as it stopped the
        // upload, even when this thread, interrupted by it, gets here before it has completed the future.
        if (job.finish()) {
          future.completeExceptionally(e);
        }
      } finally {
        job.worker(null);
        Thread.interrupted(); // a cancel may have interrupted this (pool) thread
      }
    });
    return future;
  }

  /** The default {@link NftStorageClientBuilder#executor}: a daemon thread per asynchronous upload. */
  static void newUploadThread(Runnable upload) {
    Thread t = new Thread(upload, "carmint-upload");
    t.setDaemon(true);
    t.start();
  }
}

package io.carmint.client;

import io.carmint.client.internal.AsyncWork;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs the client's uploads asynchronously ({@code storeCarAsync}, {@code uploadAsync}, {@code storeNftAsync}): each
 * on an executor, with a future whose cancellation cancels the upload's {@link UploadJob} ({@link AsyncWork}).
 */
final class AsyncUploads {
  private AsyncUploads() {
  }

  /**
   * Runs {@code task} on {@code executor}, as {@link AsyncWork#run} does, with a new {@link UploadJob}.
   *
   * @return a future completed with the task's result or exception; cancelling it cancels the task's job, and a
   *     cancelled job's result is dropped
   */
  static <T> CompletableFuture<T> run(Executor executor, AsyncWork.Task<UploadJob, T> task) {
    return AsyncWork.run(executor, new UploadJob(), task);
  }

  /** The default {@link NftStorageClientBuilder#executor}: a daemon thread per asynchronous upload. */
  static void newUploadThread(Runnable upload) {
    Thread t = new Thread(upload, "carmint-upload");
    t.setDaemon(true);
    t.start();
  }
}

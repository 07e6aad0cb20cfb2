package io.carmint.client.internal;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs a client operation (an upload, a fetch) on an executor, behind a future whose {@code cancel} stops it.
 * Exactly one side completes the future: the running thread, with the result or the failure, unless a cancel
 * stopped the work first — then the cancel completes it (as cancelled) and returns true, even when the thread it
 * interrupted fails before the cancel has returned. Thread-safe.
 */
public final class AsyncWork {
  private AsyncWork() {}

  /** The state a running operation and its cancel share. */
  public interface Job {
    /**
     * @param thread the thread now running the work, which a cancel interrupts; null once it is done
     */
    void worker(Thread thread);

    /**
     * Stops the work for a caller, unless it has ended.
     *
     * @return whether it is stopped (false: it ended, or is ending, on its own)
     */
    boolean cancel();

    /**
     * The running thread is done, with a result or a failure; a later cancel is refused.
     *
     * @return whether that thread completes the future (false: a cancel came first and completes it)
     */
    boolean end();
  }

  /**
   * The operation.
   *
   * @param <J> its job
   * @param <T> its result
   */
  @FunctionalInterface
  public interface Task<J, T> {
    /**
     * @param job the operation's job, to check for a cancel
     * @return the result
     * @throws IOException as the operation fails
     */
    T run(J job) throws IOException;
  }

  /**
   * @param executor runs the task
   * @param job the task's job
   * @param task the operation
   * @param <J> the job's type
   * @param <T> the result's type
   * @return a future completed with the task's result or failure, or cancelled by a cancel that stopped the task
   */
  public static <J extends Job, T> CompletableFuture<T> run(Executor executor, J job, Task<J, T> task) {
    Stoppable<T> future = new Stoppable<>(job);
    executor.execute(() -> {
      job.worker(Thread.currentThread());
      try {
        T result = task.run(job);
        if (job.end()) {
          future.complete(result);
        }
      } catch (IOException | RuntimeException | Error e) {
        if (job.end()) {
          future.completeExceptionally(e);
        }
      } finally {
        job.worker(null);
        Thread.interrupted(); // a cancel may have interrupted this (pool) thread
      }
    });
    return future;
  }

  /** A future whose cancel first stops the work: cancelled only if the work agreed to stop. */
  private static final class Stoppable<T> extends CompletableFuture<T> {
    private final Job job;

    Stoppable(Job job) {
      this.job = job;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return job.cancel() && super.cancel(mayInterruptIfRunning);
    }
  }
}

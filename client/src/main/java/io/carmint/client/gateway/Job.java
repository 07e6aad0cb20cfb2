package io.carmint.client.gateway;

import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Call;

/**
 * The cancellation state of one fetch, shared by the thread running it and whoever cancels it. Cancelling closes
 * the HTTP call under way (a read blocked on a silent gateway ends at once) and interrupts the running thread; the
 * fetch notices at its next block or request. Once the output is committed, cancelling is refused, so a cancel that
 * succeeded guarantees nothing appears at the output. Thread-safe.
 */
final class Job {
  private final String what;
  private volatile boolean cancelled;
  private boolean committed;
  private Call call;
  private Thread worker;

  Job(String what) {
    this.what = what;
  }

  /** Registers the HTTP call under way (cancelled at once if the job already is). */
  synchronized void track(Call c) {
    call = c;
    if (cancelled) {
      c.cancel();
    }
  }

  /** Registers (or, with null, forgets) the thread running the fetch, to interrupt it on cancel. */
  synchronized void worker(Thread t) {
    worker = t;
  }

  /** @return whether the job was cancelled, or the running thread interrupted */
  boolean stopped() {
    return cancelled || Thread.currentThread().isInterrupted();
  }

  /** @throws InterruptedIOException if the job was cancelled or the running thread interrupted */
  void check() throws InterruptedIOException {
    if (stopped()) {
      throw stoppedException();
    }
  }

  InterruptedIOException stoppedException() {
    return new InterruptedIOException("The fetch of " + what + " was " + (cancelled ? "cancelled" : "interrupted"));
  }

  /**
   * Cancels unless the output was already committed.
   *
   * @return whether the job is now cancelled (false: it completed, or is completing, normally)
   */
  synchronized boolean cancel() {
    if (committed) {
      return false;
    }
    cancelled = true;
    if (call != null) {
      call.cancel();
    }
    if (worker != null) {
      worker.interrupt();
    }
    return true;
  }

  /** An output move. */
  @FunctionalInterface
  interface Commit {
    void run() throws IOException;
  }

  /** Runs {@code move} unless the job is cancelled; a cancel after this point is refused. */
  synchronized void commit(Commit move) throws IOException {
    check();
    move.run();
    committed = true;
  }
}

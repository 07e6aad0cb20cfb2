package io.carmint.client;

import java.io.InterruptedIOException;
import java.util.HashSet;
import io.carmint.client.internal.AsyncWork;
import java.util.Set;
import okhttp3.Call;

/**
 * The cancellation state of one upload, shared by the threads running it and whoever cancels it. Cancelling closes
 * every HTTP call under way (a piece being sent is cut off, so the service never receives it whole), makes every
 * later attempt stop before it is sent, silences the listener and interrupts the thread running an asynchronous
 * upload, which then stops the upload's threads and removes its temporary files. Listener calls run under this
 * object's lock, so once {@link #cancel()} has returned no listener call is under way or will start. Thread-safe.
 */
final class UploadJob implements Transport.Cancellation, AsyncWork.Job {
  private final Set<Call> calls = new HashSet<>();
  private volatile boolean cancelled;
  private boolean finished;
  private Thread worker;

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public String why() {
    return "the upload was cancelled";
  }

  @Override
  public synchronized void track(Call call) {
    if (cancelled) {
      call.cancel();
    } else {
      calls.add(call);
    }
  }

  @Override
  public synchronized void untrack(Call call) {
    calls.remove(call);
  }

  /** Registers (or, with null, forgets) the thread running an asynchronous upload, to interrupt it on cancel. */
  @Override
  public synchronized void worker(Thread t) {
    worker = t;
  }

  /** @throws InterruptedIOException if the upload was cancelled or the running thread interrupted */
  void check() throws InterruptedIOException {
    if (cancelled || Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("The upload was " + (cancelled ? "cancelled" : "interrupted"));
    }
  }

  /**
   * Stops the upload unless it has finished.
   *
   * @return whether it is now cancelled (false: it had finished)
   */
  @Override
  public synchronized boolean cancel() {
    if (finished) {
      return false;
    }
    cancelled = true;
    calls.forEach(Call::cancel);
    calls.clear();
    if (worker != null) {
      worker.interrupt();
    }
    return true;
  }

  /**
   * Marks the upload finished, so that a later cancel is refused.
   *
   * @return whether it finished before being cancelled
   */
  @Override
  public synchronized boolean end() {
    finished = true;
    return !cancelled;
  }

  /** Runs a listener call unless the upload was cancelled; a cancel waits for one under way. */
  synchronized void notify(Runnable listenerCall) {
    if (!cancelled) {
      listenerCall.run();
    }
  }
}

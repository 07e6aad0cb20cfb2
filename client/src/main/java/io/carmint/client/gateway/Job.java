package io.carmint.client.gateway;

import io.carmint.client.DeadlineExceededException;
import io.carmint.client.internal.AsyncWork;
import io.carmint.client.internal.Durations;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.Call;

/**
 * The cancellation state of one fetch, shared by the thread running it and whoever cancels it. Cancelling closes
 * the HTTP call under way (a read blocked on a silent gateway ends at once) and interrupts the running thread; the
 * fetch notices at its next block or request. Once the output is committed, cancelling is refused, so a cancel that
 * succeeded guarantees nothing appears at the output. A deadline that passes {@linkplain #expire expires} the job:
 * a cancel whose exception says so. Thread-safe.
 */
final class Job implements AsyncWork.Job {
  /** The builder setting a passed deadline names. */
  static final String DEADLINE_SETTING = "TrustlessGatewayClient.Builder.deadline";

  private final String what;
  /** The deadline that passed, or null. */
  private volatile Duration expired;
  private boolean committed;
  /** Whether {@link #cancel} stopped the job (a passed deadline, {@link #expired}, stops it too). */
  private volatile boolean cancelledByCaller;
  /** Whether the running thread has {@link #end ended} the fetch. */
  private boolean ended;
  /** The calls under way: a CAR's, or the raw blocks' ({@link RawBlockFeed} has several in flight). */
  private final Set<Call> calls = new HashSet<>();
  private Thread worker;

  Job(String what) {
    this.what = what;
  }

  /** Registers an HTTP call under way (cancelled at once if the job already is) until {@link #untrack}. */
  synchronized void track(Call c) {
    calls.add(c);
    if (halted()) {
      c.cancel();
    }
  }

  /** Forgets a call that ended. */
  synchronized void untrack(Call c) {
    calls.remove(c);
  }

  /** Registers (or, with null, forgets) the thread running the fetch, to interrupt it on cancel. */
  @Override
  public synchronized void worker(Thread t) {
    worker = t;
  }

  /** @return whether a cancel or the deadline stopped the job */
  private boolean halted() {
    return cancelledByCaller || expired != null;
  }

  /** @return whether the job was cancelled, its deadline passed, or the running thread interrupted */
  boolean stopped() {
    return halted() || Thread.currentThread().isInterrupted();
  }

  /** @throws InterruptedIOException if the job was cancelled or the running thread interrupted */
  void check() throws InterruptedIOException {
    if (stopped()) {
      throw stoppedException();
    }
  }

  /**
   * @return {@link DeadlineExceededException} if the deadline passed, otherwise an {@link InterruptedIOException}
   *     saying whether the job was cancelled or its thread interrupted
   */
  InterruptedIOException stoppedException() {
    Duration deadline = expired;
    if (deadline != null) {
      return new DeadlineExceededException("The fetch of " + what + " did not finish within its deadline of "
          + Durations.format(deadline) + " (" + DEADLINE_SETTING + ")", DEADLINE_SETTING, deadline, null);
    }
    return new InterruptedIOException("The fetch of " + what + " was "
        + (cancelledByCaller ? "cancelled" : "interrupted"));
  }

  /**
   * Cancels, for a caller, unless the output was already committed or the fetch has {@linkplain #end ended}.
   *
   * @return whether the job is now cancelled (false: it completed, or is completing, normally)
   */
  @Override
  public synchronized boolean cancel() {
    if (committed || ended) {
      return false;
    }
    cancelledByCaller = true;
    stop();
    return true;
  }

  /**
   * The thread running an asynchronous fetch is done, with a result or a failure; later cancels are refused.
   *
   * @return whether that thread completes the fetch's future; false if a caller's cancel came first, which completes
   *     it (as cancelled) itself
   */
  @Override
  public synchronized boolean end() {
    if (cancelledByCaller) {
      return false;
    }
    ended = true;
    return true;
  }

  /** Closes the calls under way and interrupts the running thread: what a cancel or a passed deadline does. */
  private void stop() {
    for (Call c : List.copyOf(calls)) {
      c.cancel();
    }
    if (worker != null) {
      worker.interrupt();
    }
  }

  /**
   * The fetch's deadline passed: cancels it as {@link #cancel} does, unless the output was already committed (the
   * fetch then completes).
   *
   * @param deadline the deadline that passed, for the message
   */
  synchronized void expire(Duration deadline) {
    if (!committed && !ended) {
      expired = deadline;
      stop();
    }
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

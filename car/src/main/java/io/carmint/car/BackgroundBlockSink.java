package io.carmint.car;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Hands blocks to another sink on a thread of its own, so that producing blocks (reading and hashing) and
 * consuming them (writing a CAR) overlap. Blocks are passed in order; at most {@code maxQueuedBytes} of block data
 * wait at a time (a single larger block is still accepted), so memory stays bounded.
 *
 * <pre>{@code
 * try (CarWriter car = CarWriter.createFile(out, placeholder, CarWriteOptions.DEFAULTS)) {
 *   Cid root;
 *   try (BackgroundBlockSink sink = new BackgroundBlockSink(car, 16 << 20)) {
 *     root = importer.importPath(dir, sink);
 *   }                              // close() waits until every block is written
 *   car.finish(root);
 * }
 * }</pre>
 *
 * <p>A failure of the target is rethrown by the next {@link #put} or by {@link #close}. One producer thread at a
 * time may call {@code put}; {@code close} must be called (it ends the thread).
 */
public final class BackgroundBlockSink implements BlockSink, Closeable {

  private final BlockSink target;
  private final long maxQueuedBytes;
  private final ArrayDeque<Block> queue = new ArrayDeque<>();
  private final Thread thread;
  private long queuedBytes;
  private boolean ended;
  private IOException failure;
  private RuntimeException runtimeFailure;

  /**
   * Starts the consumer thread.
   *
   * @param target the sink blocks are handed to, on the new thread
   * @param maxQueuedBytes block bytes that may wait before {@code put} blocks, at least 1
   */
  public BackgroundBlockSink(BlockSink target, long maxQueuedBytes) {
    this.target = Objects.requireNonNull(target, "target");
    if (maxQueuedBytes < 1) {
      throw new IllegalArgumentException("maxQueuedBytes must be at least 1, got " + maxQueuedBytes);
    }
    this.maxQueuedBytes = maxQueuedBytes;
    this.thread = new Thread(this::drain, "carmint-block-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Queues a block, waiting while the queue is full.
   *
   * @throws IOException if the target failed on an earlier block (its exception)
   * @throws InterruptedIOException if interrupted while waiting
   * @throws IllegalStateException if closed
   */
  @Override
  public void put(Block block) throws IOException {
    Objects.requireNonNull(block, "block");
    synchronized (this) {
      if (ended) {
        throw new IllegalStateException("BackgroundBlockSink is closed");
      }
      try {
        while (failure == null && runtimeFailure == null && queuedBytes > 0
            && queuedBytes + block.length() > maxQueuedBytes) {
          wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while waiting to queue a block");
      }
      rethrow();
      queue.add(block);
      queuedBytes += block.length();
      notifyAll();
    }
  }

  private void rethrow() throws IOException {
    if (failure != null) {
      throw failure;
    }
    if (runtimeFailure != null) {
      throw runtimeFailure;
    }
  }

  private void drain() {
    while (true) {
      Block next;
      synchronized (this) {
        while (queue.isEmpty() && !ended) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (queue.isEmpty()) {
          return;
        }
        next = queue.peek();
      }
      try {
        target.put(next);
      } catch (IOException e) {
        fail(e, null);
        return;
      } catch (RuntimeException e) {
        fail(null, e);
        return;
      }
      synchronized (this) {
        queue.poll();
        queuedBytes -= next.length();
        notifyAll();
      }
    }
  }

  private synchronized void fail(IOException io, RuntimeException rt) {
    failure = io;
    runtimeFailure = rt;
    queue.clear();
    queuedBytes = 0;
    notifyAll();
  }

  /**
   * Waits until every queued block has been handed to the target, then ends the thread.
   *
   * @throws IOException the target's failure, if it failed
   * @throws InterruptedIOException if interrupted while waiting
   */
  @Override
  public void close() throws IOException {
    synchronized (this) {
      ended = true;
      notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting for queued blocks to be written");
    }
    synchronized (this) {
      rethrow();
    }
  }
}

package io.carmint.unixfs.importer;

import io.carmint.block.BlockSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: imports one stream with several importers at once, reading (generating) it only once. Each importer
 * runs on its own thread over a bounded queue of shared read-only buffers, so memory stays small.
 */
final class FanOut {
  private static final byte[] EOF = new byte[0];

  private FanOut() {}

  /** One importer and the sink it writes to. */
  record Job(Importer importer, BlockSink sink) {}

  static List<ImportResult> run(InputStream source, List<Job> jobs) throws IOException {
    List<BlockingQueue<byte[]>> queues = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
    List<Future<ImportResult>> results = new ArrayList<>();
    try {
      for (Job j : jobs) {
        BlockingQueue<byte[]> q = new ArrayBlockingQueue<>(4);
        queues.add(q);
        results.add(pool.submit(() -> j.importer().importStream(new QueueStream(q), j.sink())));
      }
      byte[] buf;
      while ((buf = source.readNBytes(1 << 20)).length > 0) {
        for (int i = 0; i < queues.size(); i++) {
          put(queues.get(i), buf, results.get(i));
        }
      }
      for (int i = 0; i < queues.size(); i++) {
        put(queues.get(i), EOF, results.get(i));
      }
      List<ImportResult> out = new ArrayList<>();
      for (Future<ImportResult> f : results) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Queues {@code buf} for a job; if the job has ended (it failed), rethrows its failure instead of waiting for
   * room that would never come.
   */
  private static void put(BlockingQueue<byte[]> q, byte[] buf, Future<ImportResult> job)
      throws InterruptedException, ExecutionException {
    while (!q.offer(buf, 100, TimeUnit.MILLISECONDS)) {
      if (job.isDone()) {
        job.get();
        throw new IllegalStateException("an import ended before reading all of its input");
      }
    }
  }

  private static final class QueueStream extends InputStream {
    private final BlockingQueue<byte[]> queue;
    private byte[] current = new byte[0];
    private int pos;
    private boolean done;

    QueueStream(BlockingQueue<byte[]> queue) {
      this.queue = queue;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (pos == current.length) {
        if (done) {
          return -1;
        }
        try {
          current = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException();
        }
        pos = 0;
        if (current == EOF) {
          done = true;
        }
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}

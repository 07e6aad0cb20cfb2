package io.carmint.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without holding a thread while its bytes are awaited: each chunk Jetty has is passed to a
 * {@link Sink}, then the reader asks to be called back when more arrives. Bodies above the byte limit, and bodies
 * slower than the minimum rate (averaged from the first read, checked once the grace has passed), fail with an
 * {@link HttpError}; a body above the limit is then read on and discarded, up to {@link #MAX_DRAIN} more bytes,
 * before the failure is reported, so that the client, still sending, can read the answer (closing a socket with
 * unread data makes TCP reset it and the answer is lost). The completion runs on the thread that read the last
 * chunk, a Jetty worker where blocking work is allowed. Not thread-safe: Jetty calls it one chunk at a time.
 */
final class BodyReader implements Runnable {
  /** Most bytes of a refused request body read before answering (beyond it, the connection is just closed). */
  static final long MAX_DRAIN = 1L << 30;

  /** Receives the body's bytes, in order. */
  interface Sink {
    /**
     * @param bytes the next bytes; the buffer is valid during the call only
     * @throws HttpError to refuse the body (it is then drained and the error reported)
     */
    void accept(ByteBuffer bytes) throws IOException, HttpError;
  }

  /** Learns how the body ended. */
  interface Completion {
    /** The whole body was read; {@code bytes} in all. */
    void succeeded(long bytes);

    /**
     * The body was refused ({@link HttpError}) or could not be read ({@link IOException}: the client went away or
     * timed out, which is reported as an {@link HttpError} 408 when the client may still read an answer).
     */
    void failed(Exception e);
  }

  /** The body could not be read: the connection failed or closed. Nobody is left to answer. */
  static final class ClientGoneException extends IOException {
    private static final long serialVersionUID = 1L;

    ClientGoneException(Throwable cause) {
      super("The request body could not be read: " + cause, cause);
    }
  }

  private static final Sink DISCARD = b -> b.position(b.limit());

  private final Request request;
  private final BodyLimits limits;
  private final Completion completion;
  private Sink sink;
  private long max;
  private long total;
  private long startNanos;
  private HttpError refusal;

  private BodyReader(Request request, BodyLimits limits, Sink sink, long max, Completion completion) {
    this.request = request;
    this.limits = limits;
    this.sink = sink;
    this.max = max;
    this.completion = completion;
  }

  /** Reads the body into {@code sink}, refusing it (413) above {@link BodyLimits#maxRequestBytes}. */
  static void read(Request request, BodyLimits limits, Sink sink, Completion completion) {
    new BodyReader(request, limits, sink, limits.maxRequestBytes(), completion).start();
  }

  /** Reads and discards what is left of the body (up to {@link #MAX_DRAIN} bytes), then reports {@code error}. */
  static void drainThenFail(Request request, BodyLimits limits, HttpError error, Completion completion) {
    BodyReader r = new BodyReader(request, limits, DISCARD, MAX_DRAIN, completion);
    r.refusal = error;
    r.start();
  }

  private void start() {
    startNanos = limits.nanoTime().getAsLong();
    run();
  }

  /** Reads what Jetty has; called again by Jetty when more arrives. */
  @Override
  public void run() {
    try {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          Throwable cause = chunk.getFailure();
          chunk.release();
          if (cause instanceof TimeoutException) {
            throw new HttpError(408, "HTTP_ERROR", "Request Timeout: no byte of the body arrived within the idle "
                + "timeout");
          }
          throw new ClientGoneException(cause);
        }
        boolean last = chunk.isLast();
        try {
          ByteBuffer bytes = chunk.getByteBuffer();
          total += bytes.remaining();
          if (total > max) {
            if (refusal != null) {
              // drained as much as we will: answer now; Jetty closes the connection behind the answer
              completion.failed(refusal);
              return;
            }
            throw HttpError.tooLarge(limits.maxRequestBytes());
          }
          sink.accept(bytes);
        } catch (HttpError e) {
          if (refusal != null || e.status() == 408) {
            throw e;
          }
          refusal = e;
          sink = DISCARD;
          max = total + MAX_DRAIN;
        } finally {
          chunk.release();
        }
        if (last) {
          if (refusal != null) {
            completion.failed(refusal);
          } else {
            completion.succeeded(total);
          }
          return;
        }
        checkRate();
      }
    } catch (HttpError | IOException | RuntimeException e) {
      completion.failed(e);
    }
  }

  private void checkRate() throws HttpError {
    long rate = limits.minBytesPerSecond();
    if (rate == 0) {
      return;
    }
    long elapsed = limits.nanoTime().getAsLong() - startNanos;
    if (elapsed <= limits.grace().toNanos()) {
      return;
    }
    double seconds = elapsed / 1e9;
    if (total < rate * seconds) {
      throw new HttpError(408, "HTTP_ERROR", String.format(java.util.Locale.ROOT, "Request Timeout: the body "
          + "arrived at %.0f bytes/s on average, below the minimum of %d", total / seconds, rate));
    }
  }
}

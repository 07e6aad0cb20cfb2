package io.carmint.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One progress bar on standard error, redrawn in place ({@code \r}, then erase to the end of the line) five times a
 * second, and erased when the work ends so that the next line starts clean. Only shown when standard error is a
 * terminal and {@code -q} is not given; otherwise every method does nothing, so commands call it unconditionally.
 *
 * <p>With a known total: {@code pack  [########............]  40%  12.0 MB of 30.0 MB  3.1 s}; without one, the
 * bytes done (if any are counted) and the time: {@code fetch  12.0 MB  3.1 s}. Thread-safe: upload threads update it
 * while the ticker draws.
 */
final class ProgressBar implements AutoCloseable {
  /** Width of the bar between the brackets. */
  static final int BAR_WIDTH = 24;
  private static final long TICK_MILLIS = 200;

  private final String label;
  private final PrintWriter err;
  private final boolean shown;
  private final long startNanos = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong total = new AtomicLong(-1);
  private ScheduledExecutorService ticker;
  private boolean drawn;

  private ProgressBar(String label, PrintWriter err, boolean shown) {
    this.label = label;
    this.err = err;
    this.shown = shown;
  }

  /**
   * Starts a bar for the command of {@code main}, drawn only if standard error is a terminal and {@code -q} is not
   * given.
   *
   * @param label what is being done, usually the command's name
   * @param total the amount of work in bytes, or -1 if unknown
   */
  static ProgressBar start(Main main, PrintWriter err, String label, long total) {
    ProgressBar bar = new ProgressBar(label, err, main.console().errIsTerminal() && !main.quiet);
    bar.total(total);
    if (bar.shown) {
      main.progress(bar);
      bar.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "carmint-progress");
        t.setDaemon(true);
        return t;
      });
      bar.ticker.scheduleAtFixedRate(bar::draw, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
    return bar;
  }

  /** @return a bar drawn on {@code err} only when {@link #draw()} is called (no ticker): for tests */
  static ProgressBar drawnOnDemand(PrintWriter err, String label) {
    return new ProgressBar(label, err, true);
  }

  /** @return a bar that is never drawn */
  static ProgressBar none() {
    return new ProgressBar("", null, false);
  }

  /** @return whether the bar is drawn (else there is no need to measure the work) */
  boolean shown() {
    return shown;
  }

  /** Sets the amount of work, or -1 if unknown. */
  void total(long bytes) {
    total.set(bytes);
  }

  /** Sets the work done. */
  void done(long bytes) {
    done.set(bytes);
  }

  /** Adds to the work done. */
  void add(long bytes) {
    done.addAndGet(bytes);
  }

  /** Draws the bar now. */
  synchronized void draw() {
    if (!shown) {
      return;
    }
    err.print("\r" + render(label, done.get(), total.get(), System.nanoTime() - startNanos) + "\u001B[K");
    err.flush();
    drawn = true;
  }

  /** Erases the bar, so that a line can be printed; the next tick draws it again. */
  synchronized void erase() {
    if (drawn) {
      err.print("\r\u001B[K");
      err.flush();
      drawn = false;
    }
  }

  /**
   * Stops drawing, draws the bar once more and erases it. The last frame shows where the work ended (complete, or
   * where it failed) even when the work was shorter than a tick, and is what a terminal recording keeps.
   */
  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      draw();
    }
    erase();
  }

  /**
   * @param done bytes done
   * @param total bytes in all, or a negative number if unknown
   * @param elapsedNanos time since the work started
   * @return the bar's text, without the control characters that place it
   */
  static String render(String label, long done, long total, long elapsedNanos) {
    StringBuilder b = new StringBuilder(label).append("  ");
    if (total >= 0) {
      long shownDone = Math.min(done, total);
      int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * (double) shownDone / total);
      int percent = total == 0 ? 100 : (int) (100 * (double) shownDone / total);
      b.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append(']')
          .append(String.format(Locale.ROOT, " %3d%%  ", percent))
          .append(bytes(shownDone)).append(" of ").append(bytes(total)).append("  ");
    } else if (done > 0) {
      b.append(bytes(done)).append("  ");
    }
    return b.append(seconds(elapsedNanos)).toString();
  }

  /** @return a byte count for people: {@code 512 B}, {@code 12.0 kB}, {@code 300 MB}, {@code 1.20 GB} (powers of 1000) */
  static String bytes(long n) {
    if (n < 1000) {
      return n + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double v = n;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    String format = v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s";
    return String.format(Locale.ROOT, format, v, units[u]);
  }

  /** @return a duration for people: {@code 0.4 s}, {@code 12.3 s}, {@code 2 min 5 s} */
  static String seconds(long nanos) {
    long tenths = nanos / 100_000_000;
    if (tenths < 600) {
      return String.format(Locale.ROOT, "%d.%d s", tenths / 10, tenths % 10);
    }
    long s = tenths / 10;
    return s / 60 + " min " + s % 60 + " s";
  }
}

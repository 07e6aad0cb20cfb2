package io.carmint.cli;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the client (through {@code System.Logger}, which the JDK sends to {@code java.util.logging}) and the libraries
 * under it (OkHttp) log, turned into short lines of the CLI: the client's retry becomes {@code retry 2/5 in 4 s: HTTP
 * 503}, any warning {@code warning: …}; other records are dropped. While installed it is the only handler of the
 * root logger, so {@code java.util.logging}'s two-line timestamped records never reach the terminal.
 */
final class ClientLog extends Handler implements AutoCloseable {
  /** The logger of {@code io.carmint.client}'s {@code NftStorageClient}, {@code Transport} and uploads. */
  static final String LOGGER = "io.carmint.client.NftStorageClient";

  /** The client's retry record: {@code WHAT failed (CAUSE); retry N of M in D ms}. */
  private static final Pattern RETRY = Pattern.compile("(?s)(.*) failed \\((.*)\\); retry (\\d+) of (\\d+) in (\\d+) ms");

  private final Logger root = Logger.getLogger("");
  private final Handler[] rootHandlers;
  private final Logger client = Logger.getLogger(LOGGER);
  private final Level clientLevel;
  private final Consumer<String> lines;

  private ClientLog(Consumer<String> lines) {
    this.rootHandlers = root.getHandlers();
    this.clientLevel = client.getLevel();
    this.lines = lines;
  }

  /**
   * Sends the client's records, as short lines, to {@code lines} until {@link #close()}.
   *
   * @param lines receives each line, without the {@code carmint: } prefix
   */
  static ClientLog install(Consumer<String> lines) {
    ClientLog log = new ClientLog(lines);
    for (Handler h : log.rootHandlers) {
      log.root.removeHandler(h);
    }
    log.root.addHandler(log);
    log.client.setLevel(Level.INFO); // the retries, whatever logging.properties says
    return log;
  }

  @Override
  public void publish(LogRecord record) {
    String line = line(record.getLevel(), record.getMessage());
    if (line != null) {
      lines.accept(Printable.line(line));
    }
  }

  /** @return the CLI's line for a record of the client, or null to drop it */
  static String line(Level level, String message) {
    if (message == null) {
      return null;
    }
    Matcher m = RETRY.matcher(message);
    if (m.matches()) {
      long ms = Long.parseLong(m.group(5));
      // tenths below a second; 950 ms and up round to whole seconds ("1 s", never "1.0 s")
      String wait = ms < 950 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : Math.round(ms / 1000.0) + " s";
      return "retry " + m.group(3) + "/" + m.group(4) + " in " + wait + ": " + cause(m.group(2));
    }
    return level.intValue() >= Level.WARNING.intValue() ? "warning: " + message : null;
  }

  /** @return the cause without a Java class name: {@code ConnectException: Failed to connect…} → {@code Failed…} */
  private static String cause(String cause) {
    return cause.replaceFirst("^[A-Za-z]+(Exception|Error): ", "");
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    root.removeHandler(this);
    for (Handler h : rootHandlers) {
      root.addHandler(h);
    }
    client.setLevel(clientLevel);
  }
}

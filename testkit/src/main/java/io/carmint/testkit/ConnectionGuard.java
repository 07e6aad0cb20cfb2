package io.carmint.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Guards the server's connections against clients that hold them without using them: at most {@code maxPerAddress}
 * connections per client address (one more is closed as it opens), and a deadline for each request head, counted
 * from the connection opening or from its previous answer (a connection that has not delivered a whole request
 * line and headers by then is closed; Jetty's idle timeout alone would let a client dribble one byte per timeout
 * for ever). A bean of the connector: Jetty tells it of every connection opened and closed; the handler tells it
 * when a request starts and when its answer is done. Thread-safe.
 */
final class ConnectionGuard implements Connection.Listener {
  private final int maxPerAddress;
  private final long headerTimeoutMillis;
  private final Scheduler scheduler;
  private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
  private final Map<Connection, State> states = new ConcurrentHashMap<>();

  /** A connection's requests: how many started, whether one is running, the pending deadline. */
  private static final class State {
    final InetAddress address;
    long requests;
    boolean inRequest;
    Scheduler.Task deadline;

    State(InetAddress address) {
      this.address = address;
    }
  }

  ConnectionGuard(int maxPerAddress, Duration headerTimeout, Scheduler scheduler) {
    this.maxPerAddress = maxPerAddress;
    this.headerTimeoutMillis = headerTimeout.toMillis();
    this.scheduler = scheduler;
  }

  @Override
  public void onOpened(Connection connection) {
    InetAddress address = address(connection.getEndPoint().getRemoteSocketAddress());
    State state = new State(address);
    states.put(connection, state);
    int held = address == null ? 0 : perAddress.merge(address, 1, Integer::sum);
    if (held > maxPerAddress) {
      connection.getEndPoint().close();
      return;
    }
    synchronized (state) {
      arm(connection, state);
    }
  }

  @Override
  public void onClosed(Connection connection) {
    State state = states.remove(connection);
    if (state == null) {
      return;
    }
    synchronized (state) {
      if (state.deadline != null) {
        state.deadline.cancel();
      }
    }
    if (state.address != null) {
      perAddress.computeIfPresent(state.address, (a, n) -> n <= 1 ? null : n - 1);
    }
  }

  /** A request's head has arrived on {@code connection}: its deadline is met. */
  void requestStarted(Connection connection) {
    State state = states.get(connection);
    if (state == null) {
      return;
    }
    synchronized (state) {
      state.requests++;
      state.inRequest = true;
      if (state.deadline != null) {
        state.deadline.cancel();
        state.deadline = null;
      }
    }
  }

  /** The answer on {@code connection} is done: the next request head has its own deadline. */
  void requestEnded(Connection connection) {
    State state = states.get(connection);
    if (state == null) {
      return;
    }
    synchronized (state) {
      state.inRequest = false;
      arm(connection, state);
    }
  }

  /** @return connections currently held by {@code address} (tests) */
  int connections(InetAddress address) {
    return perAddress.getOrDefault(address, 0);
  }

  private void arm(Connection connection, State state) {
    long startedBefore = state.requests;
    state.deadline = scheduler.schedule(() -> {
      synchronized (state) {
        if (state.inRequest || state.requests != startedBefore) {
          return;
        }
      }
      connection.getEndPoint().close();
    }, headerTimeoutMillis, TimeUnit.MILLISECONDS);
  }

  private static InetAddress address(SocketAddress remote) {
    return remote instanceof InetSocketAddress isa ? isa.getAddress() : null;
  }
}

package org.actionhero4j.spi.support;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The sockets of one server and the drain at shutdown, shared by every transport: sockets core did
 * not close are dropped at once, the ones it closed get a bounded time to finish their handshake
 * (with the frames queued before it), and responses being written get the same time.
 *
 * @param <S> the transport's socket type
 */
public final class OpenSockets<S> {

  /** How long the drain lets closing sockets and responses finish. */
  public static final long DRAIN_MILLIS = 2_000;

  private final Set<S> sockets = ConcurrentHashMap.newKeySet();
  private final Function<S, SocketState> state;
  private final Consumer<S> abort;
  /** Responses handed to the transport and not yet fully written. */
  private final InFlight responses = new InFlight();
  private volatile boolean draining;
  private final java.util.concurrent.atomic.AtomicBoolean shutDown = new java.util.concurrent.atomic.AtomicBoolean();

  public OpenSockets(Function<S, SocketState> state, Consumer<S> abort) {
    this.state = state;
    this.abort = abort;
  }

  /** A socket opened; one that opens while the server drains is dropped. */
  public void opened(S socket) {
    sockets.add(socket);
    if (draining) {
      abort.accept(socket);
    }
  }

  public void closed(S socket) {
    sockets.remove(socket);
  }

  public InFlight responses() {
    return responses;
  }

  /**
   * Shuts the server down once: drops the sockets core did not close, lets the others and the
   * responses being written finish (bounded), drops the rest and runs {@code stop}. Called from
   * one of the server's own threads, the drain runs on a new thread, since it waits for them.
   */
  public void shutDown(boolean onServerThread, String threadName, Runnable stop) {
    if (!shutDown.compareAndSet(false, true)) {
      return;
    }
    beginDrain();
    Runnable drainAndStop = () -> {
      awaitDrained();
      stop.run();
    };
    if (onServerThread) {
      Thread closer = new Thread(drainAndStop, threadName);
      closer.setDaemon(true);
      closer.start();
    } else {
      drainAndStop.run();
    }
  }

  /** Drops the sockets core did not close; the drain is {@link #awaitDrained}. */
  private void beginDrain() {
    draining = true;
    for (S socket : List.copyOf(sockets)) {
      if (!state.apply(socket).closing()) {
        abort.accept(socket);
      }
    }
  }

  /** Waits up to {@link #DRAIN_MILLIS} for closing sockets and responses, then drops what is left. */
  private void awaitDrained() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
    for (S socket : List.copyOf(sockets)) {
      state.apply(socket).awaitClosed(deadline - System.nanoTime());
    }
    responses.awaitZero(deadline - System.nanoTime());
    for (S socket : List.copyOf(sockets)) {
      abort.accept(socket);
    }
  }
}

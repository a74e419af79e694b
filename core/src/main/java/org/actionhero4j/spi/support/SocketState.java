package org.actionhero4j.spi.support;

import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.actionhero4j.spi.CloseCode;
import org.actionhero4j.spi.SocketAcceptor;
import org.actionhero4j.spi.SocketListener;
import org.actionhero4j.spi.SocketSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one WebSocket that every transport shares, so that all behave alike: listener calls
 * one at a time, in order, never after {@link SocketListener#onClose} (which comes once); writes
 * that fail once the socket closes; the close handshake (the first status wins, a peer's close is
 * answered with its own code, reasons cut to 123 bytes); the close-grace timer that drops a peer
 * that never answers; and the idle timer. A transport supplies only the frame IO ({@link Wire})
 * and a clock ({@link Timers}), and reports what its server saw.
 */
public final class SocketState {

  private static final Logger LOG = LoggerFactory.getLogger(SocketState.class);

  /** How long a close handshake may take before the TCP connection is dropped. */
  public static final long CLOSE_GRACE_MILLIS = 5_000;

  /** What the transport does on the wire. Called from any thread. */
  public interface Wire {
    /** Sends a close frame (after the frames already queued); {@code code} may be {@link CloseCode#NO_STATUS}. */
    void sendClose(CloseCode code, String reason);

    /** Drops the TCP connection now. */
    void disconnect();
  }

  /** Schedules work on the transport's timer; the returned task cancels it. */
  @FunctionalInterface
  public interface Timers {
    Runnable schedule(Runnable task, long delayMillis);
  }

  private record Status(CloseCode code, String reason) {}

  private final Wire wire;
  private final Timers timers;
  private final Trampoline inbound = new Trampoline();
  private final Set<CompletableFuture<Void>> pendingWrites = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closeSent = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private final AtomicReference<Status> status = new AtomicReference<>();
  private final List<Runnable> timersToCancel = new java.util.concurrent.CopyOnWriteArrayList<>();
  /**
   * The idle check still to come (one at a time: each check schedules the next). It is kept apart
   * from {@link #timersToCancel}, which every check used to join and never leave, so that a socket
   * held open grew by one entry (its fired timer with it) per idle period.
   */
  private final AtomicReference<Runnable> idleCheck = new AtomicReference<>();
  private volatile long lastActivity = System.nanoTime();

  // Only touched inside inbound tasks.
  private SocketListener listener;
  private boolean closeDelivered;

  public SocketState(Wire wire, Timers timers) {
    this.wire = wire;
    this.timers = timers;
  }

  /** Asks core for the socket's listener; a failing acceptor drops the socket. */
  public void open(SocketAcceptor acceptor, SocketSession session) {
    inbound.execute(
        () -> {
          try {
            listener = acceptor.accept(session);
          } catch (Throwable t) {
            LOG.warn("socket acceptor failed; dropping the socket", t);
          }
          if (listener == null) {
            wire.disconnect();
          }
        });
  }

  /** Runs a listener call in order (skipped once closed); {@code then} runs after it, always. */
  public void deliver(Consumer<SocketListener> call, Runnable then) {
    touch();
    inbound.execute(
        () -> {
          try {
            if (listener != null && !closeDelivered) {
              call.accept(listener);
            }
          } finally {
            then.run();
          }
        });
  }

  /** Runs a listener call in order (skipped once closed). */
  public void deliver(Consumer<SocketListener> call) {
    deliver(call, () -> {});
  }

  /**
   * A write about to be handed to the transport: complete it with {@link #written} or
   * {@link #failed}. Already failed when the socket is closing or closed.
   */
  public CompletableFuture<Void> beginWrite() {
    CompletableFuture<Void> write = new CompletableFuture<>();
    if (closed.get() || closeSent.get()) {
      write.completeExceptionally(new ClosedChannelException());
      return write;
    }
    pendingWrites.add(write);
    if (closed.get()) {
      failPendingWrites();
    }
    return write;
  }

  public void written(CompletableFuture<Void> write) {
    touch();
    pendingWrites.remove(write);
    write.complete(null);
  }

  public void failed(CompletableFuture<Void> write, Throwable failure) {
    pendingWrites.remove(write);
    write.completeExceptionally(failure);
  }

  /** This side starts the close handshake (see {@link SocketSession#close}). */
  public void close(CloseCode code, String reason) {
    if (!code.sendable()) {
      throw new IllegalArgumentException("close code " + code.value() + " cannot be sent in a close frame");
    }
    if (closed.get() || !closeSent.compareAndSet(false, true)) {
      return;
    }
    status.compareAndSet(null, new Status(code, CloseReason.truncate(reason)));
    wire.sendClose(code, CloseReason.truncate(reason));
    armGrace();
  }

  /**
   * The peer's close frame arrived. If this side had not closed yet, the close is answered with the
   * peer's own code (RFC 6455 5.5.1) and the connection drops after it is sent or the grace period;
   * else the handshake is complete and the connection drops now.
   *
   * @return whether the transport must still drop the connection once the answer is written
   */
  public boolean peerClosed(CloseCode code, String reason) {
    touch();
    status.compareAndSet(null, new Status(code, reason));
    if (closeSent.compareAndSet(false, true)) {
      wire.sendClose(code, CloseReason.truncate(reason));
      armGrace();
      return true;
    }
    wire.disconnect();
    return false;
  }

  /** The transport itself sent a close frame (e.g. 1009 for a message over the limit). */
  public void closedByTransport(CloseCode code, String reason) {
    status.compareAndSet(null, new Status(code, reason));
    if (closeSent.compareAndSet(false, true)) {
      armGrace();
    }
  }

  /**
   * The connection is gone: pending writes fail, timers stop, and the listener gets
   * {@link SocketListener#onClose} once, with the first status seen (or {@code fallback}).
   *
   * @return false when this was already reported
   */
  public boolean connectionClosed(CloseCode fallback, String fallbackReason) {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    closedLatch.countDown();
    timersToCancel.forEach(Runnable::run);
    cancelIdleCheck();
    failPendingWrites();
    Status seen = status.get();
    CloseCode code = seen == null ? fallback : seen.code();
    String reason = seen == null ? fallbackReason : seen.reason();
    inbound.execute(
        () -> {
          if (closeDelivered) {
            return;
          }
          closeDelivered = true;
          if (listener != null) {
            listener.onClose(code, reason);
          }
        });
    return true;
  }

  /** Closes with 1001 a socket silent for {@code idleMillis} (drops it when already closing). */
  public void idleTimeout(long idleMillis) {
    if (idleMillis > 0) {
      scheduleIdleCheck(TimeUnit.MILLISECONDS.toNanos(idleMillis), TimeUnit.MILLISECONDS.toNanos(idleMillis));
    }
  }

  private void scheduleIdleCheck(long delayNanos, long idleNanos) {
    try {
      idleCheck.set(timers.schedule(() -> checkIdle(idleNanos), TimeUnit.NANOSECONDS.toMillis(delayNanos) + 1));
      if (closed.get()) {
        cancelIdleCheck(); // closed meanwhile: the close may have cancelled the previous one only
      }
    } catch (RuntimeException e) {
      LOG.debug("cannot schedule the idle check", e);
    }
  }

  private void cancelIdleCheck() {
    Runnable cancel = idleCheck.getAndSet(null);
    if (cancel != null) {
      cancel.run();
    }
  }

  private void checkIdle(long idleNanos) {
    if (closed.get()) {
      return;
    }
    long idle = System.nanoTime() - lastActivity;
    if (idle < idleNanos) {
      scheduleIdleCheck(idleNanos - idle, idleNanos);
    } else if (closeSent.get()) {
      wire.disconnect();
    } else {
      LOG.debug("WebSocket idle for {} ms, closing", TimeUnit.NANOSECONDS.toMillis(idle));
      close(CloseCode.GOING_AWAY, "Connection Idle Timeout");
    }
  }

  /** Something moved on the socket. */
  public void touch() {
    lastActivity = System.nanoTime();
  }

  /** True once a close frame was sent or queued: the socket is in its close handshake. */
  public boolean closing() {
    return closeSent.get();
  }

  public boolean isClosed() {
    return closed.get();
  }

  /** Waits (bounded) until the connection is closed; true if it is. */
  public boolean awaitClosed(long nanos) {
    try {
      return nanos <= 0 ? closedLatch.getCount() == 0 : closedLatch.await(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void armGrace() {
    if (closed.get()) {
      return;
    }
    try {
      timersToCancel.add(timers.schedule(wire::disconnect, CLOSE_GRACE_MILLIS));
    } catch (RuntimeException e) {
      wire.disconnect();
    }
  }

  private void failPendingWrites() {
    for (CompletableFuture<Void> write : List.copyOf(pendingWrites)) {
      pendingWrites.remove(write);
      write.completeExceptionally(new ClosedChannelException());
    }
  }
}

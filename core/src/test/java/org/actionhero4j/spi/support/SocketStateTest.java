package org.actionhero4j.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.actionhero4j.spi.CloseCode;
import org.junit.jupiter.api.Test;

/** The shared WebSocket life cycle, on a fake wire and a timer the test fires by hand. */
class SocketStateTest {

  /** A timer whose tasks run when the test says; it counts what is still held for cancelling. */
  private static final class HandTimers implements SocketState.Timers {
    final List<Runnable> due = new ArrayList<>();
    final AtomicInteger cancelled = new AtomicInteger();

    @Override
    public Runnable schedule(Runnable task, long delayMillis) {
      due.add(task);
      return cancelled::incrementAndGet;
    }

    /** Fires the oldest task. */
    void fireNext() {
      due.remove(0).run();
    }
  }

  private static final class QuietWire implements SocketState.Wire {
    final AtomicInteger disconnects = new AtomicInteger();

    @Override
    public void sendClose(CloseCode code, String reason) {}

    @Override
    public void disconnect() {
      disconnects.incrementAndGet();
    }
  }

  /**
   * Soak of issue 16 (Undertow, one hour): every idle check that fired stayed in the socket's list of
   * timers to cancel, with the transport's timer key, until the socket closed. 200 sockets held
   * open kept 6,800 fired timers after 50 minutes, and the heap after GC crept up with them.
   */
  @Test
  void anOpenSocketKeepsOnlyItsPendingIdleCheck() {
    HandTimers timers = new HandTimers();
    QuietWire wire = new QuietWire();
    SocketState state = new SocketState(wire, timers);
    state.idleTimeout(60_000);
    for (int period = 0; period < 1_000; period++) {
      state.touch();
      timers.fireNext(); // active within the period: the check schedules the next one
    }
    assertEquals(1, timers.due.size(), "one idle check pending");

    state.connectionClosed(CloseCode.ABNORMAL, "gone");

    assertEquals(1, timers.cancelled.get(), "the close cancels the pending check, and holds no fired ones");
    assertEquals(0, wire.disconnects.get());
  }

  @Test
  void aCheckAfterTheCloseSchedulesNothing() {
    HandTimers timers = new HandTimers();
    SocketState state = new SocketState(new QuietWire(), timers);
    state.idleTimeout(60_000);
    state.connectionClosed(CloseCode.ABNORMAL, "gone");
    timers.fireNext(); // a check already running when the socket closed

    assertEquals(0, timers.due.size());
    assertEquals(1, timers.cancelled.get());
  }
}

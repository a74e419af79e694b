package org.actionhero4j.plugin.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.spi.Observer;

/** What core reports on its hot paths, as meters; meters are cached by Micrometer per tag set. */
final class MeterObserver implements Observer {

  private final MeterRegistry registry;
  private final Counter framesIn;
  private final Counter framesOut;
  private final Counter slowClosed;
  private final Counter slowDropped;

  MeterObserver(MeterRegistry registry) {
    this.registry = registry;
    this.framesIn = Counter.builder("actionhero.socket.frames").tag("direction", "in")
        .description("socket frames received and sent").register(registry);
    this.framesOut = Counter.builder("actionhero.socket.frames").tag("direction", "out")
        .description("socket frames received and sent").register(registry);
    this.slowClosed = Counter.builder("actionhero.socket.slow.consumers").tag("policy", "close")
        .description("sockets that fell behind their outbound bounds (closed), or frames dropped for it")
        .register(registry);
    this.slowDropped = Counter.builder("actionhero.socket.slow.consumers").tag("policy", "drop")
        .description("sockets that fell behind their outbound bounds (closed), or frames dropped for it")
        .register(registry);
  }

  @Override
  public void actionCompleted(String action, String connectionType, String outcome, long nanos) {
    Timer.builder("actionhero.actions")
        .description("action runs by action, connection type and outcome")
        .tag("action", actionTag(action, outcome))
        .tag("connection", connectionType)
        .tag("outcome", outcome)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Names the client chose for actions that do not exist are not tags: they would be unbounded. */
  private static String actionTag(String action, String outcome) {
    if (outcome.equals("unknown_action")) {
      return "(unknown)";
    }
    return action.isEmpty() ? "(none)" : action;
  }

  @Override
  public void socketFrameReceived() {
    framesIn.increment();
  }

  @Override
  public void socketFrameSent() {
    framesOut.increment();
  }

  @Override
  public void slowConsumer(boolean closed) {
    (closed ? slowClosed : slowDropped).increment();
  }
}

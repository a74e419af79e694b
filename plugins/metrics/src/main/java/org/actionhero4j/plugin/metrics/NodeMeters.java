package org.actionhero4j.plugin.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Initializer;
import org.actionhero4j.spi.ClusterBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's own state: JVM and process meters, the cluster bus timed by a periodic probe
 * ({@code actionhero.cluster.bus.latency}, {@code actionhero.cluster.bus.errors}), and what the
 * health probes read. Starts last and stops first, so readiness covers the whole start and stop.
 */
final class NodeMeters implements Initializer {

  private static final Logger log = LoggerFactory.getLogger(NodeMeters.class);

  private final MeterRegistry registry;
  private final MetricsConfig config;
  private final Timer busLatency;
  private final Counter busErrors;
  private volatile boolean started;
  private Actionhero app;
  private ClusterBus bus;
  private JvmGcMetrics gc;
  private ScheduledExecutorService probe;

  NodeMeters(MeterRegistry registry, MetricsConfig config) {
    this.registry = registry;
    this.config = config;
    this.busLatency = Timer.builder("actionhero.cluster.bus.latency")
        .description("round trips to the cluster bus (listing the live nodes)").register(registry);
    this.busErrors = Counter.builder("actionhero.cluster.bus.errors")
        .description("cluster bus probes that failed").register(registry);
  }

  @Inject
  void node(Actionhero app, ClusterBus bus) {
    this.app = app;
    this.bus = bus;
  }

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public int startPriority() {
    return Integer.MAX_VALUE;
  }

  @Override
  public int stopPriority() {
    return Integer.MIN_VALUE;
  }

  @Override
  public void start() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    if (config.busProbeMillis() > 0) {
      probe = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "actionhero-metrics-bus-probe");
        t.setDaemon(true);
        return t;
      });
      probe.scheduleWithFixedDelay(
          this::busAnswers, 0, config.busProbeMillis(), TimeUnit.MILLISECONDS);
    }
    started = true;
  }

  @Override
  public void stop() {
    started = false;
    if (probe != null) {
      probe.shutdownNow();
    }
    if (gc != null) {
      gc.close();
    }
  }

  /** Whether the node finished starting and has not begun to stop. */
  boolean serving() {
    return started && app != null && !app.shuttingDown();
  }

  /** Times one round trip to the cluster bus; false (and counted) when it fails. */
  boolean busAnswers() {
    long begin = System.nanoTime();
    try {
      bus.nodes();
      busLatency.record(System.nanoTime() - begin, TimeUnit.NANOSECONDS);
      return true;
    } catch (RuntimeException e) {
      busErrors.increment();
      log.debug("cluster bus probe failed: {}", e.toString());
      return false;
    }
  }
}

package org.actionhero4j.plugin.metrics;

import com.google.inject.AbstractModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.actionhero4j.Plugin;
import org.actionhero4j.PluginContext;
import org.actionhero4j.config.ConfigNamespace;
import org.actionhero4j.spi.Observer;

/**
 * Micrometer metrics of a node (connections, rooms, actions, socket frames, slow consumers, the
 * cluster bus, the JVM and the process), a Prometheus scrape at {@code metrics.path}, and
 * Kubernetes health probes. The {@link MeterRegistry} is injectable for the application's own
 * meters.
 */
public final class MetricsPlugin implements Plugin {

  static final ConfigNamespace<MetricsConfig> NAMESPACE =
      new ConfigNamespace<>("metrics", MetricsConfig.class, MetricsConfig.DEFAULTS);

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public List<ConfigNamespace<?>> configNamespaces() {
    return List.of(NAMESPACE);
  }

  @Override
  public void register(PluginContext context) {
    MetricsConfig config = context.config().namespace(NAMESPACE.name(), MetricsConfig.class);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    context.module(
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(MeterRegistry.class).toInstance(registry);
            bind(PrometheusMeterRegistry.class).toInstance(registry);
            bind(MetricsConfig.class).toInstance(config);
          }
        });
    context.provide(Observer.class, new MeterObserver(registry));
    context.connectionMiddleware(new ConnectionMeters(registry));
    context.chatMiddleware(new RoomMeters(registry));
    NodeMeters node = new NodeMeters(registry, config);
    context.initializer(node);
    context.endpoint(new ScrapeEndpoint(config.path(), registry));
    context.endpoint(new HealthEndpoint(config.livePath(), node, false));
    context.endpoint(new HealthEndpoint(config.readyPath(), node, true));
  }
}

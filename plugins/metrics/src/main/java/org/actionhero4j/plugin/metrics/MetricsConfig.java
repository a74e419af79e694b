package org.actionhero4j.plugin.metrics;

/**
 * The {@code metrics} config namespace.
 *
 * @param path where Prometheus scrapes (answered outside the action pipeline)
 * @param livePath the liveness probe: 200 while the process serves HTTP
 * @param readyPath the readiness probe: 200 once started, 503 while stopping or when the cluster
 *     bus does not answer
 * @param busProbeMillis how often the cluster bus is timed for {@code actionhero.cluster.bus.latency}
 */
public record MetricsConfig(String path, String livePath, String readyPath, long busProbeMillis) {

  /** The defaults: {@code /metrics}, {@code /health/live}, {@code /health/ready}, every 10 s. */
  public static final MetricsConfig DEFAULTS =
      new MetricsConfig("/metrics", "/health/live", "/health/ready", 10_000);
}

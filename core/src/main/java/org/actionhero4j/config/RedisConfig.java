package org.actionhero4j.config;

/**
 * The {@code redis} namespace, read by the Redis cluster plugin.
 *
 * @param enabled whether the plugin, when on the classpath, clusters this node
 * @param url {@code REDIS_URL}
 * @param keyPrefix prefix of every key and channel this cluster uses
 * @param heartbeatMillis how often a node refreshes its liveness key
 * @param nodeTimeoutMillis after how long without a heartbeat a node counts as dead
 * @param mode {@code standalone} (one Redis, or one behind Sentinel) or {@code cluster} (Redis
 *     Cluster; {@code url} then lists seed nodes, comma-separated)
 */
public record RedisConfig(
    boolean enabled,
    String url,
    String keyPrefix,
    long heartbeatMillis,
    long nodeTimeoutMillis,
    String mode) {

  /** The built-in defaults. */
  public static final RedisConfig DEFAULTS =
      new RedisConfig(false, "redis://127.0.0.1:6379", "actionhero4j:", 2_000, 10_000, "standalone");
}

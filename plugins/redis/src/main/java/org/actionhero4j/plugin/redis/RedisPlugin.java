package org.actionhero4j.plugin.redis;

import io.lettuce.core.RedisURI;
import org.actionhero4j.Plugin;
import org.actionhero4j.spi.ClusterBus;
import org.actionhero4j.PluginContext;
import org.actionhero4j.config.ConfigException;
import org.actionhero4j.config.RedisConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clusters nodes through Redis when {@code redis.enabled} is true: rooms, membership, chat and
 * calls to connections held by other nodes then work across every node that shares
 * {@code redis.url} and {@code redis.keyPrefix} (and {@code general.serverToken}). It also adds the
 * {@code clusterStatus} action. With {@code redis.enabled} false (the default) it does nothing.
 */
public final class RedisPlugin implements Plugin {

  private static final Logger log = LoggerFactory.getLogger(RedisPlugin.class);

  /** {@code redis.mode} for one Redis (or one behind Sentinel). */
  static final String STANDALONE = "standalone";
  /** {@code redis.mode} for Redis Cluster. */
  static final String CLUSTER = "cluster";

  private volatile RedisClusterBus bus;

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public void register(PluginContext context) {
    RedisConfig config = context.config().redis();
    if (!config.enabled()) {
      log.debug("redis.enabled is false: this node keeps its rooms in memory");
      return;
    }
    check(config);
    RedisClusterBus bus = new RedisClusterBus(config);
    this.bus = bus;
    context.provide(ClusterBus.class, bus);
    context.module(binder -> binder.bind(RedisClusterBus.class).toInstance(bus));
    context.action(ClusterStatusAction.class);
    context.initializer(ConnectionCountReporter.class);
  }

  /** The bus this plugin installed, once it registered with {@code redis.enabled} true. */
  public java.util.Optional<RedisClusterBus> bus() {
    return java.util.Optional.ofNullable(bus);
  }

  private static void check(RedisConfig config) {
    if (config.url() == null || config.url().isBlank()) {
      throw new ConfigException("redis.url: expected a URL like redis://127.0.0.1:6379, got nothing");
    }
    java.util.List<String> urls = RedisLink.seeds(config.url());
    if (urls.size() > 1 && !CLUSTER.equals(config.mode())) {
      throw new ConfigException(
          "redis.url: several URLs (seeds) need redis.mode 'cluster'; in standalone mode give one URL, got '"
              + config.url() + "'");
    }
    for (String url : urls) {
      try {
        RedisURI.create(url);
      } catch (RuntimeException e) {
        throw new ConfigException(
            "redis.url: expected a URL like redis://[:password@]host:port[/database], got '"
                + url + "' (" + e.getMessage() + ")");
      }
    }
    if (config.keyPrefix() == null) {
      throw new ConfigException("redis.keyPrefix: expected a prefix such as 'actionhero4j:', got nothing");
    }
    if (!STANDALONE.equals(config.mode()) && !CLUSTER.equals(config.mode())) {
      throw new ConfigException(
          "redis.mode: expected 'standalone' or 'cluster', got '" + config.mode() + "'");
    }
    if (CLUSTER.equals(config.mode()) && (config.keyPrefix().contains("{") || config.keyPrefix().contains("}"))) {
      throw new ConfigException(
          "redis.keyPrefix: in cluster mode the prefix becomes a hash tag and may not hold '{' or '}', got '"
              + config.keyPrefix() + "'");
    }
    if (config.heartbeatMillis() <= 0) {
      throw new ConfigException("redis.heartbeatMillis: expected a positive number of ms, got " + config.heartbeatMillis());
    }
    if (config.nodeTimeoutMillis() <= config.heartbeatMillis()) {
      throw new ConfigException(
          "redis.nodeTimeoutMillis: expected more than redis.heartbeatMillis ("
              + config.heartbeatMillis() + " ms; a few heartbeats is safe), got " + config.nodeTimeoutMillis());
    }
  }
}

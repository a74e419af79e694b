package org.actionhero4j.plugin.redis.tck;

import java.nio.file.Path;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.actionhero4j.plugin.redis.RedisClusterServers;
import org.actionhero4j.plugin.redis.RedisPlugin;
import org.actionhero4j.plugin.redis.RedisServer;
import org.actionhero4j.tck.TckApp;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Redis a TCK suite's cluster runs on, for the test class (a JUnit extension on a static field):
 * one {@code redis-server}, or a three-master Redis Cluster. Every test starts a two-node cluster
 * under a new key prefix; consecutive sockets land on different nodes.
 */
final class TckRedis implements BeforeAllCallback, AfterAllCallback {

  static final String TRANSPORT = "undertow";

  private final boolean redisCluster;
  private AutoCloseable servers;
  private String url;

  private TckRedis(boolean redisCluster) {
    this.redisCluster = redisCluster;
  }

  static TckRedis standalone() {
    return new TckRedis(false);
  }

  static TckRedis redisCluster() {
    return new TckRedis(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (redisCluster) {
      RedisClusterServers cluster = RedisClusterServers.start();
      servers = cluster;
      url = cluster.url();
    } else {
      RedisServer server = RedisServer.start();
      servers = server;
      url = server.url();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (servers != null) {
      servers.close();
    }
  }

  TckApp twoNodes(Path publicDir, UnaryOperator<Actionhero.Builder> customize) throws Exception {
    String prefix = "tck-" + UUID.randomUUID() + ":";
    return TckApp.cluster(
        2,
        TRANSPORT,
        publicDir,
        b ->
            customize
                .apply(b)
                .plugin(new RedisPlugin())
                .set("redis.enabled", true)
                .set("redis.mode", redisCluster ? "cluster" : "standalone")
                .set("redis.url", url)
                .set("redis.keyPrefix", prefix)
                .set("general.serverToken", "tck-token"));
  }
}

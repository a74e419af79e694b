package org.actionhero4j.plugin.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.actionhero4j.spi.ClusterBus;

/**
 * Several nodes in this JVM sharing one random key prefix in the real Redis; stopping it stops the
 * nodes and deletes the prefix's keys.
 */
final class TestCluster implements AutoCloseable {

  final String prefix = "test-" + UUID.randomUUID() + ":";
  private final RedisTestSupport redis;
  private final List<Actionhero> nodes = new ArrayList<>();

  TestCluster(RedisTestSupport redis) {
    this.redis = redis;
  }

  /** A builder for a node of this cluster (not started). */
  Actionhero.Builder builder(String name) {
    return Actionhero.builder().set("web.enabled", false)
        .noConfigDirectory()
        .environmentVariables(Map.of())
        .discoverPlugins(false)
        .plugin(new RedisPlugin())
        .plugin(new PingPlugin())
        .set("general.id", name + "-" + UUID.randomUUID().toString().substring(0, 8))
        .set("general.rpcTimeoutMillis", 2000)
        .set("general.startingChatRooms", Map.of("defaultRoom", Map.of()))
        .set("redis.enabled", true)
        .set("redis.url", RedisTestSupport.URL)
        .set("redis.keyPrefix", prefix);
  }

  Actionhero start(String name) throws Exception {
    return start(name, b -> b);
  }

  Actionhero start(String name, UnaryOperator<Actionhero.Builder> customize) throws Exception {
    Actionhero node = customize.apply(builder(name)).start();
    synchronized (nodes) {
      nodes.add(node);
    }
    return node;
  }

  static ClusterBus bus(Actionhero node) {
    return node.injector().getInstance(ClusterBus.class);
  }

  @Override
  public void close() {
    List<Actionhero> started;
    synchronized (nodes) {
      started = new ArrayList<>(nodes);
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).stop();
    }
    redis.deleteKeys(prefix);
  }
}

package org.actionhero4j.plugin.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Several nodes in this JVM over a Redis of the test's own, as a JUnit extension: registered on a
 * static field it lives for the test class, on an instance field for each test. Closing it stops
 * the nodes (last started first) and the Redis.
 */
final class TestCluster
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {

  final String prefix = "test-" + UUID.randomUUID() + ":";
  private final List<Actionhero> nodes = new ArrayList<>();
  private final List<RedisPlugin> plugins = new ArrayList<>();
  private volatile RedisTestSupport redis;
  private boolean classWide;

  @Override
  public void beforeAll(ExtensionContext context) {
    classWide = true;
    redis = RedisTestSupport.connect();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!classWide) {
      redis = RedisTestSupport.connect();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!classWide) {
      close();
    }
  }

  /** The Redis this cluster runs on. */
  RedisTestSupport redis() {
    return redis;
  }

  /** A builder for a node of this cluster (not started). */
  Actionhero.Builder builder(String name) {
    RedisPlugin plugin = new RedisPlugin();
    synchronized (nodes) {
      plugins.add(plugin);
    }
    return Actionhero.builder().set("web.enabled", false)
        .noConfigDirectory()
        .environmentVariables(Map.of())
        .discoverPlugins(false)
        .plugin(plugin)
        .plugin(new PingPlugin())
        .set("general.id", name + "-" + UUID.randomUUID().toString().substring(0, 8))
        .set("general.rpcTimeoutMillis", 2000)
        .set("general.startingChatRooms", Map.of("defaultRoom", Map.of()))
        .set("redis.enabled", true)
        .set("redis.url", redis.url())
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

  /** A new connection on a node, joined to these rooms. */
  static TestConnection member(Actionhero node, String... rooms) {
    TestConnection c = SpecHelper.of(node).connection();
    for (String room : rooms) {
      c.verb("roomAdd", room);
    }
    return c;
  }

  /** The cluster bus of a node this cluster started. */
  RedisClusterBus bus(Actionhero node) {
    synchronized (nodes) {
      for (RedisPlugin plugin : plugins) {
        if (plugin.bus().filter(b -> b.nodeId().equals(node.id())).isPresent()) {
          return plugin.bus().get();
        }
      }
    }
    throw new IllegalArgumentException("node " + node.id() + " is not of this cluster");
  }

  @Override
  public void close() {
    List<Actionhero> started;
    synchronized (nodes) {
      started = new ArrayList<>(nodes);
      nodes.clear();
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).stop();
    }
    if (redis != null) {
      redis.close();
      redis = null;
    }
  }
}

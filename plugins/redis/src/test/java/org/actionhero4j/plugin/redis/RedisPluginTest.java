package org.actionhero4j.plugin.redis;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Plugin;
import org.actionhero4j.config.ConfigException;
import org.actionhero4j.testing.SpecHelper;
import org.junit.jupiter.api.Test;

/** The plugin's switch and config checks (no Redis needed). */
class RedisPluginTest {

  @Test
  void thePluginIsFoundOnTheClasspath() {
    assertTrue(
        StreamSupport.stream(ServiceLoader.load(Plugin.class).spliterator(), false)
            .anyMatch(p -> p instanceof RedisPlugin));
  }

  @Test
  void disabledByDefaultItChangesNothing() throws Exception {
    RedisPlugin plugin = new RedisPlugin();
    Actionhero app =
        Actionhero.builder().set("web.enabled", false)
            .noConfigDirectory()
            .environmentVariables(Map.of())
            .discoverPlugins(false)
            .plugin(plugin)
            .start();
    try {
      assertTrue(plugin.bus().isEmpty(), "no redis bus without redis.enabled");
      Map<String, Object> response = SpecHelper.of(app).runAction("clusterStatus", Map.of());
      assertTrue(response.containsKey("error"), "clusterStatus exists only in a cluster: " + response);
    } finally {
      app.stop();
    }
  }

  @Test
  void aNodeTimeoutNotAboveTheHeartbeatIsRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> Actionhero.builder().set("web.enabled", false)
                .noConfigDirectory()
                .environmentVariables(Map.of())
                .discoverPlugins(false)
                .plugin(new RedisPlugin())
                .set("redis.enabled", true)
                .set("redis.heartbeatMillis", 2000)
                .set("redis.nodeTimeoutMillis", 2000)
                .start());
    assertTrue(e.getMessage().startsWith("redis.nodeTimeoutMillis"), e.getMessage());
  }
}

package org.actionhero4j.plugin.redis.tck;

import java.nio.file.Path;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.actionhero4j.plugin.redis.RedisPlugin;
import org.actionhero4j.plugin.redis.RedisTestSupport;
import org.actionhero4j.tck.ServerUnderTestProvider;
import org.actionhero4j.tck.TckApp;

/**
 * Runs TCK suites on a two-node cluster on the real Redis: consecutive sockets land on different
 * nodes. Each application gets its own key prefix, deleted when it stops.
 */
public final class TwoNodeRedisCluster implements ServerUnderTestProvider {

  @Override
  public String transport() {
    return "undertow";
  }

  @Override
  public TckApp start(Path publicDir, UnaryOperator<Actionhero.Builder> customize) throws Exception {
    RedisTestSupport redis = RedisTestSupport.connect();
    String prefix = "tck-" + UUID.randomUUID() + ":";
    TckApp app;
    try {
      app =
          TckApp.cluster(
              2,
              transport(),
              publicDir,
              b ->
                  customize
                      .apply(b)
                      .plugin(new RedisPlugin())
                      .set("redis.enabled", true)
                      .set("redis.keyPrefix", prefix)
                      .set("general.serverToken", "tck-token"));
    } catch (Exception e) {
      redis.close();
      throw e;
    }
    return app.whenClosed(
        () -> {
          redis.deleteKeys(prefix);
          redis.close();
        });
  }
}

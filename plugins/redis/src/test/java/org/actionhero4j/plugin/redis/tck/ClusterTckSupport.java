package org.actionhero4j.plugin.redis.tck;

import java.nio.file.Path;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.actionhero4j.plugin.redis.RedisPlugin;
import org.actionhero4j.tck.TckApp;

/** Starts TCK applications as a two-node cluster on a Redis of the test's own, each run under its own prefix. */
final class ClusterTckSupport {

  static final String TRANSPORT = "undertow";

  private ClusterTckSupport() {}

  static String newPrefix() {
    return "tck-" + UUID.randomUUID() + ":";
  }

  static TckApp twoNodes(
      Path publicDir, String redisUrl, String prefix, UnaryOperator<Actionhero.Builder> customize)
      throws Exception {
    return TckApp.cluster(
        2,
        TRANSPORT,
        publicDir,
        b ->
            customize
                .apply(b)
                .plugin(new RedisPlugin())
                .set("redis.enabled", true)
                .set("redis.url", redisUrl)
                .set("redis.keyPrefix", prefix)
                .set("general.serverToken", "tck-token"));
  }

  /** Two nodes over a Redis Cluster, under a new prefix. */
  static TckApp twoNodesOnRedisCluster(Path publicDir, String seeds, UnaryOperator<Actionhero.Builder> customize)
      throws Exception {
    return twoNodes(publicDir, seeds, newPrefix(), b -> customize.apply(b).set("redis.mode", "cluster"));
  }
}

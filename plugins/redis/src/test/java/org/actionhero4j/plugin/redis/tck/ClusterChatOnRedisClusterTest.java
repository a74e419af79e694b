package org.actionhero4j.plugin.redis.tck;

import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.actionhero4j.plugin.redis.RedisClusterServers;
import org.actionhero4j.tck.ChatTck;
import org.actionhero4j.tck.TckApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The TCK's Chat suite on two nodes over a three-master Redis Cluster (redis.mode: cluster). */
class ClusterChatOnRedisClusterTest extends ChatTck {

  private static RedisClusterServers redis;

  @BeforeAll
  static void startRedisCluster() {
    redis = RedisClusterServers.start();
  }

  @AfterAll
  static void stopRedisCluster() {
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  protected String transport() {
    return ClusterTckSupport.TRANSPORT;
  }

  @Override
  protected TckApp start(UnaryOperator<Actionhero.Builder> customize) throws Exception {
    return ClusterTckSupport.twoNodesOnRedisCluster(tmp.resolve("public"), redis.url(), customize);
  }
}

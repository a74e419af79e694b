package org.actionhero4j.plugin.redis.tck;

import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.actionhero4j.tck.ChatTck;
import org.actionhero4j.tck.TckApp;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The TCK's Chat suite on two nodes over a three-master Redis Cluster (redis.mode: cluster). */
class ClusterChatOnRedisClusterTest extends ChatTck {

  @RegisterExtension static final TckRedis redis = TckRedis.redisCluster();

  @Override
  protected String transport() {
    return TckRedis.TRANSPORT;
  }

  @Override
  protected TckApp start(UnaryOperator<Actionhero.Builder> customize) throws Exception {
    return redis.twoNodes(tmp.resolve("public"), customize);
  }
}

package org.actionhero4j.plugin.redis.tck;

import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.actionhero4j.plugin.redis.RedisTestSupport;
import org.actionhero4j.tck.SocketProtocolTck;
import org.actionhero4j.tck.TckApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The TCK's SocketProtocol suite on a two-node Redis cluster: consecutive sockets land on different nodes. */
class ClusterSocketProtocolTest extends SocketProtocolTck {

  private final String prefix = ClusterTckSupport.newPrefix();
  private RedisTestSupport redis;

  @BeforeEach
  void requireRedis() {
    redis = RedisTestSupport.connect();
  }

  @AfterEach
  void stopRedis() {
    stopApp();
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
    return ClusterTckSupport.twoNodes(tmp.resolve("public"), redis.url(), prefix, customize);
  }
}

package org.actionhero4j.plugin.redis.tck;

import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;
import org.actionhero4j.tck.SocketProtocolTck;
import org.actionhero4j.tck.TckApp;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The TCK's SocketProtocol suite on two nodes over one Redis. */
class ClusterSocketProtocolTest extends SocketProtocolTck {

  @RegisterExtension static final TckRedis redis = TckRedis.standalone();

  @Override
  protected String transport() {
    return TckRedis.TRANSPORT;
  }

  @Override
  protected TckApp start(UnaryOperator<Actionhero.Builder> customize) throws Exception {
    return redis.twoNodes(tmp.resolve("public"), customize);
  }
}

package org.actionhero4j.plugin.redis.tck;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PollingWithoutStickySessionsSuite} on two nodes over one Redis. */
class PollingWithoutStickySessionsTest extends PollingWithoutStickySessionsSuite {

  @RegisterExtension static final TckRedis redis = TckRedis.standalone();

  @Override
  TckRedis redis() {
    return redis;
  }
}

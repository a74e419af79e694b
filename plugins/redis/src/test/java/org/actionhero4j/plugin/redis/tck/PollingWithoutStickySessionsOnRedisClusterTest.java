package org.actionhero4j.plugin.redis.tck;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PollingWithoutStickySessionsSuite} on two nodes over a three-master Redis Cluster (redis.mode: cluster). */
class PollingWithoutStickySessionsOnRedisClusterTest extends PollingWithoutStickySessionsSuite {

  @RegisterExtension static final TckRedis redis = TckRedis.redisCluster();

  @Override
  TckRedis redis() {
    return redis;
  }
}

package org.actionhero4j.plugin.redis.tck;

import org.actionhero4j.tck.ChatTck;
import org.actionhero4j.tck.SocketProtocolTck;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/** The TCK's chat and socket-protocol suites on a two-node Redis cluster ({@link TwoNodeRedisCluster}). */
@Suite
@SelectClasses({ChatTck.class, SocketProtocolTck.class})
class ClusterTckTest {}

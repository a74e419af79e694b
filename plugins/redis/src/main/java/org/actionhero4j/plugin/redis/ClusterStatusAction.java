package org.actionhero4j.plugin.redis;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;

/**
 * {@code clusterStatus}: the live nodes of the cluster with the connections each holds (as of its
 * latest heartbeat) and their total.
 */
final class ClusterStatusAction implements Action {

  private final RedisClusterBus bus;

  @Inject
  ClusterStatusAction(RedisClusterBus bus) {
    this.bus = bus;
  }

  @Override
  public ActionDefinition definition() {
    return ActionDefinition.named("clusterStatus")
        .description("I will return the live nodes of the cluster and how many connections each holds")
        .outputExample(
            Map.of(
                "nodes",
                List.of(Map.of("id", "node-1", "connections", 12, "startedAt", 1700000000000L, "heartbeatAt", 1700000002000L)),
                "totalConnections",
                12))
        .build();
  }

  @Override
  public Map<String, Object> run(ActionContext ctx) {
    List<Map<String, Object>> nodes = new ArrayList<>(bus.nodeStatuses());
    nodes.sort(Comparator.comparing(n -> String.valueOf(n.get("id"))));
    long total = 0;
    for (Map<String, Object> n : nodes) {
      if (n.get("connections") instanceof Number count) {
        total += count.longValue();
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("nodes", nodes);
    out.put("totalConnections", total);
    return out;
  }
}

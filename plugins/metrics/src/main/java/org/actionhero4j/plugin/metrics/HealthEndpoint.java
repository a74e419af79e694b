package org.actionhero4j.plugin.metrics;

import org.actionhero4j.EndpointReply;
import org.actionhero4j.EndpointRequest;
import org.actionhero4j.HttpEndpoint;

/**
 * A Kubernetes probe: 200 with {@code {"status":"UP"}}, or 503 with {@code {"status":"DOWN"}} and
 * the failing checks. Liveness only says the process serves HTTP; readiness also needs the node to
 * be started and not stopping, and the cluster bus to answer.
 */
final class HealthEndpoint implements HttpEndpoint {

  private final String path;
  private final NodeMeters node;
  private final boolean readiness;

  HealthEndpoint(String path, NodeMeters node, boolean readiness) {
    this.path = path;
    this.node = node;
    this.readiness = readiness;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public EndpointReply handle(EndpointRequest request) {
    if (!readiness) {
      return EndpointReply.json(200, "{\"status\":\"UP\"}");
    }
    boolean serving = node.serving();
    boolean bus = serving && node.busAnswers();
    if (serving && bus) {
      return EndpointReply.json(200, "{\"status\":\"UP\",\"checks\":{\"node\":\"UP\",\"clusterBus\":\"UP\"}}");
    }
    return EndpointReply.json(
        503,
        "{\"status\":\"DOWN\",\"checks\":{\"node\":\"" + (serving ? "UP" : "DOWN")
            + "\",\"clusterBus\":\"" + (bus ? "UP" : serving ? "DOWN" : "UNKNOWN") + "\"}}");
  }
}

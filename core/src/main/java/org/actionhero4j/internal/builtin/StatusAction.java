package org.actionhero4j.internal.builtin;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;

/**
 * {@code status}: every field Actionhero 29's {@code status} returns, in its order, then ours
 * ({@code actionhero4jVersion}, {@code connections}, {@code rooms}).
 */
public final class StatusAction implements Action {

  /** The Actionhero release whose protocol this framework serves. */
  public static final String ACTIONHERO_PROTOCOL_VERSION = "29.3.5";

  /** Above this share of the maximum heap the node reports itself unhealthy. */
  static final double MAX_HEAP_SHARE = 0.9;

  private final Actionhero app;

  @Inject
  public StatusAction(Actionhero app) {
    this.app = app;
  }

  @Override
  public ActionDefinition definition() {
    return ActionDefinition.named("status")
        .description("I will return some basic information about the API")
        .outputExample(
            Map.of("id", "node-1", "name", "actionhero4j", "nodeStatus", "Node Healthy", "problems", List.of()))
        .nonBlocking() // reads memory and config only
        .build();
  }

  @Override
  public Map<String, Object> run(ActionContext ctx) {
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    List<String> problems = new ArrayList<>();
    if (used > rt.maxMemory() * MAX_HEAP_SHARE) {
      problems.add("Using more than " + Math.round(MAX_HEAP_SHARE * 100) + "% of the maximum heap");
    }
    if (app.shuttingDown()) {
      problems.add("Shutting down");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", app.id());
    out.put("actionheroVersion", ACTIONHERO_PROTOCOL_VERSION);
    out.put("name", app.config().general().serverName());
    out.put("description", app.config().general().description());
    out.put("version", app.config().general().apiVersion());
    out.put("uptime", Duration.between(app.startedAt(), Instant.now()).toMillis());
    out.put("consumedMemoryMB", Math.round(used / 1024.0 / 1024.0 * 100) / 100.0);
    out.put("resqueTotalQueueLength", 0);
    out.put("nodeStatus", problems.isEmpty() ? "Node Healthy" : "Node Unhealthy");
    out.put("problems", problems);
    out.put("actionhero4jVersion", Actionhero.VERSION);
    out.put("connections", app.connections().local().size());
    out.put("rooms", app.chatRooms().list().size());
    return out;
  }
}

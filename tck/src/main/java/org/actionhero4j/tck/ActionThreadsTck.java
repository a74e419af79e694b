package org.actionhero4j.tck;

import static org.actionhero4j.tck.TckSocket.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.actionhero4j.internal.Json;
import org.junit.jupiter.api.Test;

/**
 * Where actions run: one that promised never to block ({@code nonBlocking()}) on the thread that
 * read the request, with no hand-off; every other one on core's worker pool.
 */
public class ActionThreadsTck extends TransportTck {

  private static boolean onWorkerPool(Map<String, Object> reply) {
    return Boolean.TRUE.equals(reply.get("virtual")) || String.valueOf(reply.get("thread")).startsWith("actionhero-worker-");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> overHttp(String action) throws Exception {
    HttpResponse<String> response = app().http("GET", "/api/" + action, null);
    assertEquals(200, response.statusCode(), response.body());
    return (Map<String, Object>) Json.decode(response.body());
  }

  private Map<String, Object> overSocket(String action) throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      return s.request(map("event", "action", "params", map("action", action), "messageId", "where"));
    }
  }

  private void assertRunsOnWorkerPool(String action, boolean pooled) throws Exception {
    for (Map<String, Object> reply : List.of(overHttp(action), overSocket(action))) {
      assertEquals(pooled, onWorkerPool(reply), action + " ran on " + reply);
    }
  }

  @Test
  void aNonBlockingActionRunsWhereTheRequestWasReadOverHttpAndSockets() throws Exception {
    assertRunsOnWorkerPool("threadHere", false);
  }

  @Test
  void everyOtherActionRunsOnTheWorkerPool() throws Exception {
    assertRunsOnWorkerPool("threadPooled", true);
  }
}

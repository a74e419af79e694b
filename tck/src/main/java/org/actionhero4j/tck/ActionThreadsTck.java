package org.actionhero4j.tck;

import static org.actionhero4j.tck.TckSocket.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.actionhero4j.internal.Json;
import org.junit.jupiter.api.Test;

/**
 * Where actions run: over HTTP, one that promised never to block ({@code nonBlocking()}) on the
 * thread that read the request, with no hand-off, and every other one on core's worker pool; over
 * a socket, every action on a worker (the socket's mailbox or the pool), never on an IO thread.
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

  private static void assertOnWorkerPool(boolean pooled, Map<String, Object> reply) {
    assertEquals(pooled, onWorkerPool(reply), "ran on " + reply);
  }

  @Test
  void overHttpANonBlockingActionRunsWhereTheRequestWasRead() throws Exception {
    assertOnWorkerPool(false, overHttp("threadHere"));
  }

  @Test
  void overHttpEveryOtherActionRunsOnTheWorkerPool() throws Exception {
    assertOnWorkerPool(true, overHttp("threadPooled"));
  }

  @Test
  void overASocketEveryActionRunsOnAWorker() throws Exception {
    for (String action : List.of("threadHere", "threadPooled")) {
      assertOnWorkerPool(true, overSocket(action));
    }
  }
}

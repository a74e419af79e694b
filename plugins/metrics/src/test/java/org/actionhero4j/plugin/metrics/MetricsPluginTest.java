package org.actionhero4j.plugin.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.tck.TckSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real node with the metrics plugin on Undertow, scraped and probed over HTTP. */
class MetricsPluginTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** Counts its calls on a meter of the application's own, from the injected registry. */
  static final class Ping implements Action {
    private final MeterRegistry registry;

    @Inject
    Ping(MeterRegistry registry) {
      this.registry = registry;
    }

    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("ping").build();
    }

    @Override
    public Object run(ActionContext ctx) {
      registry.counter("app.pings").increment();
      return Map.of("pong", true);
    }
  }

  private Actionhero app;

  private Actionhero start(Map<String, Object> settings) throws Exception {
    Actionhero.Builder builder =
        WebNode.builder(ctx -> ctx.action(Ping.class))
            .set("general.startingChatRooms", Map.of("lobby", Map.of()));
    settings.forEach(builder::set);
    app = builder.start();
    return app;
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void aScrapeAfterActionsAndJoinsShowsTheCountersMoved() throws Exception {
    start(Map.of());
    String before = get("/metrics").body();
    assertEquals(0, value(before, "actionhero_actions_seconds_count", "action=\"ping\",connection=\"web\",outcome=\"ok\""));

    for (int i = 0; i < 3; i++) {
      assertEquals(200, get("/api/ping").statusCode());
    }
    assertEquals(404, get("/api/nope").statusCode());
    try (TckSocket socket = TckSocket.connect(app.port().getAsInt())) {
      socket.awaitWelcome();
      socket.request(TckSocket.map("event", "roomAdd", "room", "lobby", "messageId", 1));
      socket.request(TckSocket.map("event", "action", "params", Map.of("action", "ping"), "messageId", 2));
      assertEquals(200, get("/health/ready").statusCode(), "readiness also times the cluster bus");

      HttpResponse<String> scrape = get("/metrics");
      assertEquals(200, scrape.statusCode());
      assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      String after = scrape.body();
      assertEquals(3, value(after, "actionhero_actions_seconds_count", "action=\"ping\",connection=\"web\",outcome=\"ok\""));
      assertEquals(1, value(after, "actionhero_actions_seconds_count", "action=\"ping\",connection=\"websocket\",outcome=\"ok\""));
      assertEquals(1, value(after, "actionhero_actions_seconds_count", "action=\"(unknown)\",connection=\"web\",outcome=\"unknown_action\""));
      assertEquals(4, value(after, "app_pings_total", ""), "the injected registry is the scraped one");
      assertEquals(1, value(after, "actionhero_room_joins_total", ""));
      assertEquals(1, value(after, "actionhero_rooms", ""));
      assertEquals(1, value(after, "actionhero_room_members", ""));
      assertEquals(1, value(after, "actionhero_connections_open", "type=\"websocket\""));
      assertEquals(1, value(after, "actionhero_connections_opened_total", "type=\"websocket\""));
      assertTrue(value(after, "actionhero_connections_opened_total", "type=\"web\"") >= 4, after);
      assertTrue(value(after, "actionhero_socket_frames_total", "direction=\"in\"") >= 2, after);
      assertTrue(value(after, "actionhero_socket_frames_total", "direction=\"out\"") >= 3, after);
      assertTrue(value(after, "actionhero_cluster_bus_latency_seconds_count", "") >= 1, after);
      assertTrue(after.contains("jvm_memory_used_bytes"), "JVM meters");
      assertTrue(after.contains("process_uptime_seconds"), "process meters");
      assertTrue(after.contains("actionhero_socket_slow_consumers_total"), after);
    }
  }

  @Test
  void theScrapeIsNotAnActionAndItsPathIsConfigurable() throws Exception {
    start(Map.of("metrics.path", "/internal/prometheus"));

    assertEquals(200, get("/internal/prometheus").statusCode());
    assertEquals(404, get("/metrics").statusCode());
    String scrape = get("/internal/prometheus").body();
    assertEquals(0, value(scrape, "actionhero_actions_seconds_count", "action=\"(unknown)\",connection=\"web\",outcome=\"unknown_action\""),
        "a scrape does not run through the action pipeline");
  }

  @Test
  void probesAnswerInTheShapeKubernetesExpects() throws Exception {
    start(Map.of());

    HttpResponse<String> live = get("/health/live");
    assertEquals(200, live.statusCode());
    assertEquals("{\"status\":\"UP\"}", live.body());
    assertTrue(live.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    HttpResponse<String> ready = get("/health/ready");
    assertEquals(200, ready.statusCode());
    assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
    assertEquals(405, HTTP.send(HttpRequest.newBuilder(uri("/health/ready")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port().getAsInt() + path);
  }

  /** The value of one sample (0 when absent); {@code labels} as they appear, in order. */
  static double value(String scrape, String name, String labels) {
    Pattern line = Pattern.compile(
        "^" + Pattern.quote(name) + (labels.isEmpty() ? "(?:\\{[^}]*\\})?" : "\\{[^}]*" + Pattern.quote(labels) + "[^}]*\\}")
            + " (\\S+)$", Pattern.MULTILINE);
    Matcher m = line.matcher(scrape);
    OptionalDouble found = OptionalDouble.empty();
    while (m.find()) {
      found = OptionalDouble.of(found.orElse(0) + Double.parseDouble(m.group(1)));
    }
    return found.orElse(0);
  }

  static List<String> lines(String scrape, String prefix) {
    return scrape.lines().filter(l -> l.startsWith(prefix)).toList();
  }
}

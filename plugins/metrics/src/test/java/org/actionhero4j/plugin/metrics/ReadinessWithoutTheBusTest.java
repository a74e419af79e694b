package org.actionhero4j.plugin.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.Actionhero;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness follows the cluster bus: a node on its own real Redis (a {@code redis-server} this test
 * starts on a free port) is ready, and stops being ready when that Redis goes away.
 */
class ReadinessWithoutTheBusTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void readinessIs503WhileTheClusterBusIsDown(@TempDir Path dir) throws Exception {
    Path redisServer = redisServer();
    int redisPort = freePort();
    Process redis =
        new ProcessBuilder(redisServer.toString(), "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    Actionhero app = null;
    try {
      awaitPort(redisPort);
      app =
          WebNode.builder(ctx -> {})
              .set("redis.enabled", true)
              .set("redis.url", "redis://127.0.0.1:" + redisPort)
              .set("redis.keyPrefix", "metrics-test-" + redisPort + ":")
              .set("general.rpcTimeoutMillis", 1000)
              .set("metrics.busProbeMillis", 0)
              .plugin(new org.actionhero4j.plugin.redis.RedisPlugin())
              .start();
      String ready = "http://127.0.0.1:" + app.port().getAsInt() + "/health/ready";
      assertEquals(200, get(ready).statusCode());

      redis.destroy();
      assertTrue(redis.waitFor(10, TimeUnit.SECONDS), "redis-server stopped");

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      HttpResponse<String> reply = get(ready);
      while (reply.statusCode() == 200 && System.nanoTime() < deadline) {
        reply = get(ready);
      }
      assertEquals(503, reply.statusCode(), reply.body());
      assertTrue(reply.body().contains("\"clusterBus\":\"DOWN\""), reply.body());
      String scrape = get("http://127.0.0.1:" + app.port().getAsInt() + "/metrics").body();
      assertTrue(MetricsPluginTest.value(scrape, "actionhero_cluster_bus_errors_total", "") >= 1, scrape);
    } finally {
      if (app != null) {
        app.stop();
      }
      redis.destroyForcibly();
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The {@code redis-server} binary; its absence skips this test, and fails it under CI=true. */
  private static Path redisServer() {
    for (String entry : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(entry, "redis-server");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("redis-server is missing, and CI=true: install it (see .ci/run)");
    }
    Assumptions.abort("redis-server is missing; skipping (it is required when CI=true)");
    throw new AssertionError("unreachable");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitPort(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.onSpinWait();
      }
    }
    fail("redis-server did not listen on " + port + " within 10 s");
  }
}

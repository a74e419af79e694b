package org.actionhero4j.plugin.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.junit.jupiter.api.Test;

/**
 * Readiness turns 503 as soon as a stop begins, while an in-flight action holds the stop open; the
 * probe is read over a keep-alive connection opened before the stop (the port refuses new ones then).
 */
class ReadinessDuringStopTest {

  private static final CountDownLatch HOLDING = new CountDownLatch(1);
  private static final CountDownLatch RELEASE = new CountDownLatch(1);

  /** Runs until the test releases it, keeping the stop in progress. */
  static final class Hold implements Action {
    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("hold").build();
    }

    @Override
    public Object run(ActionContext ctx) throws InterruptedException {
      HOLDING.countDown();
      RELEASE.await(30, TimeUnit.SECONDS);
      return Map.of("held", true);
    }
  }

  record Reply(int status, String body) {}

  @Test
  void readinessFlipsTo503WhileTheNodeStops() throws Exception {
    Actionhero app =
        WebNode.builder(ctx -> ctx.action(new Hold()))
            .set("general.shutdownTimeoutMillis", 30_000)
            .start();
    int port = app.port().getAsInt();
    CompletableFuture<Void> stopping = CompletableFuture.completedFuture(null);
    try (Socket probe = new Socket("127.0.0.1", port)) {
      probe.setSoTimeout(10_000);
      assertEquals(200, get(probe, "/health/ready").status());

      Socket holder = new Socket("127.0.0.1", port);
      holder.setSoTimeout(30_000);
      CompletableFuture<Reply> held =
          CompletableFuture.supplyAsync(() -> {
            try (holder) {
              return get(holder, "/api/hold");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      assertTrue(HOLDING.await(10, TimeUnit.SECONDS), "the held action started");
      stopping = CompletableFuture.runAsync(app::stop);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      Reply reply = get(probe, "/health/ready");
      while (reply.status() == 200 && System.nanoTime() < deadline) {
        assertTrue(stopping.isDone() || !held.isDone(), "the action is still held");
        reply = get(probe, "/health/ready");
      }
      assertEquals(503, reply.status(), reply.body());
      assertTrue(reply.body().contains("\"status\":\"DOWN\""), reply.body());
      // answers given once the stop began say Connection: close, so the probe's socket ends here

      RELEASE.countDown();
      assertEquals(200, held.get(10, TimeUnit.SECONDS).status(), "the request in flight at stop got its answer");
    } finally {
      RELEASE.countDown();
      stopping.get(30, TimeUnit.SECONDS);
      app.stop();
    }
  }

  /** One HTTP/1.1 request on a kept-alive socket; reads a Content-Length body. */
  private static Reply get(Socket socket, String path) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = new BufferedInputStream(socket.getInputStream());
    String status = line(in);
    int length = 0;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring("content-length:".length()).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    return new Reply(Integer.parseInt(status.split(" ")[1]), new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        buffer.write(b);
      }
    }
    return buffer.toString(StandardCharsets.US_ASCII);
  }
}

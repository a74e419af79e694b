package org.actionhero4j.transport.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.spi.HttpResponse;
import org.actionhero4j.spi.RunningServer;
import org.actionhero4j.spi.ServerBinding;
import org.junit.jupiter.api.Test;

/** The defect the network fuzz found in the Jetty transport, pinned by name. */
class JettyFuzzRegressionTest {

  private static final int REQUESTS = 4_000;

  private static final String[] UNPARSABLE = {
    "Host: 127.0.0.1 folded\r\n", "Host: a\r\nHost: b\r\n", "X: y\r\n folded\r\n", "Content-Length: -1\r\n"
  };

  /** One request on a connection of its own, half-closed after it: everything the server sent back. */
  private static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.shutdownOutput();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void aRequestJettyCannotParseNeverLendsItsBuffersToAnotherConnection() throws Exception {
    RunningServer server =
        new JettyTransport()
            .start(
                new ServerBinding(
                    "127.0.0.1",
                    0,
                    64 * 1024,
                    0,
                    exchange ->
                        exchange.respond(
                            new HttpResponse(200, Map.of(), ("ok " + exchange.rawPath()).getBytes(StandardCharsets.UTF_8)))));
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      int port = server.port();
      List<String> wrong = Collections.synchronizedList(new ArrayList<>());
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int offset = t;
        running.add(clients.submit(() -> {
          for (int i = 0; i < REQUESTS; i++) {
            exchange(port, "GET /bad" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + UNPARSABLE[(i + offset) % UNPARSABLE.length] + "\r\n");
          }
          return null;
        }));
        running.add(clients.submit(() -> {
          for (int i = 0; i < REQUESTS; i++) {
            String answer = exchange(port, "GET /good" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            if (!answer.startsWith("HTTP/1.1 200") || !answer.endsWith("ok /good" + i)) {
              wrong.add("/good" + i + " got: " + answer.replace("\r\n", " | "));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get(2, TimeUnit.MINUTES);
      }
      // with Jetty's buffer pool, about one good request in a thousand got another connection's
      // answer, half of one, or a 400 for bytes it never sent
      assertEquals(List.of(), wrong);
    } finally {
      clients.shutdownNow();
      server.close();
    }
  }
}

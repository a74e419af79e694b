package org.actionhero4j.clientgen;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Input;
import org.actionhero4j.Plugin;
import org.actionhero4j.PluginContext;

/** A real application on a real port, with client-gen, an {@code echo} action and {@code defaultRoom}. */
final class TestServer implements AutoCloseable {

  static final List<String> TRANSPORTS = List.of("undertow", "jetty");

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final Actionhero app;

  private TestServer(Actionhero app) {
    this.app = app;
  }

  /** Starts on {@code port} (0 for any) with these settings on top of the test defaults. */
  static TestServer start(String transport, int port, Path publicDir, Map<String, Object> settings)
      throws Exception {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("web.transport", transport);
    all.put("web.port", port);
    all.put("general.paths.publicDirs", List.of(publicDir.toString()));
    all.put("general.startingChatRooms", Map.of("defaultRoom", Map.of()));
    // quick reconnects keep the restart test short; they are baked into the served client
    all.put("websocket.client.reconnect.min", 200);
    all.put("websocket.client.reconnect.max", 1000);
    all.put("websocket.client.reconnect.retries", 60);
    all.putAll(settings);
    Actionhero.Builder builder =
        Actionhero.builder()
            .noConfigDirectory()
            .environmentVariables(Map.of())
            .discoverPlugins(false)
            .plugin(new ClientGenPlugin())
            .plugin(new TestActions());
    all.forEach(builder::set);
    return new TestServer(builder.start());
  }

  /** A port that was free a moment ago, for a server that must come back on the same one. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    }
  }

  Actionhero app() {
    return app;
  }

  int port() {
    return app.port().orElseThrow(() -> new IllegalStateException("no transport started"));
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    app.stop();
  }

  /** {@code echo}: answers with the params it received. */
  static final class TestActions implements Plugin {
    @Override
    public String name() {
      return "client-gen-test-actions";
    }

    @Override
    public void register(PluginContext context) {
      ActionDefinition echo =
          ActionDefinition.named("echo")
              .description("answers with the params it received")
              .input(Input.named("message"))
              .input(Input.named("other"))
              .build();
      context.action(new org.actionhero4j.Action() {
        @Override
        public ActionDefinition definition() {
          return echo;
        }

        @Override
        public Map<String, Object> run(org.actionhero4j.ActionContext ctx) {
          return Map.of("echo", new LinkedHashMap<>(ctx.params()));
        }
      });
    }
  }
}

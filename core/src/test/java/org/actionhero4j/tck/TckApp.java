package org.actionhero4j.tck;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;

/** A started application on a real port with the TCK plugin and a public directory. */
public final class TckApp implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final Actionhero app;
  private final Path publicDir;

  private TckApp(Actionhero app, Path publicDir) {
    this.app = app;
    this.publicDir = publicDir;
  }

  public static TckApp start(String transport, Path publicDir, UnaryOperator<Actionhero.Builder> customize)
      throws Exception {
    Files.createDirectories(publicDir);
    Actionhero.Builder builder =
        Actionhero.builder()
            .configDirectory(null)
            .environmentVariables(Map.of())
            .discoverPlugins(false)
            .plugin(new TckPlugin())
            .set("web.transport", transport)
            .set("web.port", 0)
            .set("general.paths.publicDirs", java.util.List.of(publicDir.toString()))
            .set("general.startingChatRooms", Map.of("defaultRoom", Map.of(), "otherRoom", Map.of(), "locked", Map.of()));
    return new TckApp(customize.apply(builder).start(), publicDir);
  }

  public Actionhero app() {
    return app;
  }

  public int port() {
    return app.port().orElseThrow(() -> new IllegalStateException("no transport started"));
  }

  public Path publicDir() {
    return publicDir;
  }

  public TckSocket socket() throws Exception {
    return TckSocket.connect(port());
  }

  /** A socket that has already received its welcome. */
  public TckSocket welcomedSocket() throws Exception {
    TckSocket socket = socket();
    socket.awaitWelcome();
    return socket;
  }

  public HttpResponse<String> http(String method, String pathAndQuery, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    app.stop();
  }
}

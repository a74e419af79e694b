package org.actionhero4j.tck;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.actionhero4j.Actionhero;

/** A started application on a real port with the TCK plugin and a public directory. */
public final class TckApp implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final HttpClient HTTPS =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .sslContext(TestCertificate.trustAll())
          .build();

  private final List<Actionhero> nodes;
  private final Actionhero app;
  private final Path publicDir;
  private final Runnable afterClose;
  private final java.util.concurrent.atomic.AtomicInteger nextNode = new java.util.concurrent.atomic.AtomicInteger();

  private final boolean secure;

  private TckApp(List<Actionhero> nodes, Path publicDir, boolean secure, Runnable afterClose) {
    this.nodes = List.copyOf(nodes);
    this.app = nodes.get(0);
    this.publicDir = publicDir;
    this.secure = secure;
    this.afterClose = afterClose;
  }

  /** Starts one node on {@code transport} with the TCK plugin, then {@code customize}'s settings. */
  public static TckApp start(String transport, Path publicDir, UnaryOperator<Actionhero.Builder> customize)
      throws Exception {
    return cluster(1, transport, publicDir, customize);
  }

  /** Starts one node serving HTTPS and WSS with the test certificate. */
  public static TckApp startSecure(
      String transport, Path publicDir, UnaryOperator<Actionhero.Builder> customize) throws Exception {
    return cluster(1, transport, publicDir, b -> customize.apply(secured(b)), true);
  }

  /** TLS on, with the generated RSA test certificate in a PKCS12 key store. */
  public static Actionhero.Builder secured(Actionhero.Builder builder) {
    TestCertificate certificate = TestCertificate.rsa();
    return builder
        .set("web.secure.enabled", true)
        .set("web.secure.keyStore", certificate.keyStore().toString())
        .set("web.secure.keyStorePassword", certificate.password());
  }

  /**
   * Starts {@code count} nodes with the same settings (a cluster when {@code customize} joins them,
   * e.g. with the Redis plugin); sockets from {@link #socket()} go to the nodes in turn.
   */
  public static TckApp cluster(
      int count, String transport, Path publicDir, UnaryOperator<Actionhero.Builder> customize)
      throws Exception {
    return cluster(count, transport, publicDir, customize, false);
  }

  private static TckApp cluster(
      int count, String transport, Path publicDir, UnaryOperator<Actionhero.Builder> customize, boolean secure)
      throws Exception {
    Files.createDirectories(publicDir);
    List<Actionhero> nodes = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        nodes.add(customize.apply(builder(transport, publicDir)).start());
      }
    } catch (Exception e) {
      nodes.forEach(Actionhero::stop);
      throw e;
    }
    return new TckApp(nodes, publicDir, secure, () -> {});
  }

  /** The same application, running {@code cleanup} once its nodes have stopped (e.g. to delete Redis keys). */
  public TckApp whenClosed(Runnable cleanup) {
    return new TckApp(nodes, publicDir, secure, () -> {
      afterClose.run();
      cleanup.run();
    });
  }

  private static Actionhero.Builder builder(String transport, Path publicDir) {
    return
        Actionhero.builder()
            .noConfigDirectory()
            .environmentVariables(Map.of())
            .discoverPlugins(false)
            .plugin(new TckPlugin())
            .set("web.transport", transport)
            .set("web.port", 0)
            .set("general.paths.publicDirs", java.util.List.of(publicDir.toString()))
            .set("general.startingChatRooms", Map.of("defaultRoom", Map.of(), "otherRoom", Map.of(), "locked", Map.of()));
  }

  /** The first node. */
  public Actionhero app() {
    return app;
  }

  /** The first node's port. */
  public int port() {
    return port(app);
  }

  /** The port of the {@code index}th node (0 is the first). */
  public int port(int index) {
    return port(nodes.get(index));
  }

  private static int port(Actionhero node) {
    return node.port().orElseThrow(() -> new IllegalStateException("no transport started"));
  }

  /** The connection with this id, on whichever node holds it. */
  public org.actionhero4j.Connection connection(String id) {
    return nodes.stream()
        .flatMap(n -> n.connections().local(id).stream())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node holds connection " + id));
  }

  /** Whether the app serves HTTPS and WSS. */
  public boolean secure() {
    return secure;
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return secure ? "https" : "http";
  }

  /** The HTTP client matching the app's scheme (trusting the test certificate). */
  public HttpClient httpClient() {
    return secure ? HTTPS : HTTP;
  }

  /** {@code <scheme>://127.0.0.1:<port><pathAndQuery>}. */
  public URI uri(String pathAndQuery) {
    return URI.create(scheme() + "://127.0.0.1:" + port() + pathAndQuery);
  }

  /** The directory the nodes serve static files from. */
  public Path publicDir() {
    return publicDir;
  }

  /** A socket to the next node in turn (always the same node when there is one). */
  public TckSocket socket() throws Exception {
    int port = port(nodes.get(Math.floorMod(nextNode.getAndIncrement(), nodes.size())));
    return TckSocket.connect(secure, port, "/primus?_primuscb=tck", Map.of(), true);
  }

  /** A socket to the first node at {@code pathAndQuery} with extra upgrade headers. */
  public TckSocket socket(String pathAndQuery, Map<String, String> headers, boolean answerPings) throws Exception {
    return TckSocket.connect(secure, port(), pathAndQuery, headers, answerPings);
  }

  public TckSocket socket(String pathAndQuery, Map<String, String> headers) throws Exception {
    return socket(pathAndQuery, headers, true);
  }

  /** A socket that has already received its welcome. */
  public TckSocket welcomedSocket() throws Exception {
    TckSocket socket = socket();
    socket.awaitWelcome();
    return socket;
  }

  /**
   * Sends one HTTP request to the first node and waits (bounded) for the whole response.
   *
   * @param body the request body, or {@code null} for none
   * @param headers alternating header names and values
   */
  public HttpResponse<String> http(String method, String pathAndQuery, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return httpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    nodes.forEach(Actionhero::stop);
    afterClose.run();
  }
}

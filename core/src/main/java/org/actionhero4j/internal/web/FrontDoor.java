package org.actionhero4j.internal.web;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.config.WebConfig;
import org.actionhero4j.internal.Node;
import org.actionhero4j.internal.TransportSelector;
import org.actionhero4j.internal.socket.PrimusEndpoint;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpHandler;
import org.actionhero4j.spi.HttpResponse;
import org.actionhero4j.spi.ListenerSecurity;
import org.actionhero4j.spi.RunningServer;
import org.actionhero4j.spi.ServerBinding;
import org.actionhero4j.spi.Transport;
import org.actionhero4j.spi.support.InFlight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one port: starts the chosen transport and sends each request to Primus (sockets) or to the
 * HTTP API and static files.
 */
public final class FrontDoor implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);

  private final Node node;
  private final StaticFiles staticFiles;
  private final PrimusEndpoint primus;
  private final WebRequestHandler web;
  private final RequestScreen screen;
  private volatile RunningServer server;
  private volatile RunningServer redirectServer;
  private volatile Transport transport;
  private volatile boolean accepting = true;
  /** HTTP requests received and not yet answered. */
  private final InFlight inFlight = new InFlight();

  public FrontDoor(Node node) {
    this.node = node;
    this.staticFiles =
        new StaticFiles(
            node.config().general().paths().publicDirs().stream().map(Path::of).toList(),
            node.publicFiles());
    RequestHosts hosts = new RequestHosts(node.config().web().allowedRequestHosts());
    this.screen = new RequestScreen(hosts);
    this.primus = new PrimusEndpoint(node, staticFiles, hosts);
    this.web = new WebRequestHandler(node, staticFiles, hosts);
  }

  /** Starts the transport, if web is enabled and one is on the classpath. */
  public void start() throws Exception {
    WebConfig config = node.config().web();
    if (!config.enabled()) {
      return;
    }
    Optional<Transport> chosen =
        TransportSelector.select(config.transport(), Thread.currentThread().getContextClassLoader());
    if (chosen.isEmpty()) {
      log.warn("no transport on the classpath: HTTP and WebSocket are off "
          + "(add actionhero4j-transport-undertow or actionhero4j-transport-jetty)");
      return;
    }
    transport = chosen.get();
    ListenerSecurity security = TlsContext.of(config.secure());
    long ping = node.config().websocket().server().pingInterval();
    long idle = ping > 0 ? Math.max(ping * 3, 10_000) : 3_600_000;
    int maxMessage = node.config().websocket().server().maxLength();
    server = transport.start(new ServerBinding(config.bindIp(), config.port(), maxMessage, idle, this, security));
    if (security instanceof ListenerSecurity.Tls && config.secure().redirectPort() > 0) {
      HttpsRedirect redirect = new HttpsRedirect(server.port(), config.bindIp());
      redirectServer =
          transport.start(new ServerBinding(config.bindIp(), config.secure().redirectPort(), maxMessage, idle, redirect));
    }
  }

  @Override
  public void handle(HttpExchange received) {
    HttpExchange exchange = new TrackedExchange(received, inFlight, () -> !accepting);
    if (!accepting) {
      exchange.respond(
          Responses.status(503).header("Connection", "close").text("text/plain", node.errors().serverShuttingDown()));
      return;
    }
    try {
      Optional<HttpResponse> refused = screen.refusal(exchange);
      if (refused.isPresent()) {
        exchange.respond(refused.get());
        return;
      }
      if (node.config().websocket().enabled() && primus.claims(exchange.rawPath())) {
        primus.handle(exchange);
      } else {
        web.handle(exchange);
      }
    } catch (RuntimeException e) {
      log.error("request {} {} failed: {}", exchange.method(), exchange.rawPath(), e.toString(), e);
      exchange.respond(Responses.status(500).text("text/plain", "internal error"));
    }
  }

  public OptionalInt port() {
    RunningServer s = server;
    return s == null ? OptionalInt.empty() : OptionalInt.of(s.port());
  }

  public String transportName() {
    Transport t = transport;
    return t == null ? "none" : t.name();
  }

  /** Refuses new connections and requests from now on. */
  public void stopAccepting() {
    accepting = false;
    RunningServer r = redirectServer;
    if (r != null) {
      r.close();
    }
    RunningServer s = server;
    if (s != null) {
      s.stopAccepting();
    }
  }

  /**
   * Releases the port(s), once every HTTP request already received has its answer (bounded by
   * {@code general.shutdownTimeoutMillis}).
   */
  public void close() {
    long timeout = node.config().general().shutdownTimeoutMillis();
    if (!inFlight.awaitZero(TimeUnit.MILLISECONDS.toNanos(timeout))) {
      log.warn("HTTP requests still unanswered after {} ms; closing anyway", timeout);
    }
    primus.stop();
    RunningServer r = redirectServer;
    if (r != null) {
      r.close();
    }
    RunningServer s = server;
    if (s != null) {
      s.close();
    }
  }

  public StaticFiles staticFiles() {
    return staticFiles;
  }

  public PrimusEndpoint primus() {
    return primus;
  }
}

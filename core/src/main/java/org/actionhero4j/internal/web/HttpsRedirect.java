package org.actionhero4j.internal.web;

import java.util.List;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpHandler;

/**
 * The plain listener of {@code web.secure.redirectPort}: every request is answered 301 with the
 * same path and query on HTTPS, at the host the client asked for and the HTTPS port.
 */
public final class HttpsRedirect implements HttpHandler {

  private final int httpsPort;
  private final String fallbackHost;

  public HttpsRedirect(int httpsPort, String fallbackHost) {
    this.httpsPort = httpsPort;
    this.fallbackHost = fallbackHost;
  }

  @Override
  public void handle(HttpExchange exchange) {
    List<String> hosts = exchange.headers("Host");
    String host = hosts.isEmpty() || hosts.get(0).isBlank() ? fallbackHost : hosts.get(0).trim();
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.split(":")[0];
    String target = exchange.rawPath() + (exchange.rawQuery().isEmpty() ? "" : "?" + exchange.rawQuery());
    String location = "https://" + name + (httpsPort == 443 ? "" : ":" + httpsPort) + target;
    exchange.respond(
        Responses.status(301)
            .header("Location", location)
            .header("Connection", "close")
            .text("text/plain; charset=utf-8", "This server speaks HTTPS: " + location + "\n"));
  }
}

package org.actionhero4j.internal.web;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpResponse;

/**
 * The hosts this server answers for, from {@code web.allowedRequestHosts} (Actionhero's option:
 * entries such as {@code https://chat.example.com}). With entries, a request whose
 * {@code <scheme>://<Host>} is not listed is redirected to the first entry; and only those hosts
 * count as "same origin". Without entries every request is served, and only IP literals,
 * {@code localhost} and this machine's name count as same origin: a page on any other name must
 * be listed in {@code web.allowedOrigins} / {@code websocket.server.origins}, so a rebinding DNS
 * name ({@code Host: evil.example}) cannot pass as same-origin.
 */
public final class RequestHosts {

  private final List<URI> allowed;
  private final String machineName;

  public RequestHosts(List<String> allowedRequestHosts) {
    this.allowed =
        allowedRequestHosts.stream().map(h -> URI.create(h.trim().toLowerCase(Locale.ROOT))).toList();
    this.machineName = localName();
  }

  /** The 302 of a request for an unlisted host, or empty when it may be served. */
  Optional<HttpResponse> redirect(HttpExchange exchange) {
    if (allowed.isEmpty()) {
      return Optional.empty();
    }
    String host = first(exchange.headers("Host"));
    String forwarded = first(exchange.headers("X-Forwarded-Proto"));
    String scheme = forwarded != null ? forwarded.trim() : exchange.secure() ? "https" : "http";
    if (host != null && allowed.contains(URI.create(scheme.toLowerCase(Locale.ROOT) + "://" + host.trim().toLowerCase(Locale.ROOT)))) {
      return Optional.empty();
    }
    String target = exchange.rawPath() + (exchange.rawQuery().isEmpty() ? "" : "?" + exchange.rawQuery());
    String location = allowed.get(0).toString().replaceAll("/+$", "") + target;
    return Optional.of(
        Responses.status(302)
            .header("Location", location)
            .text("text/plain; charset=utf-8", "You are being redirected to " + location + "\n"));
  }

  /** Whether a {@code Host} header names this server (see the class comment). */
  public boolean trusted(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    String name = hostName(hostHeader.trim().toLowerCase(Locale.ROOT));
    if (!allowed.isEmpty()) {
      return allowed.stream().anyMatch(u -> name.equals(u.getHost()));
    }
    return name.equals("localhost") || name.equals(machineName) || isIpLiteral(name);
  }

  private static String hostName(String authority) {
    if (authority.startsWith("[")) {
      int end = authority.indexOf(']');
      return end < 0 ? authority : authority.substring(0, end + 1);
    }
    int colon = authority.lastIndexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  private static boolean isIpLiteral(String name) {
    if (name.startsWith("[") && name.endsWith("]")) {
      return true;
    }
    return name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  private static String localName() {
    try {
      return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
  }
}

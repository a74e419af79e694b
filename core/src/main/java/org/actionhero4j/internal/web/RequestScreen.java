package org.actionhero4j.internal.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpResponse;

/**
 * What every request passes before it is routed, so that both transports refuse the same
 * requests with the same status and a body that says why:
 *
 * <ul>
 *   <li>headers over {@link #MAX_HEADER_BYTES}: 431;
 *   <li>a request target (path and query) over {@link #MAX_TARGET_BYTES}: 414;
 *   <li>more than {@link #MAX_QUERY_PARAMS} query parameters: 400;
 *   <li>both {@code Content-Length} and {@code Transfer-Encoding}, or a {@code Transfer-Encoding}
 *       other than {@code chunked}: 400 (RFC 9112 6.1, 6.3: request smuggling);
 *   <li>a target that is not a path ({@code *}, or an authority): {@code OPTIONS *} gets 200 with
 *       {@code Allow}, anything else 400;
 *   <li>a {@code Host} that {@code web.allowedRequestHosts} does not list: 302 to its first entry,
 *       as Actionhero answers.
 * </ul>
 */
public final class RequestScreen {

  /** Largest total of header names and values accepted. */
  public static final int MAX_HEADER_BYTES = 32 * 1024;
  /** Longest request target (path plus query) accepted. */
  public static final int MAX_TARGET_BYTES = 16 * 1024;
  /** Most query parameters accepted. */
  public static final int MAX_QUERY_PARAMS = 1000;

  private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE";

  private final RequestHosts hosts;

  public RequestScreen(RequestHosts hosts) {
    this.hosts = hosts;
  }

  /** The refusal of this request, or empty when it may be routed. */
  public Optional<HttpResponse> refusal(HttpExchange exchange) {
    long headerBytes = 0;
    for (String name : exchange.headerNames()) {
      for (String value : exchange.headers(name)) {
        headerBytes += name.length() + value.length() + 4;
      }
    }
    if (headerBytes > MAX_HEADER_BYTES) {
      return refuse(431, "request headers larger than " + MAX_HEADER_BYTES + " bytes");
    }
    String path = exchange.rawPath();
    String query = exchange.rawQuery();
    if (path.length() + query.length() > MAX_TARGET_BYTES) {
      return refuse(414, "request target longer than " + MAX_TARGET_BYTES + " bytes");
    }
    if (!query.isEmpty() && count(query, '&') + 1 > MAX_QUERY_PARAMS) {
      return refuse(400, "more than " + MAX_QUERY_PARAMS + " query parameters");
    }
    List<String> encodings = exchange.headers("Transfer-Encoding");
    if (!encodings.isEmpty()) {
      if (!exchange.headers("Content-Length").isEmpty()) {
        return refuse(400, "both Content-Length and Transfer-Encoding");
      }
      String encoding = String.join(",", encodings).trim().toLowerCase(Locale.ROOT);
      if (!encoding.equals("chunked")) {
        return refuse(400, "unsupported Transfer-Encoding: " + encoding);
      }
    }
    if (!path.startsWith("/")) {
      if (path.equals("*") && exchange.method().equals("OPTIONS")) {
        return Optional.of(Responses.status(200).header("Allow", ALLOW).empty());
      }
      return refuse(400, "the request target must be a path");
    }
    return hosts.redirect(exchange);
  }

  private static int count(String text, char c) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static Optional<HttpResponse> refuse(int status, String why) {
    return Optional.of(Responses.status(status).header("Connection", "close").text("text/plain; charset=utf-8", why + "\n"));
  }
}

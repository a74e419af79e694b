package org.actionhero4j.internal.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.actionhero4j.spi.HttpResponse;

/** Builds {@link HttpResponse}s. */
public final class Responses {

  /** An HTTP date, as JavaScript's {@code Date.toUTCString()}: {@code Wed, 04 Jun 2025 07:00:00 GMT}. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final int status;

  private Responses(int status) {
    this.status = status;
  }

  /** Formats epoch milliseconds as an HTTP date (IMF-fixdate, UTC). */
  public static String httpDate(long epochMillis) {
    return HTTP_DATE.format(Instant.ofEpochMilli(epochMillis));
  }

  public static Responses status(int status) {
    return new Responses(status);
  }

  /** Sets a header, replacing earlier values of the same name (case-insensitive). */
  public Responses header(String name, String value) {
    headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    List<String> values = new ArrayList<>();
    values.add(value);
    headers.put(name, values);
    return this;
  }

  /** Sets every header of a map (e.g. {@code web.httpHeaders}); null or empty values are skipped. */
  public Responses headers(Map<String, String> values) {
    values.forEach(
        (name, value) -> {
          if (value != null && !value.isEmpty()) {
            header(name, value);
          }
        });
    return this;
  }

  /** Removes every value of a header (case-insensitive). */
  public Responses removeHeader(String name) {
    headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    return this;
  }

  /** A copy with another status and the same headers, to decide the status late. */
  public Responses withStatus(int status) {
    Responses copy = new Responses(status);
    headers.forEach((name, values) -> copy.headers.put(name, new ArrayList<>(values)));
    return copy;
  }

  /** Adds a header value, keeping earlier ones (e.g. {@code Set-Cookie}). */
  public Responses addHeader(String name, String value) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        e.getValue().add(value);
        return this;
      }
    }
    return header(name, value);
  }

  public HttpResponse body(byte[] body) {
    return new HttpResponse(status, headers, body);
  }

  public HttpResponse text(String contentType, String body) {
    header("Content-Type", contentType);
    return body(body.getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse empty() {
    return body(new byte[0]);
  }
}

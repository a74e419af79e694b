package org.actionhero4j.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actionhero4j.spi.HttpResponse;

/** Builds {@link HttpResponse}s. */
public final class Responses {

  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final int status;

  private Responses(int status) {
    this.status = status;
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

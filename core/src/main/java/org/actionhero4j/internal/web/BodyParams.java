package org.actionhero4j.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.actionhero4j.internal.Json;

/**
 * The params a request body carries, chosen by its {@code Content-Type}:
 *
 * <ul>
 *   <li>JSON (any media type containing {@code json}): an object gives its fields with their JSON
 *       types, an array gives {@code {payload:[...]}}, an empty body or {@code null} nothing;
 *   <li>{@code application/x-www-form-urlencoded}: string fields;
 *   <li>{@code multipart/form-data}: its string fields ({@link MultipartForm});
 *   <li>anything else, or no Content-Type: nothing.
 * </ul>
 */
final class BodyParams {

  /** A body that claims a type it does not have; its message is meant for the client. */
  static final class InvalidBodyException extends Exception {
    InvalidBodyException(String message) {
      super(message, null, false, false);
    }
  }

  private BodyParams() {}

  static Map<String, Object> parse(String contentType, byte[] body) throws InvalidBodyException {
    Map<String, Object> params = new LinkedHashMap<>();
    if (contentType == null || body.length == 0) {
      return params;
    }
    String mediaType = mediaType(contentType);
    if (mediaType.contains("json")) {
      return json(new String(body, StandardCharsets.UTF_8));
    }
    if (mediaType.equals("application/x-www-form-urlencoded")) {
      return QueryString.parse(new String(body, StandardCharsets.UTF_8).trim());
    }
    if (mediaType.equals("multipart/form-data")) {
      return MultipartForm.fields(contentType, body);
    }
    return params;
  }

  static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> json(String text) throws InvalidBodyException {
    Map<String, Object> params = new LinkedHashMap<>();
    if (text.isBlank()) {
      return params;
    }
    Object value;
    try {
      value = Json.decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidBodyException("the request body is not valid JSON: " + e.getMessage());
    }
    if (value instanceof Map<?, ?> object) {
      object.forEach((k, v) -> params.put(String.valueOf(k), v));
    } else if (value instanceof List<?> array) {
      params.put("payload", array);
    } else if (value != null) {
      throw new InvalidBodyException("a JSON request body must be an object or an array");
    }
    return params;
  }
}

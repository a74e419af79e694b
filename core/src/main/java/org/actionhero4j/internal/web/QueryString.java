package org.actionhero4j.internal.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code a=1&b=two} (and form bodies); a repeated key keeps its last value. */
public final class QueryString {

  private QueryString() {}

  public static Map<String, Object> parse(String raw) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!key.isEmpty()) {
        params.put(key, value);
      }
    }
    return params;
  }

  /** Percent-decodes, with {@code +} as a space; malformed escapes are kept as they are. */
  public static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** The first value of a cookie in {@code Cookie} headers. */
  public static String cookie(List<String> cookieHeaders, String name) {
    for (String header : cookieHeaders) {
      for (String part : header.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
          String value = part.substring(eq + 1).trim();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          return value;
        }
      }
    }
    return null;
  }
}

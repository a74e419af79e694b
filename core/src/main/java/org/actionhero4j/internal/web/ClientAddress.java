package org.actionhero4j.internal.web;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Function;

/**
 * The client's address as Actionhero reads it: {@code x-forwarded-for} (first entry, {@code ip:port}
 * split, {@code ::ffff:} stripped), then {@code x-forwarded-port}, then {@code x-real-ip}, else the
 * socket's peer.
 */
public record ClientAddress(String ip, int port) {

  public static ClientAddress of(Function<String, List<String>> headers, InetSocketAddress peer) {
    String ip = peer == null ? "unknown" : peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
    int port = peer == null ? 0 : peer.getPort();
    String forwarded = first(headers.apply("x-forwarded-for"));
    if (forwarded != null) {
      String entry = forwarded.split(",")[0].trim();
      if (entry.startsWith("::ffff:")) {
        entry = entry.substring("::ffff:".length());
      }
      int colon = entry.lastIndexOf(':');
      if (colon > 0 && entry.indexOf(':') == colon) {
        port = parsePort(entry.substring(colon + 1), port);
        entry = entry.substring(0, colon);
      }
      if (!entry.isEmpty()) {
        ip = entry;
      }
    }
    String forwardedPort = first(headers.apply("x-forwarded-port"));
    if (forwardedPort != null) {
      port = parsePort(forwardedPort.trim(), port);
    }
    String realIp = first(headers.apply("x-real-ip"));
    if (realIp != null && !realIp.isBlank()) {
      ip = realIp.trim();
    }
    return new ClientAddress(ip, port);
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static int parsePort(String s, int fallback) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}

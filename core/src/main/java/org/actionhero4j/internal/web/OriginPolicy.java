package org.actionhero4j.internal.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which origins may open sockets or make cross-origin calls: requests without {@code Origin}
 * (non-browser clients) and same-origin requests for a host {@link RequestHosts} trusts always
 * pass; others only when listed, or when the list holds {@code "*"}.
 */
public final class OriginPolicy {

  private final List<String> allowed;
  private final RequestHosts hosts;

  public OriginPolicy(List<String> allowed, RequestHosts hosts) {
    this.allowed = allowed.stream().map(o -> o.trim().toLowerCase(Locale.ROOT)).toList();
    this.hosts = hosts;
  }

  /**
   * @param origin the {@code Origin} header, or null
   * @param host the {@code Host} header, or null
   */
  public boolean allows(String origin, String host) {
    if (origin == null || origin.isBlank() || allowed.contains("*")) {
      return true;
    }
    return allowed.contains(origin.trim().toLowerCase(Locale.ROOT)) || sameTrustedOrigin(origin, host);
  }

  /** Same origin, and the host is one this server answers for (no DNS rebinding). */
  public boolean sameTrustedOrigin(String origin, String host) {
    return sameOrigin(origin, host) && hosts.trusted(host);
  }

  /**
   * Whether a present {@code Origin} names the host the request was sent to ({@code Host}, default
   * ports filled in). False when either is missing or the origin is not a URL with a host.
   */
  public static boolean sameOrigin(String origin, String host) {
    if (origin == null || origin.isBlank() || host == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin.trim().toLowerCase(Locale.ROOT));
      String originHost = uri.getHost();
      if (originHost == null) {
        return false;
      }
      String authority = uri.getPort() < 0 ? originHost : originHost + ":" + uri.getPort();
      String requestHost = host.trim().toLowerCase(Locale.ROOT);
      return withDefaultPort(requestHost, uri.getScheme())
          .equals(withDefaultPort(authority, uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String withDefaultPort(String authority, String scheme) {
    if (authority.lastIndexOf(':') > authority.lastIndexOf(']')) {
      return authority;
    }
    return authority + ("https".equals(scheme) || "wss".equals(scheme) ? ":443" : ":80");
  }
}

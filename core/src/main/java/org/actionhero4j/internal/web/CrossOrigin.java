package org.actionhero4j.internal.web;

import java.util.List;

/**
 * Cross-origin HTTP (PROTOCOL A2.10), decided per request from its {@code Origin} and {@code Host}
 * headers and {@code web.allowedOrigins}:
 *
 * <ul>
 *   <li>no {@code Origin}, or the origin of the requested host when {@link RequestHosts} trusts
 *       it: {@link Verdict#SAME_ORIGIN};
 *   <li>another origin that {@code allowedOrigins} lists, or any other origin when it holds
 *       {@code "*"}: {@link Verdict#ALLOWED};
 *   <li>any other origin: {@link Verdict#REFUSED} (api requests answer 403; files are still served).
 * </ul>
 *
 * Headers: when {@code allowedOrigins} is empty or holds {@code "*"}, the configured
 * {@code httpHeaders} (Actionhero's {@code Access-Control-Allow-Origin: *}) go out unchanged, except
 * that a refused request loses {@code Access-Control-Allow-Origin} and
 * {@code Access-Control-Allow-Credentials}. When {@code allowedOrigins} lists origins, every
 * response gets {@code Vary: Origin}; an allowed cross-origin request gets
 * {@code Access-Control-Allow-Origin: <its origin>} and {@code Access-Control-Allow-Credentials:
 * true} instead of the configured value, and every other request gets neither header.
 */
final class CrossOrigin {

  enum Verdict {
    SAME_ORIGIN,
    ALLOWED,
    REFUSED
  }

  private final OriginPolicy policy;
  private final boolean echo;

  CrossOrigin(List<String> allowedOrigins, RequestHosts hosts) {
    this.policy = new OriginPolicy(allowedOrigins, hosts);
    this.echo = !allowedOrigins.isEmpty() && allowedOrigins.stream().noneMatch(o -> o.trim().equals("*"));
  }

  Verdict check(String origin, String host) {
    if (origin == null || origin.isBlank() || policy.sameTrustedOrigin(origin, host)) {
      return Verdict.SAME_ORIGIN;
    }
    return policy.allows(origin, host) ? Verdict.ALLOWED : Verdict.REFUSED;
  }

  /** Whether responses name the allowed origin itself rather than the configured header. */
  boolean namesOrigins() {
    return echo;
  }

  /** Adjusts the headers of a response to this verdict. */
  void apply(Verdict verdict, String origin, Responses headers) {
    if (echo) {
      headers.addHeader("Vary", "Origin");
    }
    if (verdict == Verdict.ALLOWED && echo) {
      headers
          .header("Access-Control-Allow-Origin", origin.trim())
          .header("Access-Control-Allow-Credentials", "true");
    } else if (verdict == Verdict.REFUSED || echo) {
      headers.removeHeader("Access-Control-Allow-Origin").removeHeader("Access-Control-Allow-Credentials");
    }
  }
}

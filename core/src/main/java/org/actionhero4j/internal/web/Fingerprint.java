package org.actionhero4j.internal.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.actionhero4j.config.WebConfig.FingerprintOptions;

/**
 * The browser fingerprint of an HTTP request (Actionhero's {@code browser_fingerprint}): the
 * {@code cookieKey} cookie, else the {@code x-<cookieKey>} header, else a new random 40-hex id
 * that the response sets as a cookie. A fingerprint the client sent is never set again.
 *
 * @param value the fingerprint
 * @param issued whether it was made for this request (the client sent none)
 */
record Fingerprint(String value, boolean issued) {

  private static final SecureRandom RANDOM = new SecureRandom();

  static Fingerprint of(Function<String, List<String>> headers, FingerprintOptions options) {
    String fromCookie = QueryString.cookie(headers.apply("Cookie"), options.cookieKey());
    if (fromCookie != null && !fromCookie.isBlank()) {
      return new Fingerprint(fromCookie, false);
    }
    List<String> fromHeader = headers.apply("x-" + options.cookieKey());
    if (!fromHeader.isEmpty() && !fromHeader.get(0).isBlank()) {
      return new Fingerprint(fromHeader.get(0).trim(), false);
    }
    byte[] random = new byte[20];
    RANDOM.nextBytes(random);
    return new Fingerprint(HexFormat.of().formatHex(random), true);
  }

  /**
   * The {@code Set-Cookie} value, exactly as Actionhero writes it
   * ({@code sessionID=<fp>;path=/;expires=<UTC date>;}), when this fingerprint was issued here and
   * the options say to set it; over TLS it ends with {@code Secure;}.
   */
  Optional<String> setCookie(FingerprintOptions options, long nowMillis, boolean secure) {
    if (!issued || !options.toSetCookie()) {
      return Optional.empty();
    }
    String expires = Responses.httpDate(nowMillis + options.expiresMillis());
    return Optional.of(
        options.cookieKey() + "=" + value + ";path=" + options.cookiePath() + ";expires=" + expires + ";"
            + (secure ? "Secure;" : ""));
  }
}

package org.actionhero4j.spi;

import java.util.List;
import javax.net.ssl.SSLContext;

/** Whether a listener speaks plain HTTP or TLS. */
public sealed interface ListenerSecurity permits ListenerSecurity.Plain, ListenerSecurity.Tls {

  /** Plain HTTP/1.1 and WebSocket ({@code ws://}). */
  record Plain() implements ListenerSecurity {}

  /**
   * TLS: HTTPS with ALPN {@code h2} and {@code http/1.1}, and WebSocket ({@code wss://}) over the
   * HTTP/1.1 upgrade on the same port.
   *
   * @param context holds the server's key and certificate chain
   * @param protocols the TLS versions to enable, e.g. {@code TLSv1.3}
   * @param cipherSuites the cipher suites to enable; empty keeps the context's defaults
   */
  record Tls(SSLContext context, List<String> protocols, List<String> cipherSuites) implements ListenerSecurity {
    public Tls {
      protocols = List.copyOf(protocols);
      cipherSuites = List.copyOf(cipherSuites);
    }
  }

  /** Plain HTTP. */
  static ListenerSecurity plain() {
    return new Plain();
  }
}

package org.actionhero4j.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code web} namespace: the HTTP server and everything served on its port.
 *
 * @param enabled whether a transport is started at all
 * @param transport which transport to use when several are on the classpath ({@code undertow},
 *     {@code jetty}); null picks the only one
 * @param port the port ({@code PORT}); 0 picks a free one
 * @param bindIp the address to bind
 * @param urlPathForActions the path prefix of actions ({@code /api})
 * @param urlPathForFiles the path prefix of static files ({@code /public})
 * @param rootEndpointType what other paths are: {@code file} or {@code api}
 * @param queryRouting route {@code /api?action=NAME} and {@code /api/NAME} (Actionhero 29 dropped both)
 * @param httpHeaders headers added to every HTTP response
 * @param defaultErrorStatusCode the status of errors with no more specific one
 * @param returnErrorCodes whether errors change the HTTP status at all
 * @param flatFileCacheDuration {@code Cache-Control max-age} of static files, in seconds
 * @param enableEtag weak ETags and 304 for static files
 * @param fingerprintOptions the fingerprint cookie
 * @param padding indentation of JSON responses; 0 for compact
 * @param metadataOptions which metadata the HTTP envelope carries
 * @param allowedOrigins origins allowed for cross-origin requests; {@code "*"} allows any
 * @param maxRequestBodyBytes largest accepted request body
 * @param maxConnections cap on open sockets (0: none); upgrades beyond it get 503
 * @param allowedRequestHosts {@code <scheme>://<host>[:port]} this server answers for (Actionhero's
 *     option); others are redirected to the first; empty serves any host, and then only IP
 *     literals, {@code localhost} and the machine's name count as same-origin
 * @param secure TLS (HTTPS and WSS on the same port)
 */
public record WebConfig(
    boolean enabled,
    String transport,
    int port,
    String bindIp,
    String urlPathForActions,
    String urlPathForFiles,
    String rootEndpointType,
    boolean queryRouting,
    Map<String, String> httpHeaders,
    int defaultErrorStatusCode,
    boolean returnErrorCodes,
    int flatFileCacheDuration,
    boolean enableEtag,
    FingerprintOptions fingerprintOptions,
    int padding,
    MetadataOptions metadataOptions,
    List<String> allowedOrigins,
    int maxRequestBodyBytes,
    int maxConnections,
    List<String> allowedRequestHosts,
    Secure secure) {

  /** The built-in defaults. */
  public static final WebConfig DEFAULTS =
      new WebConfig(
          true,
          null,
          8080,
          "127.0.0.1",
          "api",
          "public",
          "file",
          true,
          defaultHeaders(),
          500,
          true,
          60,
          true,
          new FingerprintOptions("sessionID", true, "/", 3_600_000L),
          2,
          new MetadataOptions(true, true),
          List.of(),
          10 * 1024 * 1024,
          0,
          List.of(),
          Secure.OFF);

  private static Map<String, String> defaultHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Powered-By", "actionhero4j");
    headers.put("Access-Control-Allow-Origin", "*");
    headers.put(
        "Access-Control-Allow-Methods", "HEAD, GET, POST, PUT, PATCH, DELETE, OPTIONS, TRACE");
    headers.put("Access-Control-Allow-Headers", "Content-Type");
    headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    return headers;
  }

  /**
   * TLS for the web port: a PKCS12 key store, or a PEM certificate (chain) and PKCS#8 private key.
   *
   * @param enabled serve HTTPS and WSS instead of HTTP and WS
   * @param keyStore path of a PKCS12 key store holding one private key and its chain; empty to use PEM
   * @param keyStorePassword its password (also the key's)
   * @param certificate path of a PEM certificate chain, the server's certificate first
   * @param privateKey path of the PEM private key ({@code BEGIN PRIVATE KEY}, or PKCS#1
   *     {@code BEGIN RSA PRIVATE KEY}); RSA or EC
   * @param protocols TLS versions offered; empty means TLSv1.3 and TLSv1.2
   * @param cipherSuites cipher suites offered; empty means the JDK's defaults for those versions
   * @param redirectPort a plain HTTP port that redirects every request to HTTPS; 0 for none
   */
  public record Secure(
      boolean enabled,
      String keyStore,
      String keyStorePassword,
      String certificate,
      String privateKey,
      List<String> protocols,
      List<String> cipherSuites,
      int redirectPort) {

    /** TLS off. */
    public static final Secure OFF = new Secure(false, "", "", "", "", List.of(), List.of(), 0);
  }

  /** The fingerprint cookie (Actionhero's {@code browser_fingerprint}). */
  public record FingerprintOptions(
      String cookieKey, boolean toSetCookie, String cookiePath, long expiresMillis) {}

  /** What the HTTP envelope carries besides the response. */
  public record MetadataOptions(boolean serverInformation, boolean requesterInformation) {}
}

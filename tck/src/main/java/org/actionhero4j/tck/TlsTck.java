package org.actionhero4j.tck;

import static org.actionhero4j.tck.TckSocket.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.actionhero4j.Actionhero;
import org.junit.jupiter.api.Test;

/**
 * HTTPS and WSS on one port: HTTP/2 by ALPN, WebSocket over the HTTP/1.1 upgrade, HSTS and
 * {@code Secure} cookies only over TLS, the plain redirect listener, PEM files, and start-up
 * errors that name the key at fault.
 */
public class TlsTck extends TransportTck {

  @Override
  protected boolean secure() {
    return true;
  }

  private static final HttpClient H2 =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_2)
          .sslContext(TestCertificate.trustAll())
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Test
  void httpsRequestsAreServedOverHttp2() throws Exception {
    HttpResponse<String> get =
        H2.send(HttpRequest.newBuilder(app().uri("/api/status")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, get.statusCode());
    assertEquals(HttpClient.Version.HTTP_2, get.version());
    HttpResponse<String> post =
        H2.send(
            HttpRequest.newBuilder(app().uri("/api/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"over h2\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, post.statusCode());
    assertEquals(HttpClient.Version.HTTP_2, post.version());
    assertTrue(post.body().contains("over h2"), post.body());
  }

  @Test
  void aClientOfferingOnlyHttp11ByAlpnIsServed() throws Exception {
    try (javax.net.ssl.SSLSocket socket =
        (javax.net.ssl.SSLSocket) TestCertificate.trustAll().getSocketFactory().createSocket("127.0.0.1", app().port())) {
      javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
      parameters.setApplicationProtocols(new String[] {"http/1.1"}); // what browsers offer for wss://
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(RawHttp.TIMEOUT_MILLIS);
      socket.startHandshake();
      assertEquals("http/1.1", socket.getApplicationProtocol());
      socket.getOutputStream().write(
          "GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }
  }

  @Test
  void aWssRoundTripWorks() throws Exception {
    try (TckSocket s = app().welcomedSocket()) {
      Map<String, Object> reply = s.request(map("event", "action", "params", map("action", "echo", "message", "tls"), "messageId", 1));
      @SuppressWarnings("unchecked")
      Map<String, Object> echo = (Map<String, Object>) reply.get("echo");
      assertEquals("tls", echo.get("message"));
    }
  }

  @Test
  void hstsAndSecureCookiesAreSentOverTls() throws Exception {
    HttpResponse<String> r = app().http("GET", "/api/randomNumber", null);
    assertEquals("max-age=31536000; includeSubDomains", r.headers().firstValue("Strict-Transport-Security").orElse(null));
    assertTrue(r.headers().firstValue("Set-Cookie").orElseThrow().endsWith("Secure;"));
  }

  @Test
  void theRedirectPortSendsPlainHttpToHttps() throws Exception {
    int redirectPort;
    try (ServerSocket free = new ServerSocket(0)) {
      redirectPort = free.getLocalPort();
    }
    int port = app(b -> b.set("web.secure.redirectPort", redirectPort)).port();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + redirectPort + "/api/status?x=1")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(301, r.statusCode());
    assertEquals("https://127.0.0.1:" + port + "/api/status?x=1", r.headers().firstValue("Location").orElse(null));
  }

  @Test
  void aPemCertificateAndEcKeyServeHttps() throws Exception {
    TestCertificate ec = TestCertificate.ec();
    app(b -> b.set("web.secure.keyStore", "")
        .set("web.secure.certificate", ec.certificatePem().toString())
        .set("web.secure.privateKey", ec.privateKeyPem().toString()));
    assertEquals(200, app().http("GET", "/api/status", null).statusCode());
  }

  @Test
  void aMissingKeyStoreFailsStartUpNamingTheKey() {
    assertStartFails(b -> b.set("web.secure.keyStore", tmp.resolve("nope.p12").toString()), "web.secure.keyStore", "no such file");
  }

  @Test
  void aWrongPasswordFailsStartUpNamingTheKey() {
    assertStartFails(b -> b.set("web.secure.keyStorePassword", "wrong"), "web.secure.keyStorePassword", "wrong password");
  }

  @Test
  void aKeyThatDoesNotMatchTheCertificateFailsStartUp() {
    Path rsaCert = TestCertificate.rsa().certificatePem();
    Path ecKey = TestCertificate.ec().privateKeyPem();
    assertStartFails(
        b -> b.set("web.secure.keyStore", "").set("web.secure.certificate", rsaCert.toString()).set("web.secure.privateKey", ecKey.toString()),
        "web.secure.privateKey", "does not match");
  }

  private void assertStartFails(java.util.function.UnaryOperator<Actionhero.Builder> customize, String key, String problem) {
    Exception e = assertThrows(Exception.class, () -> app(customize));
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains(key) && message.contains(problem), message);
  }
}

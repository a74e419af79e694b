package org.actionhero4j.tck;

import static org.actionhero4j.tck.TckSocket.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTP actions, the shared fingerprint, and files over HTTP and over the {@code file} verb. */
public class HttpAndFilesTck extends TransportTck {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(HttpResponse<String> r) {
    return (Map<String, Object>) TckJson.decode(r.body());
  }

  @Test
  void actionsRunOverHttpWithTheEnvelope() throws Exception {
    HttpResponse<String> r = app().http("GET", "/api/echo?message=hello", null);
    assertEquals(200, r.statusCode());
    Map<String, Object> body = json(r);
    @SuppressWarnings("unchecked")
    Map<String, Object> echo = (Map<String, Object>) body.get("echo");
    assertEquals("hello", echo.get("message"));
    assertTrue(body.containsKey("serverInformation"));
    assertTrue(body.containsKey("requesterInformation"));
    assertEquals(404, app().http("GET", "/api/nope", null).statusCode());
    assertEquals(422, app().http("GET", "/api/requiresKey", null).statusCode());
    assertEquals(402, app().http("POST", "/api?action=paymentRequired", "{}", "Content-Type", "application/json").statusCode());
    assertEquals(200, app().http("GET", "/api/status", null).statusCode());
  }

  @Test
  void theHttpFingerprintCookieIsTheSocketsFingerprint() throws Exception {
    HttpResponse<String> first = app().http("GET", "/api/randomNumber", null);
    String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    String fingerprint = setCookie.substring("sessionID=".length(), setCookie.indexOf(';'));
    HttpResponse<String> second = app().http("GET", "/api/randomNumber", null, "Cookie", "sessionID=" + fingerprint);
    assertTrue(second.headers().firstValue("Set-Cookie").isEmpty());
    @SuppressWarnings("unchecked")
    Map<String, Object> requester = (Map<String, Object>) json(second).get("requesterInformation");
    assertEquals(fingerprint, requester.get("fingerprint"));
    try (TckSocket s = app().socket("/primus", Map.of("Cookie", "sessionID=" + fingerprint))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> d = (Map<String, Object>) s.request(map("event", "detailsView", "messageId", 1)).get("data");
      assertEquals(fingerprint, d.get("fingerprint"));
    }
  }

  @Test
  void staticFilesAreServedAndEscapesAreNotFound() throws Exception {
    Files.writeString(app().publicDir().resolve("index.html"), "<h1>hello</h1>");
    Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    HttpResponse<String> index = app().http("GET", "/", null);
    assertEquals(200, index.statusCode());
    assertEquals("<h1>hello</h1>", index.body());
    assertEquals(200, app().http("GET", "/public/index.html", null).statusCode());
    String etag = index.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, app().http("GET", "/index.html", null, "If-None-Match", etag).statusCode());
    for (String escape : new String[] {"/public/..%2fsecret.txt", "/%2e%2e/secret.txt", "/public/%2e%2e/secret.txt", "/public/../../secret.txt"}) {
      HttpResponse<String> r = app().http("GET", escape, null);
      assertTrue(!r.body().contains("TOP-SECRET-CONTENT"), escape);
      // Jetty's request parser answers 400 itself to paths that climb above the root; core says 404.
      assertTrue(r.statusCode() == 404 || r.statusCode() == 400, escape + " -> " + r.statusCode());
    }
  }

  @Test
  void theFileVerbSendsTextAsStringsAndBinaryAsBase64() throws Exception {
    Files.writeString(app().publicDir().resolve("hello.txt"), "hello file");
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    Files.write(app().publicDir().resolve("bytes.png"), binary);
    Files.writeString(tmp.resolve("secret.txt"), "secret");
    try (TckSocket s = app().welcomedSocket()) {
      Map<String, Object> text = s.request(map("event", "file", "file", "hello.txt", "messageId", 1));
      assertEquals("hello file", text.get("content"));
      assertEquals(10, text.get("length"));
      assertTrue(((String) text.get("mime")).startsWith("text/plain"));
      Map<String, Object> png = s.request(map("event", "file", "file", "bytes.png", "messageId", 2));
      assertEquals("base64", png.get("encoding"));
      assertEquals(Base64.getEncoder().encodeToString(binary), png.get("content"));
      Map<String, Object> missing = s.request(map("event", "file", "file", "../secret.txt", "messageId", 3));
      assertEquals(
          map("error", "that file is not found", "content", null, "mime", "text/html", "length", 22,
              "context", "response", "messageId", 3),
          missing);
      assertEquals("that file is not found", s.request(map("event", "file", "messageId", 4)).get("error"));
    }
  }
}

package org.actionhero4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Requests no well-behaved client sends, written byte by byte: each gets a status line (never a
 * hang or a silent close), and every transport gives the same status for each.
 */
public class MalformedRequestsTck extends TransportTck {

  /** Broken chunk framing gets 400, and the connection is closed after that answer. */
  private void assertBrokenChunksRefused(String request) throws Exception {
    try (RawHttp http = RawHttp.open(app())) {
      http.write(request);
      assertStatus(400, http.read());
      assertTrue(http.closedByServer(), "the connection is closed after the answer");
    }
  }

  private RawHttp.Answer send(String request) throws Exception {
    return RawHttp.exchange(app(), request);
  }

  private static String get(String target, String headers) {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
  }

  private static void assertStatus(int status, RawHttp.Answer answer) {
    assertEquals(status, answer.status(), answer.statusLine() + " " + answer.body());
    assertTrue(answer.body().length() < 2048 && !answer.body().stripLeading().startsWith("<"),
        "a short text, not a page: " + answer.body());
  }

  @Test
  void aMalformedRequestLineGets400() throws Exception {
    assertStatus(400, send("THIS IS NOT HTTP\r\n\r\n"));
  }

  @Test
  void aChunkSizeThatIsNotHexGets400() throws Exception {
    assertBrokenChunksRefused(post("Transfer-Encoding: chunked") + "zz\r\nabc\r\n0\r\n\r\n");
  }

  @Test
  void aChunkSizeThatOverflowsGets400() throws Exception {
    assertBrokenChunksRefused(post("Transfer-Encoding: chunked") + "FFFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n");
  }

  @Test
  void chunkDataLongerThanItsSizeGets400() throws Exception {
    assertBrokenChunksRefused(post("Transfer-Encoding: chunked") + "3\r\nabcdef\r\n0\r\n\r\n");
  }

  @Test
  void aChunkedBodyWithExtensionsAndTrailersIsReadWholeAndTheNextRequestAnswered() throws Exception {
    try (RawHttp http = RawHttp.open(app())) {
      http.write(post("Transfer-Encoding: chunked") + "7;piece=1\r\n{\"messa\r\n"
          + "d\r\nge\":\"chunks\"}\r\n0\r\nX-Trailer: yes\r\n\r\n" + get("/api/status", ""));
      RawHttp.Answer echo = http.read();
      assertEquals(200, echo.status(), echo.body());
      assertTrue(echo.body().contains("\"chunks\""), echo.body());
      assertEquals(200, http.read().status(), "the pipelined request after the body is answered");
    }
  }

  @Test
  void contentLengthTogetherWithTransferEncodingGets400() throws Exception {
    assertStatus(400, send(post("Content-Length: 5\r\nTransfer-Encoding: chunked") + "0\r\n\r\n"));
  }

  @Test
  void aTransferEncodingOtherThanChunkedLastGets400() throws Exception {
    assertStatus(400, send(post("Transfer-Encoding: chunked, identity") + "0\r\n\r\n"));
  }

  @Test
  void aSixtyFourKibibyteHeaderGets431() throws Exception {
    assertStatus(431, send(get("/api/status", "X-Big: " + "h".repeat(64 * 1024) + "\r\n")));
  }

  @Test
  void tenThousandQueryParametersAreRefusedWithAReason() throws Exception {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      query.append(i == 0 ? "" : "&").append('p').append(i).append('=').append(i);
    }
    assertStatus(414, send(get("/api/status?" + query, "")));
  }

  @Test
  void optionsStarIsAnswered() throws Exception {
    RawHttp.Answer answer = send("OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assertStatus(200, answer);
    assertTrue(answer.headers().containsKey("allow"), "Allow is sent: " + answer.headers());
  }

  @Test
  void anUpgradeWithoutKeyOrVersionGets400AtOnce() throws Exception {
    RawHttp.Answer answer = send(get("/primus", "Upgrade: websocket\r\nConnection: Upgrade\r\n"));
    assertStatus(400, answer);
    assertTrue(answer.body().contains("Sec-WebSocket-Key"), answer.body());
  }

  @Test
  void anUpgradeWithAnUnknownVersionGets426NamingVersion13() throws Exception {
    RawHttp.Answer answer =
        send(get("/primus", "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 8\r\n"));
    assertStatus(426, answer);
    assertEquals("13", answer.headers().get("sec-websocket-version"));
  }

  @Test
  void aRebindingHostWithAMatchingOriginCannotOpenASocket() throws Exception {
    int port = app().port();
    RawHttp.Answer answer =
        send("GET /primus HTTP/1.1\r\nHost: evil.example:" + port + "\r\nOrigin: http://evil.example:" + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n");
    assertStatus(403, answer);
  }

  @Test
  void aRebindingHostWithAMatchingOriginCannotCallTheApi() throws Exception {
    int port = app().port();
    RawHttp.Answer answer =
        send("GET /api/status HTTP/1.1\r\nHost: evil.example:" + port + "\r\nOrigin: http://evil.example:" + port
            + "\r\n\r\n");
    assertStatus(403, answer);
  }

  @Test
  void requestsForAHostNotInAllowedRequestHostsAreRedirectedToTheFirst() throws Exception {
    app(b -> b.set("web.allowedRequestHosts", java.util.List.of("https://www.site.com")));
    RawHttp.Answer answer = send(get("/api/status?x=1", ""));
    assertStatus(302, answer);
    assertEquals("https://www.site.com/api/status?x=1", answer.headers().get("location"));
    assertTrue(answer.body().contains("You are being redirected to https://www.site.com/api/status?x=1"));
  }

  @Test
  void theServerSurvivesEveryMalformedRequest() throws Exception {
    aMalformedRequestLineGets400();
    aChunkSizeThatIsNotHexGets400();
    try (TckSocket s = app().welcomedSocket()) {
      assertTrue(!s.isClosed());
    }
    assertStatus(200, send(get("/api/status", "")));
  }

  private static String post(String framing) {
    return "POST /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n";
  }
}

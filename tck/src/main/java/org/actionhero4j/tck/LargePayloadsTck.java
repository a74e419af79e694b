package org.actionhero4j.tck;

import static org.actionhero4j.tck.TckSocket.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.actionhero4j.internal.Json;
import org.junit.jupiter.api.Test;

/**
 * Limits mean what they say: messages up to {@code websocket.server.maxLength} (10 MiB) reach
 * clients that read, and request bodies up to {@code web.maxRequestBodyBytes} (10 MiB) are read
 * whether sent with a length, in chunks or after {@code 100 Continue}; larger ones get 413.
 */
public class LargePayloadsTck extends TransportTck {

  private static final int MIB = 1024 * 1024;
  private static final int LIMIT = 10 * MIB;

  @Test
  void aNineMebibyteEchoReplyIsDelivered() throws Exception {
    String message = "e".repeat(9 * MIB);
    try (TckSocket s = app().welcomedSocket()) {
      s.send(map("event", "action", "params", map("action", "echo", "message", message), "messageId", "big"));
      Map<String, Object> reply = s.awaitReply("big");
      @SuppressWarnings("unchecked")
      Map<String, Object> echo = (Map<String, Object>) reply.get("echo");
      assertEquals(message.length(), String.valueOf(echo.get("message")).length());
    }
  }

  @Test
  void aFiveMebibyteSayReachesFourMembersIncludingTheSender() throws Exception {
    String message = "s".repeat(5 * MIB);
    List<TckSocket> members = List.of(
        app().welcomedSocket(), app().welcomedSocket(), app().welcomedSocket(), app().welcomedSocket());
    try {
      for (TckSocket m : members) {
        m.request(map("event", "roomAdd", "room", "defaultRoom", "messageId", "join"));
      }
      members.get(0).send(map("event", "say", "room", "defaultRoom", "message", message, "messageId", "say"));
      for (TckSocket m : members) {
        m.awaitMap(f -> "user".equals(f.get("context")) && message.equals(f.get("message")));
        assertTrue(!m.isClosed(), "a member was closed");
      }
    } finally {
      members.forEach(TckSocket::close);
    }
  }

  @Test
  void aNineMebibyteBodyIsReadWithAContentLength() throws Exception {
    byte[] body = jsonBody(9 * MIB);
    try (RawHttp http = RawHttp.open(app())) {
      http.write(head("Content-Length: " + body.length));
      http.write(body);
      assertEchoed(http.read(), 9 * MIB);
    }
  }

  @Test
  void aNineMebibyteBodyIsReadInChunks() throws Exception {
    byte[] body = jsonBody(9 * MIB);
    try (RawHttp http = RawHttp.open(app())) {
      http.write(head("Transfer-Encoding: chunked"));
      http.write(chunked(body));
      assertEchoed(http.read(), 9 * MIB);
    }
  }

  @Test
  void aNineMebibyteBodyIsAskedForWith100Continue() throws Exception {
    byte[] body = jsonBody(9 * MIB);
    try (RawHttp http = RawHttp.open(app())) {
      http.write(head("Content-Length: " + body.length + "\r\nExpect: 100-continue"));
      assertEquals(100, http.read().status());
      http.write(body);
      assertEchoed(http.read(), 9 * MIB);
    }
  }

  @Test
  void anElevenMebibyteBodyWithAContentLengthGets413() throws Exception {
    try (RawHttp http = RawHttp.open(app())) {
      http.write(head("Content-Length: " + 11 * MIB));
      http.writeInBackground(new byte[MIB], 11);
      assertRefused(http.read());
    }
  }

  @Test
  void anElevenMebibyteChunkedBodyGets413() throws Exception {
    try (RawHttp http = RawHttp.open(app())) {
      http.write(head("Transfer-Encoding: chunked"));
      byte[] chunk = ("100000\r\n" + "x".repeat(MIB) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      http.writeInBackground(chunk, 11);
      assertRefused(http.read());
    }
  }

  @Test
  void anElevenMebibyteBodyAnnouncedWith100ContinueGets413WithoutContinue() throws Exception {
    try (RawHttp http = RawHttp.open(app())) {
      http.write(head("Content-Length: " + 11 * MIB + "\r\nExpect: 100-continue"));
      assertRefused(http.read());
    }
  }

  private static String head(String framing) {
    return "POST /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + framing + "\r\n\r\n";
  }

  private static byte[] jsonBody(int messageLength) {
    return Json.encode(Map.of("message", "b".repeat(messageLength))).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] chunked(byte[] body) {
    StringBuilder out = new StringBuilder();
    int chunk = 64 * 1024;
    String text = new String(body, StandardCharsets.ISO_8859_1);
    for (int at = 0; at < body.length; at += chunk) {
      int end = Math.min(body.length, at + chunk);
      out.append(Integer.toHexString(end - at)).append("\r\n").append(text, at, end).append("\r\n");
    }
    out.append("0\r\n\r\n");
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  @SuppressWarnings("unchecked")
  private static void assertEchoed(RawHttp.Answer answer, int messageLength) {
    assertEquals(200, answer.status(), answer.statusLine());
    assertTrue(!answer.body().isEmpty(), "an empty answer: " + answer);
    Map<String, Object> body = (Map<String, Object>) Json.decode(answer.body());
    Map<String, Object> echo = (Map<String, Object>) body.get("echo");
    assertEquals(messageLength, String.valueOf(echo.get("message")).length());
  }

  private static void assertRefused(RawHttp.Answer answer) {
    assertEquals(413, answer.status(), answer.statusLine());
    assertTrue(answer.body().contains(String.valueOf(LIMIT)), "413 names the limit: " + answer.body());
  }
}

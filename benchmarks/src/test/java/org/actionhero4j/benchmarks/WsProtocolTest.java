package org.actionhero4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.actionhero4j.benchmarks.client.WsProtocol;
import org.actionhero4j.benchmarks.client.WsProtocol.Frame;
import org.junit.jupiter.api.Test;

/** The generator's two protocols: the frames they build and how they read the servers' frames. */
class WsProtocolTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String s(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static Frame classify(WsProtocol p, boolean ready, String text) {
    byte[] buf = b("xx" + text); // at an offset, as frames come out of the read buffer
    return p.onText(null, ready, buf, 2, buf.length - 2);
  }

  private static long replyId(WsProtocol p, String text) {
    byte[] buf = b(text);
    return p.replyId(buf, 0, buf.length);
  }

  private static long round(WsProtocol p, String text) {
    byte[] buf = b(text);
    return p.broadcastRound(buf, 0, buf.length);
  }

  @Test
  void actionheroRequestsAndReplies() {
    WsProtocol p = WsProtocol.named("actionhero");
    assertEquals("/primus", p.path());
    assertEquals(
        "{\"event\":\"action\",\"params\":{\"action\":\"echo\",\"message\":\"hello world\"},\"messageId\":42}",
        s(p.echo("hello world").with(42)));
    assertEquals("{\"event\":\"roomAdd\",\"room\":\"defaultRoom\",\"messageId\":1}", s(p.join("defaultRoom").with(1)));
    assertEquals("{\"event\":\"say\",\"room\":\"defaultRoom\",\"message\":\"round-3\",\"messageId\":1003}",
        s(p.say("defaultRoom", "round-3", 1003)));
    assertEquals(42, replyId(p, "{\"message\":\"hello world\",\"context\":\"response\",\"messageId\":42}"));
    assertEquals(-1, replyId(p, "{\"welcome\":\"hi\",\"context\":\"api\"}"));
    assertEquals(7, round(p, "{\"message\":\"round-7\",\"room\":\"defaultRoom\",\"from\":\"x\",\"context\":\"user\",\"sentAt\":1}"));
    assertEquals(-1, round(p, "{\"message\":\"round-7\",\"context\":\"response\",\"messageId\":1007}"));
    assertEquals(Frame.READY, classify(p, false, "{\"welcome\":\"hi\",\"context\":\"api\"}"));
    assertEquals(Frame.MESSAGE, classify(p, true, "{\"status\":\"OK\",\"messageId\":1}"));
  }

  @Test
  void socketIoRequestsAndReplies() {
    WsProtocol p = WsProtocol.named("socketio");
    assertEquals("/socket.io/?EIO=4&transport=websocket", p.path());
    assertEquals("4242[\"echo\",{\"message\":\"hello world\"}]", s(p.echo("hello world").with(42)));
    assertEquals("421[\"join\",\"defaultRoom\"]", s(p.join("defaultRoom").with(1)));
    assertEquals("421003[\"say\",{\"room\":\"defaultRoom\",\"message\":\"round-3\"}]", s(p.say("defaultRoom", "round-3", 1003)));
    assertEquals(42, replyId(p, "4342[{\"message\":\"hello world\"}]"));
    assertEquals(-1, replyId(p, "42[\"say\",{\"message\":\"round-1\"}]"));
    byte[] ok = b("431[{\"status\":\"OK\"}]");
    assertTrue(p.isOk(ok, 0, ok.length));
    byte[] refused = b("431[{\"error\":\"unknown room\"}]");
    assertFalse(p.isOk(refused, 0, refused.length));
    assertTrue(p.isError(refused, 0, refused.length));
    assertEquals(7, round(p, "42[\"say\",{\"message\":\"round-7\",\"room\":\"defaultRoom\",\"from\":\"a\",\"sentAt\":1}]"));
    assertEquals(-1, round(p, "431007[{\"status\":\"OK\"}]"));
  }

  @Test
  void socketIoHandshakeFrames() {
    WsProtocol p = WsProtocol.named("socketio");
    assertEquals(Frame.READY, classify(p, false, "40{\"sid\":\"abc\"}"));
    assertEquals(Frame.CONTROL, classify(p, true, "40{\"sid\":\"abc\"}"));
    assertEquals(Frame.CONTROL, classify(p, false, "6"));
    assertEquals(Frame.REFUSED, classify(p, true, "41"));
    assertEquals(Frame.REFUSED, classify(p, false, "44{\"message\":\"Invalid namespace\"}"));
    assertEquals(Frame.REFUSED, classify(p, true, "1"));
    assertEquals(Frame.MESSAGE, classify(p, true, "4342[{\"message\":\"x\"}]"));
    assertEquals(Frame.CONTROL, classify(p, false, "42[\"say\",{}]"));
  }
}

package org.actionhero4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.actionhero4j.benchmarks.client.WsFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's own framing, parsing and bookkeeping (no timings asserted). */
class WsFramesTest {

  private static byte[] frame(int opcode, byte[] payload, boolean masked, int mask) {
    ByteBuffer out = ByteBuffer.allocate(WsFrames.headerSize(payload.length, masked) + payload.length);
    WsFrames.write(out, opcode, payload, 0, payload.length, masked, mask);
    assertEquals(0, out.remaining());
    return out.array();
  }

  @Test
  void maskedFrameRoundTripsAtEveryLengthClass() {
    for (int length : new int[] {0, 1, 5, 125, 126, 127, 65535, 65536, 70000}) {
      byte[] payload = new byte[length];
      for (int i = 0; i < length; i++) {
        payload[i] = (byte) (i * 31 + 7);
      }
      byte[] wire = frame(WsFrames.OP_TEXT, payload, true, 0x12345678);
      WsFrames.Header h = new WsFrames.Header();
      assertTrue(WsFrames.parse(wire, 0, wire.length, Integer.MAX_VALUE, h), "length " + length);
      assertTrue(h.fin);
      assertTrue(h.masked);
      assertEquals(WsFrames.OP_TEXT, h.opcode);
      assertEquals(length, h.payloadLength);
      assertEquals(wire.length, h.end());
      WsFrames.unmask(wire, h.payloadOffset, h.payloadLength, h.maskKey);
      byte[] back = new byte[length];
      System.arraycopy(wire, h.payloadOffset, back, 0, length);
      assertArrayEquals(payload, back, "length " + length);
    }
  }

  @Test
  void serverFrameIsUnmaskedAndMatchesRfcExample() {
    // RFC 6455 5.7: a single-frame unmasked text message "Hello"
    byte[] wire = frame(WsFrames.OP_TEXT, "Hello".getBytes(StandardCharsets.US_ASCII), false, 0);
    assertArrayEquals(new byte[] {(byte) 0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f}, wire);
  }

  @Test
  void maskedFrameMatchesRfcExample() {
    // RFC 6455 5.7: masked "Hello" with key 37 fa 21 3d
    byte[] wire = frame(WsFrames.OP_TEXT, "Hello".getBytes(StandardCharsets.US_ASCII), true, 0x37fa213d);
    assertArrayEquals(
        new byte[] {(byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa, 0x21, 0x3d, 0x7f, (byte) 0x9f, 0x4d, 0x51, 0x58},
        wire);
  }

  @Test
  void incompleteFramesAreNotParsed() {
    byte[] wire = frame(WsFrames.OP_TEXT, new byte[300], false, 0);
    WsFrames.Header h = new WsFrames.Header();
    for (int cut = 0; cut < wire.length; cut++) {
      assertFalse(WsFrames.parse(wire, 0, cut, Integer.MAX_VALUE, h), "cut at " + cut);
    }
    assertTrue(WsFrames.parse(wire, 0, wire.length, Integer.MAX_VALUE, h));
  }

  @Test
  void byteSearchHelpers() {
    byte[] text = WsFrames.ascii("{\"message\":\"x\",\"context\":\"response\",\"messageId\":1234}");
    int at = WsFrames.lastIndexOf(text, 0, text.length, WsFrames.ascii("\"messageId\":"));
    assertEquals(1234, WsFrames.parseLong(text, at + 12, text.length));
    assertEquals(-1, WsFrames.indexOf(text, 0, text.length, WsFrames.ascii("\"error\"")));
    assertTrue(WsFrames.startsWith(text, 0, text.length, WsFrames.ascii("{\"message\"")));
    byte[] response = WsFrames.ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\nrest");
    assertEquals(response.length - 4, WsFrames.endOfHeaders(response, 0, response.length));
  }

  @Test
  void histogramAndReport(@TempDir Path dir) throws Exception {
    Histogram h = Latency.histogram();
    for (int i = 1; i <= 100; i++) {
      Latency.record(h, i * 1_000_000L);
    }
    assertEquals(50.0, Latency.ms(h.getValueAtPercentile(50)), 0.1);
    assertEquals(99.0, Latency.ms(h.getValueAtPercentile(99)), 0.1);

    Path file = dir.resolve("results.txt");
    Files.writeString(file, "RESULT reference rpc.rps 1000\nRESULT ah4j-undertow rpc.rps 3500\nRESULT bare-undertow rpc.rps 4000\n");
    String table = Report.render(Report.read(file), "reference");
    assertTrue(table.contains("| 3 500 (3.50×) |"), table);
    assertTrue(table.contains("met 3.50× ref"), table);
    assertTrue(table.contains("met 0.88× bare"), table);

    Files.writeString(file, "RESULT ah4j-undertow rpc.rps 3500\nRESULT socketio rpc.rps 1000\nRESULT netty-socketio rpc.rps 5000\n"
        + "RESULT ah4j-undertow idle.rss_kb_per_conn 10\nRESULT socketio idle.rss_kb_per_conn 20\n");
    String peers = Report.render(Report.read(file), "reference");
    assertTrue(peers.contains("| ah4j-undertow | socketio | netty-socketio |"), peers);
    assertTrue(peers.contains("| rpc req/s > socketio's | ahead 3.50× socketio | – |"), peers);
    assertTrue(peers.contains("| rpc req/s > netty-socketio's | BEHIND 0.70× netty-socketio | – |"), peers);
    assertTrue(peers.contains("| idle: RSS per socket < socketio's | ahead 0.50× socketio | – |"), peers);
  }
}

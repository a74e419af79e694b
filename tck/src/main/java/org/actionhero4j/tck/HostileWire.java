package org.actionhero4j.tck;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.actionhero4j.testing.Hostile;

/**
 * What the network fuzz sends: Actionhero verb frames (as Primus or Engine.IO text) with one to
 * three mutations, the WebSocket frames around them, and raw HTTP/1.1 requests to {@code /api} and
 * to the Engine.IO polling path. Every generator draws only from the {@link Random} it is given,
 * so a seed gives the same inputs again.
 */
final class HostileWire {

  /**
   * A frame or request, whether the server is expected to close the connection after it, and how
   * many answers (0 or 1) it must get if the server does not.
   */
  record Wire(byte[] bytes, boolean fatal, boolean halfClose, String kind, int answers, String text) {
    Wire(byte[] bytes, boolean fatal, boolean halfClose, String kind) {
      this(bytes, fatal, halfClose, kind, 0, null);
    }
  }

  /**
   * Whether the server answers this Primus frame: everything but a pong and a {@code quit} or
   * {@code exit} (an invalid frame gets an error). Read with the TCK's own JSON codec; where it and
   * the server's disagree the server may answer more, never less.
   */
  static boolean answered(String primusFrame) {
    Object value;
    try {
      value = TckJson.decode(primusFrame);
    } catch (RuntimeException invalid) {
      return true;
    }
    if (value instanceof String s) {
      return !s.startsWith("primus::pong::");
    }
    if (value instanceof java.util.Map<?, ?> m) {
      return !"quit".equals(m.get("event")) && !"exit".equals(m.get("event"));
    }
    return true;
  }

  /** Whether the server answers this Engine.IO packet: a message whose Primus frame is answered. */
  static boolean engineIoAnswered(String packet) {
    return packet.startsWith("4") && answered(packet.substring(1));
  }

  private static final String[] EVENTS =
      {"action", "action", "action", "roomAdd", "roomLeave", "roomView", "say", "say", "detailsView", "file",
       "paramAdd", "paramView", "paramsView", "paramDelete", "paramsDelete", "documentation"};

  /** Actions the fuzz may call: none waits on a gate, none is meant to fail with the internal error. */
  private static final String[] ACTIONS =
      {"echo", "echo", "status", "randomNumber", "requiresKey", "paymentRequired", "refuse", "nope"};

  /** The actions over HTTP: not {@code refuse}, whose error is a 500, so that no answer may be a 500. */
  private static final String[] HTTP_ACTIONS =
      {"echo", "echo", "status", "randomNumber", "requiresKey", "paymentRequired", "nope"};

  private static final String[] ROOMS = {"defaultRoom", "defaultRoom", "locked", "nowhere", ""};

  private HostileWire() {}

  // ---- text

  private static String quoted(String s) {
    StringBuilder out = new StringBuilder();
    Hostile.quote(s, out);
    return out.toString();
  }

  /** An Actionhero verb as a Primus frame would carry it, each field maybe of the wrong type. */
  static String verb(Random r) {
    StringBuilder s = new StringBuilder("{\"event\":");
    s.append(r.nextInt(10) == 0 ? Hostile.json(r, 1) : quoted(EVENTS[r.nextInt(EVENTS.length)]));
    if (r.nextBoolean()) {
      s.append(",\"room\":").append(r.nextInt(4) == 0 ? Hostile.json(r, 1) : quoted(ROOMS[r.nextInt(ROOMS.length)]));
    }
    if (r.nextBoolean()) {
      s.append(",\"message\":").append(r.nextInt(3) == 0 ? Hostile.json(r, 3) : quoted(Hostile.text(r, 200)));
    }
    if (r.nextInt(4) > 0) {
      s.append(",\"messageId\":").append(r.nextBoolean() ? Hostile.number(r) : Hostile.json(r, 2));
    }
    if (r.nextInt(3) > 0) {
      s.append(",\"params\":{\"action\":")
          .append(r.nextInt(8) == 0 ? Hostile.json(r, 1) : quoted(ACTIONS[r.nextInt(ACTIONS.length)]));
      int n = r.nextInt(4);
      for (int i = 0; i < n; i++) {
        s.append(',').append(quoted(r.nextBoolean() ? "message" : Hostile.word(r))).append(':')
            .append(Hostile.json(r, 3));
      }
      s.append('}');
    }
    if (r.nextInt(6) == 0) {
      s.append(",\"file\":").append(r.nextBoolean() ? quoted("../" + Hostile.text(r, 30)) : Hostile.json(r, 1));
    }
    return s.append('}').toString();
  }

  /** A mutated Actionhero frame's text; sometimes nested to the read limit (500) or far beyond it. */
  static String frameText(Random r) {
    return switch (r.nextInt(60)) {
      case 0 -> Hostile.nested(r, 480 + r.nextInt(40));
      case 1 -> Hostile.nested(r, 600 + r.nextInt(3_000));
      case 2 -> quoted("primus::pong::" + Hostile.number(r));
      case 3 -> "{\"event\":\"say\",\"room\":\"defaultRoom\",\"message\":" + Hostile.nested(r, 490 + r.nextInt(20)) + "}";
      default -> Hostile.structuredOrMutated(r, verb(r));
    };
  }

  /** An Engine.IO packet over a direct WebSocket session: mostly messages, also odd and broken packets. */
  static String engineIoText(Random r) {
    return switch (r.nextInt(40)) {
      case 0 -> "3";
      case 1 -> "6";
      case 2 -> "2probe";
      case 3 -> "5";
      case 4 -> "b" + Base64.getEncoder().encodeToString(Hostile.text(r, 30).getBytes(StandardCharsets.UTF_8));
      case 5 -> "b" + BAD_BASE64[r.nextInt(BAD_BASE64.length)];
      case 6 -> new String[] {"", "7", "9x", "\u0664", "-1", "\u001e4{}"}[r.nextInt(6)];
      default -> "4" + frameText(r);
    };
  }

  /** Base64 as a binary packet should not hold it: empty, cut, padded wrongly, URL-safe, spaced. */
  private static final String[] BAD_BASE64 =
      {"", "=", "==", "A", "A=", "AB=", "A===", "AB==CD", "-_-_", "YW Jj", "YWJj\n", "!!!!", "=YWJj", "\uD800AAA"};

  // ---- WebSocket frames

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final byte[][] NOT_UTF8 = {
    {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80}
  };

  private static byte[] withInvalidUtf8(Random r, byte[] valid) {
    byte[] bad = NOT_UTF8[r.nextInt(NOT_UTF8.length)];
    int at = r.nextInt(valid.length + 1);
    byte[] out = new byte[valid.length + bad.length];
    System.arraycopy(valid, 0, out, 0, at);
    System.arraycopy(bad, 0, out, at, bad.length);
    System.arraycopy(valid, at, out, at + bad.length, valid.length - at);
    return out;
  }

  private static byte[] concat(List<byte[]> parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private static byte[] random(Random r, int max) {
    byte[] b = new byte[r.nextInt(max + 1)];
    r.nextBytes(b);
    return b;
  }

  /**
   * One frame (or a fragmented message) to send on a socket whose text is made by {@code texts}.
   * About 97 in 100 leave the connection open; the rest break the protocol (invalid UTF-8,
   * reserved bits or opcodes, an unmasked frame, a broken fragment sequence, a control frame too
   * long or fragmented, a message over {@code maxLength}, a close) and the server closes.
   */
  static Wire frame(
      Random r,
      java.util.function.Function<Random, String> texts,
      java.util.function.Predicate<String> answered,
      int maxLength) {
    int pick = r.nextInt(1000);
    if (pick < 800) {
      String text = texts.apply(r);
      return new Wire(RawWebSocket.text(text), false, false, "text", answered.test(text) ? 1 : 0, text);
    }
    if (pick < 840) {
      return new Wire(RawWebSocket.frame(RawWebSocket.BINARY, random(r, 300)), false, false, "binary");
    }
    if (pick < 880) {
      int op = r.nextBoolean() ? RawWebSocket.PING : RawWebSocket.PONG;
      return new Wire(RawWebSocket.frame(op, random(r, 125)), false, false, "ping/pong");
    }
    if (pick < 940) {
      String text = texts.apply(r);
      byte[] message = utf8(text);
      List<byte[]> parts = new ArrayList<>();
      int pieces = 1 + r.nextInt(4);
      int from = 0;
      for (int i = 0; i < pieces; i++) {
        int to = i == pieces - 1 ? message.length : from + r.nextInt(message.length - from + 1);
        byte[] piece = java.util.Arrays.copyOfRange(message, from, to);
        parts.add(RawWebSocket.frame(i == pieces - 1, 0, i == 0 ? RawWebSocket.TEXT : RawWebSocket.CONTINUATION, true, piece, piece.length));
        if (r.nextInt(4) == 0 && i < pieces - 1) {
          parts.add(RawWebSocket.frame(RawWebSocket.PING, random(r, 20)));
        }
        from = to;
      }
      return new Wire(concat(parts), false, false, "fragmented", answered.test(text) ? 1 : 0, text);
    }
    if (pick < 950) {
      byte[] bytes = withInvalidUtf8(r, utf8(texts.apply(r)));
      return new Wire(RawWebSocket.frame(RawWebSocket.TEXT, bytes), true, false, "invalid UTF-8");
    }
    if (pick < 955) {
      int[] codes = {0, 999, 1000, 1004, 1005, 1006, 1015, 2999, 4001, 5000, 65535};
      int code = codes[r.nextInt(codes.length)];
      byte[] reason = r.nextBoolean() ? utf8(Hostile.text(r, 40)) : withInvalidUtf8(r, utf8("bye"));
      byte[] body = new byte[2 + Math.min(reason.length, 100)];
      body[0] = (byte) (code >>> 8);
      body[1] = (byte) code;
      System.arraycopy(reason, 0, body, 2, body.length - 2);
      if (r.nextInt(5) == 0) {
        body = new byte[] {(byte) r.nextInt(256)};
      }
      return new Wire(RawWebSocket.frame(RawWebSocket.CLOSE, body), true, false, "close");
    }
    if (pick < 995) {
      byte[] payload = utf8(texts.apply(r));
      byte[] broken =
          switch (r.nextInt(8)) {
            case 0 -> RawWebSocket.frame(true, 0, RawWebSocket.CONTINUATION, true, payload, payload.length);
            case 1 -> RawWebSocket.frame(true, 1 + r.nextInt(7), RawWebSocket.TEXT, true, payload, payload.length);
            case 2 -> RawWebSocket.frame(true, 0, new int[] {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF}[r.nextInt(10)], true, payload, payload.length);
            case 3 -> RawWebSocket.frame(true, 0, RawWebSocket.TEXT, false, payload, payload.length);
            case 4 -> {
              byte[] ping = random(r, 10);
              yield RawWebSocket.frame(false, 0, RawWebSocket.PING, true, ping, ping.length);
            }
            case 5 -> {
              byte[] big = random(r, 200);
              big = big.length < 126 ? new byte[126 + r.nextInt(100)] : big;
              yield RawWebSocket.frame(true, 0, RawWebSocket.PING, true, big, big.length);
            }
            case 6 -> concat(List.of(
                RawWebSocket.frame(false, 0, RawWebSocket.TEXT, true, payload, payload.length),
                RawWebSocket.frame(true, 0, RawWebSocket.TEXT, true, payload, payload.length)));
            default -> {
              // a code point split across two fragments, then cut short
              byte[] head = utf8("{\"event\":\"say\",\"message\":\"\u4E2D");
              yield concat(List.of(
                  RawWebSocket.frame(false, 0, RawWebSocket.TEXT, true, java.util.Arrays.copyOf(head, head.length - 1), head.length - 1),
                  RawWebSocket.frame(true, 0, RawWebSocket.CONTINUATION, true, new byte[] {'"', '}'}, 2)));
            }
          };
      return new Wire(broken, true, false, "protocol violation");
    }
    if (pick < 998) {
      byte[] over = new byte[maxLength + 1 + r.nextInt(100)];
      java.util.Arrays.fill(over, (byte) 'x');
      over[0] = '"';
      over[over.length - 1] = '"';
      return new Wire(RawWebSocket.frame(RawWebSocket.TEXT, over), true, false, "oversize");
    }
    long declared = r.nextBoolean() ? (long) maxLength + 1 : Long.MAX_VALUE >>> r.nextInt(30);
    byte[] head = RawWebSocket.frame(true, 0, r.nextBoolean() ? RawWebSocket.TEXT : RawWebSocket.BINARY, true, new byte[0], declared);
    return new Wire(concat(List.of(head, random(r, 50))), true, true, "declared oversize");
  }

  // ---- HTTP requests

  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** Odd text, percent-encoded as a well-formed query holds it (lone surrogates become {@code ?}). */
  private static String queryValue(Random r) {
    return java.net.URLEncoder.encode(Hostile.text(r, 30), StandardCharsets.UTF_8);
  }

  private static String withBody(String head, String contentType, byte[] body) {
    return head + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n" + latin1(body);
  }

  /** A well-formed request: to an action (query, JSON, urlencoded, multipart, chunked) or Engine.IO. */
  static String request(Random r, String sid) {
    String host = "Host: 127.0.0.1\r\n";
    String action = HTTP_ACTIONS[r.nextInt(HTTP_ACTIONS.length)];
    String eio = "/primus/?EIO=4&transport=polling";
    return switch (r.nextInt(11)) {
      case 0 -> "GET /api/" + action + "?message=" + queryValue(r) + "&other=" + queryValue(r) + " HTTP/1.1\r\n" + host + "\r\n";
      case 1, 2 -> withBody("POST /api/" + action + " HTTP/1.1\r\n" + host, "application/json",
          utf8(Hostile.structuredOrMutated(r, "{\"message\":" + Hostile.json(r, 3) + ",\"other\":" + Hostile.json(r, 2) + "}")));
      case 3 -> withBody("POST /api/" + action + " HTTP/1.1\r\n" + host, "application/x-www-form-urlencoded",
          utf8("message=" + queryValue(r) + "&other=" + queryValue(r)));
      case 4 -> withBody("POST /api/" + action + " HTTP/1.1\r\n" + host, "multipart/form-data; boundary=b",
          utf8("--b\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n" + Hostile.text(r, 40) + "\r\n--b--\r\n"));
      case 5 -> {
        byte[] body = utf8("{\"message\":" + Hostile.json(r, 2) + "}");
        yield "POST /api/" + action + " HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(body.length) + "\r\n" + latin1(body) + "\r\n0\r\n\r\n";
      }
      case 6 -> "GET " + eio + "&t=" + r.nextInt(1000) + " HTTP/1.1\r\n" + host + "\r\n";
      case 7, 8 -> {
        List<String> packets = new ArrayList<>();
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
          packets.add(r.nextInt(5) == 0 ? engineIoText(r) : "4" + frameText(r));
        }
        yield withBody("POST " + eio + "&sid=" + sid + " HTTP/1.1\r\n" + host, "text/plain;charset=UTF-8",
            utf8(String.join("\u001e", packets)));
      }
      case 9 -> "OPTIONS " + eio + "&sid=" + sid + " HTTP/1.1\r\n" + host + "Origin: http://127.0.0.1\r\n"
          + "Access-Control-Request-Method: POST\r\n\r\n";
      default -> "GET " + eio + "&sid=" + (r.nextBoolean() ? sid : queryValue(r)) + " HTTP/1.1\r\n" + host + "\r\n";
    };
  }

  private static final String[] HTTP_PIECES =
      {"\r\n", "\n", "\r", " ", "\t", "\u0000", ":", "Content-Length: 5\r\n", "Content-Length: -1\r\n",
       "Content-Length: 99999999999999999999\r\n", "Transfer-Encoding: chunked\r\n",
       "Transfer-Encoding: chunked, identity\r\n", "Transfer-Encoding: xchunked\r\n", "Host: a\r\nHost: b\r\n",
       "X: \u00FF\u00FE\r\n", " folded\r\n", "zz\r\n", "FFFFFFFFFFFFFFFFFFFF\r\n", "0\r\n\r\n", "5;ext=\"x\r\n",
       "Expect: 100-continue\r\n", "Connection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n", "%", "%zz",
       "\u00C0\u00AF", "\u00ED\u00A0\u0080", "HTTP/1.0", "HTTP/2.0", "HTTP/1.1", "GET", "POST", "PURGE", "*",
       "http://evil.example/", "?EIO=4&transport=polling", "&sid=", "/api/echo", "/primus/", "\u001e"};

  /** A request with one to three changes of HTTP's own: pieces of framing put in, lines cut or doubled. */
  static String mutateRequest(Random r, String valid) {
    String out = valid;
    for (int times = 1 + r.nextInt(3); times > 0; times--) {
      int at = r.nextInt(out.length() + 1);
      out =
          switch (r.nextInt(6)) {
            case 0 -> out.substring(0, at) + HTTP_PIECES[r.nextInt(HTTP_PIECES.length)] + out.substring(at);
            case 1 -> {
              int line = out.indexOf("\r\n");
              yield line < 0 ? out : HTTP_PIECES[r.nextInt(HTTP_PIECES.length)] + " / HTTP/1.1" + out.substring(line);
            }
            case 2 -> out.replace("\r\n", r.nextBoolean() ? "\n" : "\r\n\r\n");
            case 3 -> out.substring(0, at) + latin1(NOT_UTF8[r.nextInt(NOT_UTF8.length)]) + out.substring(at);
            case 4 -> r.nextInt(10) == 0
                ? out.substring(0, at) + "X-Long: " + "h".repeat(r.nextInt(70_000)) + "\r\n" + out.substring(at)
                : out.substring(0, at);
            default -> latin1(utf8(Hostile.mutate(r, out)));
          };
    }
    return out;
  }

  /** A request to send on its own connection: well-formed one time in three, else mutated. */
  static Wire httpRequest(Random r, String sid) {
    String valid = request(r, sid);
    boolean mutated = r.nextInt(3) > 0;
    String request = mutated ? mutateRequest(r, valid) : valid;
    return new Wire(request.getBytes(StandardCharsets.ISO_8859_1), mutated, true, mutated ? "mutated" : "valid");
  }
}

package org.actionhero4j.internal.socket.engineio;

import static org.actionhero4j.fuzz.Bounded.assertProportionate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import org.actionhero4j.fuzz.Bounded;
import org.actionhero4j.fuzz.Fuzz;
import org.actionhero4j.testing.Hostile;
import org.actionhero4j.internal.InMemoryClusterBus;
import org.actionhero4j.internal.Json;
import org.actionhero4j.internal.web.FakeExchange;
import org.actionhero4j.internal.web.RequestHosts;
import org.actionhero4j.spi.CloseCode;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.HttpResponse;
import org.actionhero4j.spi.SocketAcceptor;
import org.actionhero4j.spi.SocketListener;
import org.actionhero4j.spi.SocketSession;
import org.actionhero4j.spi.TextFrame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the Engine.IO v4 decoders a client reaches: one packet ({@link PacketCodec#decode}), a
 * polling payload ({@link PacketCodec#decodePayload}), a POST body through {@link EngineIoServer}
 * (bytes, so invalid UTF-8 too, and the payload limit) and a packet over a session's WebSocket
 * ({@link WebSocketFrames}). Each is checked against a reference written here from the protocol:
 * a payload is taken whole when every packet in it is valid and refused with the reference
 * server's "Bad request" otherwise, and what reaches core is exactly the packets' data, in order.
 */
class EngineIoFuzzTest {

  /** The POST limit the server fuzz uses: some inputs (at most 2,000 characters) exceed it. */
  private static final int MAX_PAYLOAD = 1_500;

  private static final String SEP = String.valueOf(PacketCodec.SEPARATOR);

  /** Standard base64, padding optional (as {@link Base64#getDecoder()} reads it). */
  private static final Pattern BASE64 =
      Pattern.compile("([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}(==)?|[A-Za-z0-9+/]{3}=?)?");

  private static final String[] BAD_BASE64 =
      {"", "=", "==", "A", "A=", "AB=", "A===", "AB==CD", "-_-_", "YW Jj", "YWJj\n", "!!!!", "YWJj=", "Y\u00E9Jj",
       "\uD800AAA", "YW%3D", "YWJjZA", "YWJjZA=", "YWJjZA==", "YWJjZA===", "=YWJj"};

  private static ScheduledExecutorService timer;

  @BeforeAll
  static void startTimer() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "engine.io-fuzz-timer");
              t.setDaemon(true);
              return t;
            });
  }

  @AfterAll
  static void stopTimer() {
    timer.shutdownNow();
  }

  // ---- the inputs

  /** One packet: valid, or with its type, data or base64 changed. */
  static String packet(Random r) {
    switch (r.nextInt(12)) {
      case 0, 1 -> {
        byte[] bytes = new byte[r.nextInt(40)];
        r.nextBytes(bytes);
        String b64 = Base64.getEncoder().encodeToString(bytes);
        return "b" + (r.nextInt(3) == 0 ? b64.replace("=", "") : b64);
      }
      case 2 -> {
        return "b" + BAD_BASE64[r.nextInt(BAD_BASE64.length)];
      }
      case 3 -> {
        return r.nextBoolean() ? "2probe" : "3probe";
      }
      case 4 -> {
        return String.valueOf((char) ('0' + r.nextInt(7)));
      }
      case 5 -> {
        // a type that is not one: a digit too large, a letter, a sign, odd Unicode
        String[] types = {"7", "8", "9", "/", ":", "-1", "a", "B", " ", "\uD800", "\uFEFF", "\u0664", "\uFF14"};
        return types[r.nextInt(types.length)] + Hostile.text(r, 40);
      }
      default -> {
        char type = r.nextInt(4) == 0 ? (char) ('0' + r.nextInt(7)) : '4';
        return type + primusData(r);
      }
    }
  }

  /** What a message packet carries: a Primus frame (an Actionhero verb) or odd text. */
  private static String primusData(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> Json.encode("primus::pong::" + r.nextInt());
      case 1 -> Hostile.text(r, 200);
      case 2 -> Hostile.json(r, 3);
      case 3 -> Hostile.nested(r, 480 + r.nextInt(40));
      default -> "{\"event\":\"" + Hostile.word(r) + "\",\"room\":\"defaultRoom\",\"message\":"
          + Hostile.json(r, 2) + ",\"messageId\":" + Hostile.number(r) + "}";
    };
  }

  /** A payload: packets separated by {@code \x1e}, then maybe separators and pieces in odd places. */
  static String payload(Random r) {
    if (r.nextInt(50) == 0) {
      return "";
    }
    List<String> packets = new ArrayList<>();
    int n = 1 + (r.nextInt(10) == 0 ? r.nextInt(60) : r.nextInt(4));
    for (int i = 0; i < n; i++) {
      packets.add(packet(r));
    }
    String valid = String.join(SEP, packets);
    if (valid.length() > Hostile.MAX_CHARS) {
      valid = valid.substring(0, Hostile.MAX_CHARS);
    }
    String out = Hostile.structuredOrMutated(r, valid);
    int separators = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0;
    for (int i = 0; i < separators; i++) {
      int at = switch (r.nextInt(3)) {
        case 0 -> 0;
        case 1 -> out.length();
        default -> r.nextInt(out.length() + 1);
      };
      out = out.substring(0, at) + (r.nextBoolean() ? SEP : SEP + SEP) + out.substring(at);
    }
    return out;
  }

  /** A POST body, shown in a failure byte by byte (as ISO-8859-1, so that a non-UTF-8 byte shows as itself). */
  record Body(byte[] bytes) {
    @Override
    public String toString() {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** A POST body: the payload in UTF-8, sometimes with bytes that are not UTF-8 put in. */
  static Body body(Random r) {
    return new Body(bodyBytes(r));
  }

  private static byte[] bodyBytes(Random r) {
    byte[] utf8 = payload(r).getBytes(StandardCharsets.UTF_8);
    if (r.nextInt(4) != 0) {
      return utf8;
    }
    byte[][] bad = {
      {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xF0, (byte) 0x9F}
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = r.nextInt(utf8.length + 1);
    out.write(utf8, 0, at);
    out.writeBytes(bad[r.nextInt(bad.length)]);
    out.write(utf8, at, utf8.length - at);
    return out.toByteArray();
  }

  // ---- the reference

  /** What one packet must decode to, from the protocol; empty when it is not a packet. */
  private static Optional<Object> reference(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    char first = text.charAt(0);
    if (first >= '0' && first <= '6') {
      return Optional.of(first + "|" + text.substring(1));
    }
    if (first == 'b' && BASE64.matcher(text.substring(1)).matches()) {
      return Optional.of(Base64.getEncoder().encodeToString(Base64.getDecoder().decode(text.substring(1))));
    }
    return first == 'b' ? Optional.of("maybe-binary") : Optional.empty();
  }

  /** A decoded packet in the reference's form. */
  private static String described(Packet packet) {
    return packet instanceof Packet.Binary b
        ? Base64.getEncoder().encodeToString(b.data())
        : ((Packet.Text) packet).type().digit() + "|" + ((Packet.Text) packet).data();
  }

  private static void checkPacket(String text, Optional<Packet> decoded) {
    Optional<Object> expected = reference(text);
    if (decoded.isEmpty()) {
      assertTrue(expected.isEmpty() || "maybe-binary".equals(expected.get()), "a valid packet refused");
      return;
    }
    Packet packet = decoded.get();
    if (packet instanceof Packet.Binary b) {
      assertEquals('b', text.charAt(0));
      // what was read is what was written, give or take the padding and the unused low bits of
      // the last character (RFC 4648 lets a decoder ignore them, and this one does)
      String written = text.substring(1).replaceAll("=+$", "");
      String read = Base64.getEncoder().encodeToString(b.data()).replaceAll("=+$", "");
      assertEquals(written.length(), read.length(), "binary data read from " + Bounded.describe(text));
      if (!written.isEmpty()) {
        assertEquals(
            written.substring(0, written.length() - 1),
            read.substring(0, read.length() - 1),
            "binary data read from " + Bounded.describe(text));
      }
      assertProportionate(text, text.length(), b.data().length, 1, 0);
    } else {
      assertEquals(expected.orElseThrow(), described(packet));
      assertEquals(text, PacketCodec.encode(packet), "a text packet encodes back to itself");
    }
  }

  // ---- the properties

  @Test
  void aPacketDecodesToItsTypeAndDataOrToNothing() {
    Fuzz.run(
        EngineIoFuzzTest::packetOrMutation,
        texts -> Bounded.each(texts, Bounded.none(), PacketCodec::decode, EngineIoFuzzTest::checkPacket));
  }

  private static String packetOrMutation(Random r) {
    return Hostile.structuredOrMutated(r, packet(r));
  }

  @Test
  void aPayloadDecodesToEveryPacketOrToNothing() {
    Fuzz.run(
        EngineIoFuzzTest::payload,
        payloads ->
            Bounded.each(
                payloads,
                Bounded.none(),
                PacketCodec::decodePayload,
                (payload, decoded) -> {
                  String[] segments = payload.split(SEP, -1);
                  boolean anyInvalid = false;
                  for (String segment : segments) {
                    anyInvalid |= PacketCodec.decode(segment).isEmpty();
                  }
                  assertEquals(anyInvalid, decoded.isEmpty(), "taken whole or refused whole");
                  if (decoded.isPresent()) {
                    List<Packet> packets = decoded.get();
                    assertEquals(segments.length, packets.size(), "one packet per separated segment");
                    for (int i = 0; i < segments.length; i++) {
                      checkPacket(segments[i], Optional.of(packets.get(i)));
                    }
                  }
                }));
  }

  @Test
  void aPostedBodyIsTakenWholeOrRefusedWithBadRequest() {
    Fuzz.run(
        EngineIoFuzzTest::body,
        bodies -> {
          EngineIoServer server = newServer();
          server.start();
          try {
            Bounded.each(bodies, Bounded.none(), body -> post(server, body.bytes()), (body, posted) -> checkPost(body.bytes(), posted));
          } finally {
            server.stop();
          }
        });
  }

  @Test
  void aPacketOverTheSessionsWebSocketIsDeliveredOrClosesItAsAParseError() {
    Fuzz.run(
        EngineIoFuzzTest::packetOrMutation,
        texts ->
            Bounded.each(
                texts,
                Bounded.none(),
                text -> {
                  Recorder recorder = new Recorder();
                  FakeSocket socket = new FakeSocket();
                  EngineSession session = new EngineSession("fuzz", settings(), timer, s -> {});
                  session.carriedBy(socket);
                  session.open(recorder);
                  WebSocketFrames.carrying(session, socket).onText(text);
                  session.close(CloseCode.NORMAL, "done");
                  return new Sent(recorder.events, socket.closed);
                },
                (text, sent) -> {
                  Optional<Packet> packet = PacketCodec.decode(text);
                  if (packet.isEmpty()) {
                    assertEquals(List.of("close 1007 parse error"), sent.events());
                    assertEquals(List.of("close 1007 parse error"), sent.socketClosed());
                  } else {
                    List<String> expected = expectedEvents(List.of(packet.get()));
                    if (expected.isEmpty() || !expected.get(expected.size() - 1).startsWith("close")) {
                      expected.add("close 1000 done");
                    }
                    assertEquals(expected, sent.events());
                  }
                }));
  }

  private record Sent(List<String> events, List<String> socketClosed) {}

  // ---- the POST path

  private record Posted(byte[] body, HttpResponse response, List<String> events, String nextPoll) {}

  private static EngineIoSettings settings() {
    return new EngineIoSettings(60_000, 60_000, MAX_PAYLOAD, true, true);
  }

  private static EngineIoServer newServer() {
    return newServer(settings());
  }

  /** A server whose sessions are opened with a listener that records what it is told. */
  static EngineIoServer newServer(EngineIoSettings settings) {
    return new EngineIoServer(
        settings,
        List.of(),
        new RequestHosts(List.of()),
        new EngineIoServer.Sockets() {
          @Override
          public Optional<HttpResponse> refusal(HttpExchange handshake) {
            return Optional.empty();
          }

          @Override
          public SocketAcceptor opener(HttpExchange handshake) {
            return session -> new Recorder();
          }
        },
        new SessionRelay("fuzz-node", new InMemoryClusterBus(), Runnable::run, 1000));
  }

  /** Opens a session, posts the body to it, and polls once more when the post was refused. */
  private static Posted post(EngineIoServer server, byte[] body) throws Exception {
    FakeExchange handshake = FakeExchange.get("/primus/?EIO=4&transport=polling");
    server.handle(handshake, false);
    HttpResponse open = handshake.answer().response();
    assertEquals(200, open.status());
    String openText = new String(open.body(), StandardCharsets.UTF_8);
    String session = "/primus/?EIO=4&transport=polling&sid=" + ((Map<?, ?>) Json.decode(openText.substring(1))).get("sid");
    FakeExchange post = FakeExchange.request("POST", session).body(null, body);
    server.handle(post, false);
    HttpResponse response = post.answer().response();
    Recorder recorder = Recorder.last.get();
    String nextPoll = null;
    if (response.status() == 400) {
      FakeExchange poll = FakeExchange.get(session);
      server.handle(poll, false);
      nextPoll = poll.answer().text();
    }
    List<String> events = List.copyOf(recorder.events);
    // the session ends either way, so that none outlives its try
    server.handle(FakeExchange.request("POST", session).body(null, "1"), false);
    assertEquals(0, server.sessions(), "sessions left behind");
    return new Posted(body, response, events, nextPoll);
  }

  private static void checkPost(byte[] body, Posted posted) {
    HttpResponse response = posted.response();
    String describedBody = Bounded.describe(new String(body, StandardCharsets.ISO_8859_1));
    if (body.length > MAX_PAYLOAD) {
      assertEquals(413, response.status(), "a body over the limit: " + describedBody);
      assertEquals(List.of(), posted.events());
      return;
    }
    String payload = new String(body, StandardCharsets.UTF_8);
    Optional<List<Packet>> packets = PacketCodec.decodePayload(payload);
    String text = new String(response.body(), StandardCharsets.UTF_8);
    if (packets.isEmpty()) {
      assertEquals(400, response.status(), "refused: " + describedBody);
      assertEquals("{\"code\":3,\"message\":\"Bad request\"}", text);
      assertEquals(List.of("close 1007 parse error"), posted.events());
      assertTrue(posted.nextPoll().endsWith("1"), "the next poll gets the close packet: " + posted.nextPoll());
      return;
    }
    assertEquals(200, response.status(), "taken: " + describedBody);
    assertEquals("ok", text);
    assertEquals(expectedEvents(packets.get()), posted.events(), "delivered: " + describedBody);
    long delivered =
        posted.events().stream()
            .mapToLong(e -> e.startsWith("text ") ? e.length() - 5 : e.startsWith("binary ") ? e.length() - 7 : 0)
            .sum();
    assertProportionate(payload, payload.length(), delivered, 2, 16);
  }

  /** What core must be told of these packets, in order: messages, binaries, pongs, and a close. */
  private static List<String> expectedEvents(List<Packet> packets) {
    List<String> events = new ArrayList<>();
    for (Packet packet : packets) {
      if (packet instanceof Packet.Binary b) {
        events.add("binary " + Base64.getEncoder().encodeToString(b.data()));
        continue;
      }
      Packet.Text t = (Packet.Text) packet;
      switch (t.type()) {
        case MESSAGE -> events.add("text " + t.data());
        case PONG -> events.add("ping");
        case CLOSE -> {
          events.add("close 1000 closed by the client");
          return events;
        }
        default -> {}
      }
    }
    return events;
  }

  // ---- test doubles

  /** Core's side of a session: records what it is told. */
  private static final class Recorder implements SocketListener {
    static final ThreadLocal<Recorder> last = new ThreadLocal<>();
    final List<String> events = new ArrayList<>();

    Recorder() {
      last.set(this);
    }

    @Override
    public synchronized void onText(String text) {
      events.add("text " + text);
    }

    @Override
    public synchronized void onBinary(byte[] data) {
      events.add("binary " + Base64.getEncoder().encodeToString(data));
    }

    @Override
    public synchronized void onPing() {
      events.add("ping");
    }

    @Override
    public synchronized void onClose(CloseCode code, String reason) {
      events.add("close " + code.value() + " " + reason);
    }
  }

  /** A WebSocket carrying a session: records its closes. */
  private static final class FakeSocket implements SocketSession {
    final List<String> closed = new ArrayList<>();

    @Override
    public CompletionStage<Void> sendText(TextFrame frame) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void close(CloseCode code, String reason) {
      closed.add("close " + code.value() + " " + reason);
    }

    @Override
    public void abort() {
      closed.add("abort");
    }
  }
}

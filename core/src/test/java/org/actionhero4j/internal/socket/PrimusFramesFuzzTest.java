package org.actionhero4j.internal.socket;

import static org.actionhero4j.fuzz.Bounded.assertProportionate;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.actionhero4j.Actionhero;
import org.actionhero4j.TestApps;
import org.actionhero4j.fuzz.Bounded;
import org.actionhero4j.fuzz.Fuzz;
import org.actionhero4j.testing.Hostile;
import org.actionhero4j.fuzz.Sizes;
import org.actionhero4j.fuzz.TypedApp;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.Json;
import org.actionhero4j.internal.actions.ActionPipeline;
import org.actionhero4j.internal.connections.ConnectionRegistry;
import org.actionhero4j.internal.verbs.VerbDispatcher;
import org.actionhero4j.internal.web.StaticFiles;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.actionhero4j.spi.CloseCode;
import org.actionhero4j.spi.Observer;
import org.actionhero4j.spi.SocketSession;
import org.actionhero4j.spi.TextFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes what a socket client reaches: the JSON codec and its depth and size guards, the Primus
 * frame decoder, and a whole {@link SocketConnection} (verbs, params, actions with typed inputs,
 * files) fed through an in-memory session. Every frame but a pong or a quit is answered, never
 * with the internal error, and the answer is proportionate to the frame.
 */
class PrimusFramesFuzzTest {


  private static Actionhero app;
  private static SocketServices services;
  private static String internalError;
  private static Path publicDir;

  @BeforeAll
  static void start() throws Exception {
    app = TypedApp.start();
    publicDir = Files.createTempDirectory("fuzz-public");
    Files.writeString(publicDir.resolve("index.html"), "<p>hi</p>");
    var injector = app.injector();
    ErrorTexts errors = new ErrorTexts(app.config().errors());
    internalError = errors.internalError();
    services =
        new SocketServices(
            Runnable::run,
            injector.getInstance(ConnectionRegistry.class),
            injector.getInstance(ActionPipeline.class),
            injector.getInstance(VerbDispatcher.class),
            new FileVerb(new StaticFiles(List.of(publicDir)), errors),
            errors,
            app.config().websocket().server(),
            new Heartbeats(60_000),
            "",
            Observer.NONE);
  }

  @AfterAll
  static void stop() {
    TestApps.stop(app);
  }

  private static String frame(Random r) {
    if (r.nextInt(20) == 0) {
      return Json.encode(r.nextBoolean() ? "primus::pong::" + r.nextLong() : "primus::id::");
    }
    if (r.nextInt(20) == 0) {
      return Hostile.nested(r, 480 + r.nextInt(40));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    String[] events = {"action", "roomAdd", "roomLeave", "roomView", "say", "detailsView", "file", "paramAdd"};
    m.put("event", r.nextInt(8) == 0 ? Hostile.word(r) : events[r.nextInt(events.length)]);
    StringBuilder s = new StringBuilder(Json.encode(m));
    s.setLength(s.length() - 1);
    String[] keys = {"room", "message", "messageId", "params", "action", "file"};
    for (String key : keys) {
      if (r.nextBoolean()) {
        s.append(',');
        Hostile.quote(key, s);
        s.append(':');
        s.append(
            switch (key) {
              case "params" -> Json.encode(TypedApp.params(r));
              case "action" -> r.nextBoolean() ? "\"" + TypedApp.ACTION + "\"" : Hostile.json(r, 1);
              case "messageId" -> r.nextBoolean() ? Hostile.number(r) : Hostile.json(r, 2);
              default -> r.nextInt(3) == 0 ? Hostile.json(r, 3) : jsonString(Hostile.text(r, 100));
            });
      }
    }
    s.append('}');
    return Hostile.structuredOrMutated(r, s.toString());
  }

  private static String jsonString(String text) {
    StringBuilder out = new StringBuilder();
    Hostile.quote(text, out);
    return out.toString();
  }

  @Test
  void theJsonCodecAnswersAValueOrItsOwnError() {
    Fuzz.run(
        PrimusFramesFuzzTest::frame,
        texts -> {
          Bounded.each(
              texts,
              Bounded.only(IllegalArgumentException.class),
              Json::decodeExact,
              (text, value) -> assertProportionate(text, text.length(), Sizes.of(value), 2, 16));
          Bounded.each(
              texts,
              Bounded.only(IllegalArgumentException.class),
              Json::decode,
              (text, value) -> assertProportionate(text, text.length(), Sizes.of(value), 2, 16));
        });
  }

  @Test
  void aFrameDecodesToOneKindAndNeverThrows() {
    Fuzz.run(
        PrimusFramesFuzzTest::frame,
        texts -> {
          Bounded.each(
              texts,
              Bounded.none(),
              PrimusFraming::decode,
              (text, frame) -> {
                if (frame instanceof PrimusFraming.Data data) {
                  assertProportionate(text, text.length(), Sizes.of(data.value()), 2, 16);
                } else if (frame instanceof PrimusFraming.Invalid invalid) {
                  assertNotNull(invalid.reason());
                  invalid.messageId().ifPresent(id -> assertProportionate(text, text.length(), Sizes.of(id), 2, 16));
                }
              });
        });
  }

  @Test
  void everySocketFrameButAPongOrAQuitIsAnswered() {
    Fuzz.run(
        PrimusFramesFuzzTest::frame,
        texts -> {
          Bounded.each(
              texts,
              Bounded.none(),
              PrimusFramesFuzzTest::send,
              (text, answers) -> {
                PrimusFraming.Inbound frame = PrimusFraming.decode(text);
                boolean silent =
                    frame instanceof PrimusFraming.Pong
                        || (frame instanceof PrimusFraming.Data d
                            && d.value() instanceof Map<?, ?> m
                            && ("quit".equals(m.get("event")) || "exit".equals(m.get("event"))));
                if (!silent && answers.isEmpty()) {
                  throw new AssertionError("no answer to " + Bounded.describe(text));
                }
                for (String answer : answers) {
                  assertFalse(answer.contains(internalError), "an internal error for " + Bounded.describe(text));
                  assertProportionate(text, text.length(), answer.length(), 4, 4_000);
                }
              });
        });
  }

  /** Sends one frame on a fresh socket and returns what it was answered (waiting for an action). */
  private static List<String> send(String text) throws InterruptedException {
    InMemorySession session = new InMemorySession();
    SocketConnection socket = new SocketConnection(services, session, "", "127.0.0.1", 1, s -> {});
    socket.start();
    socket.onText(text);
    List<String> answers = session.awaitAnswer(text.contains("action") ? 5_000 : 0);
    socket.onClose(CloseCode.NORMAL, "");
    return answers;
  }

  /** A socket session that keeps what the server sends. */
  private static final class InMemorySession implements SocketSession {
    private final List<String> sent = new ArrayList<>();

    @Override
    public synchronized CompletionStage<Void> sendText(TextFrame frame) {
      sent.add(frame.text());
      notifyAll();
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close(CloseCode code, String reason) {}

    @Override
    public void abort() {}

    synchronized List<String> awaitAnswer(long millis) throws InterruptedException {
      long deadline = System.currentTimeMillis() + millis;
      while (sent.isEmpty()) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          break;
        }
        wait(left);
      }
      return List.copyOf(sent);
    }
  }
}

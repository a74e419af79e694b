package org.actionhero4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.config.ConfigException;
import org.actionhero4j.testing.ActionResult;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TypedActionApiTest {

  private Actionhero app;

  @AfterEach
  void stop() {
    TestApps.stop(app);
  }

  record Greeting(String greeting, int times) {}

  static final class Greet implements Action {
    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("greet")
          .input(Input.named("name").asString().required())
          .input(Input.named("times").asInteger().defaultValue(1).validate(t -> t >= 1 && t <= 5, "times must be 1 to 5"))
          .outputExample(new Greeting("Hello, Ada!", 1))
          .build();
    }

    @Override
    public Greeting run(ActionContext ctx) {
      String name = ctx.param("name", String.class);
      int times = ctx.param("times", Integer.class);
      Optional<String> missing = ctx.optionalParam("nickname", String.class);
      return new Greeting(("Hello, " + missing.orElse(name) + "! ").repeat(times).trim(), times);
    }
  }

  @Test
  void anActionReturnsARecordReadingTypedParams() throws Exception {
    app = TestApps.start(p -> p.action(new Greet()));

    Map<String, Object> response = SpecHelper.of(app).runAction("greet", Map.of("name", "Ada", "times", "2"));

    assertEquals("Hello, Ada! Hello, Ada!", response.get("greeting"));
    assertEquals(2, response.get("times"));
    ActionDefinition definition = new Greet().definition();
    assertEquals(Optional.of(Greeting.class), definition.outputType());
    assertEquals(Map.of("greeting", "Hello, Ada!", "times", 1), definition.outputExample());
  }

  @Test
  void aTypedReadOfAParamThatCannotBeConvertedIsA422NamingIt() throws Exception {
    app =
        TestApps.start(
            p ->
                p.action(
                    TestApps.action(
                        ActionDefinition.named("read").input(Input.named("n")),
                        ctx -> Map.of("n", ctx.param("n", Integer.class)))));

    ActionResult run = SpecHelper.of(app).connection().result("read", Map.of("n", "abc"));

    assertEquals(Optional.of("n must be an integer"), run.error());
    assertEquals(422, run.httpStatus());
  }

  private static final RequestLocal<Long> STARTED = RequestLocal.named("started", Long.class);

  @Test
  void middlewareStateInLocalsBelongsToItsOwnRequestEvenWhenRequestsOverlapOnOneConnection() throws Exception {
    CountDownLatch bothStarted = new CountDownLatch(2);
    app =
        TestApps.start(
            p ->
                p.actionMiddleware(
                        TestApps.middleware(
                            "stamp",
                            true,
                            10,
                            ctx -> ctx.locals().put(STARTED, Long.parseLong(String.valueOf(ctx.params().get("id")))),
                            ctx -> ctx.response().put("seen", ctx.locals().get(STARTED).orElseThrow())))
                    .action(
                        TestApps.action(
                            ActionDefinition.named("slow").input(Input.named("id").asLong()),
                            ctx -> {
                              bothStarted.countDown();
                              assertTrue(bothStarted.await(5, TimeUnit.SECONDS));
                              return Map.of();
                            })));
    TestConnection c = SpecHelper.of(app).connection();

    CompletableFuture<Map<String, Object>> first = c.submitAction("slow", Map.of("id", 1));
    CompletableFuture<Map<String, Object>> second = c.submitAction("slow", Map.of("id", 2));

    assertEquals(1L, ((Number) first.get(5, TimeUnit.SECONDS).get("seen")).longValue());
    assertEquals(2L, ((Number) second.get(5, TimeUnit.SECONDS).get("seen")).longValue());
  }

  @Test
  void aMessageIsFixedWhenSentSoLaterChangesToItsMapChangeNothing() throws Exception {
    app = TestApps.start(p -> {});
    TestConnection c = SpecHelper.of(app).connection();
    Map<String, Object> message = new HashMap<>(Map.of("text", "first"));

    c.connection().send(message);
    message.put("text", "changed");

    assertEquals("first", c.awaitMessage(m -> m.containsKey("text"), Duration.ofSeconds(5)).get("text"));
  }

  @Test
  void aRecordCanBePushedToAConnection() throws Exception {
    app = TestApps.start(p -> {});
    TestConnection c = SpecHelper.of(app).connection();

    c.connection().send(new Greeting("hi", 1));

    assertEquals(
        List.of(Map.of("greeting", "hi", "times", 1, "context", "response", "messageId", "0")), c.messages());
  }

  @Test
  void threadsAndExceptionsInAResponseAreWrittenAsTheirNameAndMessageNeverAsStackTraces() throws Exception {
    app =
        TestApps.start(
            p ->
                p.action(
                    TestApps.action(
                        ActionDefinition.named("leaky"),
                        ctx -> Map.of("thread", new Thread("worker-7"), "failure", new IllegalStateException("nope")))));

    Map<String, Object> response = SpecHelper.of(app).runAction("leaky", Map.of());

    assertEquals("nope", response.get("failure"));
    assertTrue(String.valueOf(response.get("thread")).contains("worker-7"), response.toString());
    assertTrue(!response.toString().contains("stackTrace"), response.toString());
  }

  @Test
  void webEnabledWithoutATransportFailsTheStartNamingBothTransportArtifacts() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> TestApps.builder(p -> {}).set("web.enabled", true).start());

    assertTrue(e.getMessage().contains("actionhero4j-transport-undertow"), e.getMessage());
    assertTrue(e.getMessage().contains("actionhero4j-transport-jetty"), e.getMessage());
  }
}

package org.actionhero4j.internal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.actionhero4j.TestApps.action;
import static org.actionhero4j.TestApps.echo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.actionhero4j.Action;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Input;
import org.actionhero4j.TestApps;
import org.actionhero4j.Validator;
import org.actionhero4j.internal.actions.ActionPipeline;
import org.actionhero4j.testing.ActionResult;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionPipelineTest {

  private Actionhero app;
  private SpecHelper spec;
  private final CountDownLatch gate = new CountDownLatch(1);
  private final AtomicInteger slowStarted = new AtomicInteger();
  private final AtomicInteger runs = new AtomicInteger();

  @AfterEach
  void stop() {
    gate.countDown();
    TestApps.stop(app);
  }

  /** Waits on the test's gate, then answers with its tag. */
  private Action slow() {
    return action(
        ActionDefinition.named("slow").input(Input.named("tag")),
        ctx -> {
          slowStarted.incrementAndGet();
          if (!gate.await(5, SECONDS)) {
            throw new IllegalStateException("the test never opened the gate");
          }
          return Map.of("tag", ctx.params().get("tag"));
        });
  }

  private Action counted(ActionDefinition.Builder d) {
    return action(
        d,
        ctx -> {
          runs.incrementAndGet();
          return Map.of("ran", true);
        });
  }

  private ActionPipeline pipeline() {
    return app.injector().getInstance(ActionPipeline.class);
  }

  private void start(Consumer<org.actionhero4j.PluginContext> r) throws Exception {
    app = TestApps.start(r);
    spec = SpecHelper.of(app);
  }

  @Test
  void anUnknownActionFailsWithTheUnknownActionText() throws Exception {
    start(p -> {});

    assertEquals("unknown action or invalid apiVersion", spec.runAction("nope", Map.of()).get("error"));
  }

  @Test
  void aRequestWithoutActionNameIsAnUnknownAction() throws Exception {
    start(p -> {});
    Map<String, Object> params = new HashMap<>();

    ActionResult run = spec.connection().resultWithoutAction(params);

    assertEquals("unknown action or invalid apiVersion", run.response().get("error"));
    assertEquals(404, run.httpStatus());
  }

  @Test
  void anActionBlockingAConnectionTypeRefusesItButServesOthers() throws Exception {
    start(p -> p.action(counted(ActionDefinition.named("httpOnly").blockConnectionTypes("websocket"))));

    Map<String, Object> refused = spec.connection("websocket").runAction("httpOnly", Map.of());
    Map<String, Object> served = spec.connection().runAction("httpOnly", Map.of());

    assertEquals("this action does not support the websocket connection type", refused.get("error"));
    assertEquals(true, served.get("ran"));
    assertEquals(1, runs.get());
  }

  @Test
  void actionsAfterShutdownBeganGetTheShuttingDownTextAndDoNotRun() throws Exception {
    start(p -> p.action(counted(ActionDefinition.named("work"))));
    pipeline().beginShutdown();

    Map<String, Object> response = spec.runAction("work", Map.of());

    assertEquals("the server is shutting down", response.get("error"));
    assertEquals(0, runs.get());
    assertTrue(pipeline().awaitIdle(0), "a refused action leaves nothing in flight");
  }

  @Test
  void shuttingDownIsCheckedBeforeTheActionIsLookedUp() throws Exception {
    start(p -> {});
    pipeline().beginShutdown();

    assertEquals("the server is shutting down", spec.runAction("nope", Map.of()).get("error"));
  }

  @Test
  void theSixthSimultaneousActionOfAConnectionIsRejectedWhileFiveArePending() throws Exception {
    start(p -> p.action(slow()));
    TestConnection c = spec.connection();
    List<CompletableFuture<Map<String, Object>>> five = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      five.add(c.submitAction("slow", Map.of("tag", i)));
    }

    Map<String, Object> sixth = c.submitAction("slow", Map.of("tag", 5)).get(5, SECONDS);

    assertEquals("you have too many pending requests", sixth.get("error"));
    assertTrue(five.stream().noneMatch(CompletableFuture::isDone), "the five are still blocked");
    assertEquals(5, c.connection().pendingActions());
    assertEquals(5, pipeline().inFlight(), "the rejected one is not in flight");
    gate.countDown();
    for (int i = 0; i < 5; i++) {
      assertEquals(i, five.get(i).get(5, SECONDS).get("tag"));
    }
    assertEquals(0, c.connection().pendingActions());
    assertEquals(5, slowStarted.get());
  }

  @Test
  void theSimultaneousActionsLimitComesFromConfigAndIsPerConnection() throws Exception {
    app = TestApps.builder(p -> p.action(slow())).set("general.simultaneousActions", 1).start();
    spec = SpecHelper.of(app);
    TestConnection alice = spec.connection();
    TestConnection bob = spec.connection();

    CompletableFuture<Map<String, Object>> first = alice.submitAction("slow", Map.of("tag", "a1"));
    Map<String, Object> second = alice.submitAction("slow", Map.of("tag", "a2")).get(5, SECONDS);
    CompletableFuture<Map<String, Object>> bobs = bob.submitAction("slow", Map.of("tag", "b1"));

    assertEquals("you have too many pending requests", second.get("error"));
    gate.countDown();
    assertEquals("a1", first.get(5, SECONDS).get("tag"));
    assertEquals("b1", bobs.get(5, SECONDS).get("tag"));
  }

  @Test
  void tooManyPendingIsCheckedBeforeTheActionIsLookedUp() throws Exception {
    app = TestApps.builder(p -> p.action(slow())).set("general.simultaneousActions", 1).start();
    spec = SpecHelper.of(app);
    TestConnection c = spec.connection();
    CompletableFuture<Map<String, Object>> blocked = c.submitAction("slow", Map.of("tag", "t"));

    assertEquals("you have too many pending requests", c.runAction("nope", Map.of()).get("error"));
    gate.countDown();
    assertNull(blocked.get(5, SECONDS).get("error"));
  }

  @Test
  void errorTextsAreOverriddenByConfigWithPlaceholdersFilled() throws Exception {
    app =
        TestApps.builder(
                p ->
                    p.action(echo(ActionDefinition.named("needy").input(Input.named("name").required())))
                        .action(echo(ActionDefinition.named("httpOnly").blockConnectionTypes("websocket")))
                        .action(
                            echo(
                                ActionDefinition.named("picky")
                                    .input(Input.named("x").validator(Validator.that(v -> false))))))
            .set("errors.unknownAction", "nope")
            .set("errors.invalidParam", "{param} looks wrong")
            .set("errors.missingParams", "please send {param}")
            .set("errors.unsupportedServerType", "no {type} here")
            .start();
    spec = SpecHelper.of(app);

    assertEquals("nope", spec.runAction("missing", Map.of()).get("error"));
    assertEquals("please send name", spec.runAction("needy", Map.of()).get("error"));
    assertEquals("no websocket here", spec.connection("websocket").runAction("httpOnly", Map.of()).get("error"));
    assertEquals("x looks wrong", spec.runAction("picky", Map.of("x", 1)).get("error"));
  }

  @Test
  void theShuttingDownAndTooManyTextsAreOverriddenByConfig() throws Exception {
    app =
        TestApps.builder(p -> p.action(slow()))
            .set("errors.tooManyPendingActions", "slow down")
            .set("errors.serverShuttingDown", "bye")
            .set("general.simultaneousActions", 0)
            .start();
    spec = SpecHelper.of(app);

    assertEquals("slow down", spec.runAction("slow", Map.of()).get("error"));
    pipeline().beginShutdown();
    assertEquals("bye", spec.runAction("slow", Map.of()).get("error"));
  }

  @Test
  void anActionheroExceptionWithStatusAsksForThatHttpStatus() throws Exception {
    start(
        p ->
            p.action(
                action(
                    ActionDefinition.named("pay"),
                    ctx -> {
                      throw ActionheroException.withStatus(402, "payment required");
                    })));

    ActionResult run = spec.connection().result("pay", Map.of());

    assertEquals("payment required", run.response().get("error"));
    assertEquals(402, run.httpStatus());
  }

  @Test
  void anErrorWithoutStatusGetsTheDefaultErrorStatus() throws Exception {
    start(
        p ->
            p.action(
                action(
                    ActionDefinition.named("fail"),
                    ctx -> {
                      throw new ActionheroException("plain");
                    })));

    assertEquals(500, spec.connection().result("fail", Map.of()).httpStatus());
  }

  @Test
  void anActionheroExceptionsMessageAndCodeReachTheCaller() throws Exception {
    start(
        p ->
            p.action(
                action(
                    ActionDefinition.named("refuse"),
                    ctx -> {
                      throw ActionheroException.withStatus(409, "taken").withCode("name_taken");
                    })));

    ActionResult run = spec.connection().result("refuse", Map.of());

    assertEquals("taken", run.response().get("error"));
    assertEquals("name_taken", run.response().get("errorCode"));
    assertEquals(409, run.httpStatus());
  }

  @Test
  void anUnexpectedExceptionAnswersInternalErrorWithNothingOfItsMessage() throws Exception {
    start(
        p ->
            p.action(
                action(
                    ActionDefinition.named("boom"),
                    ctx -> {
                      throw new IllegalStateException("boom");
                    })));

    ActionResult run = spec.connection().result("boom", Map.of());

    assertEquals("internal error", run.response().get("error"));
    assertEquals(500, run.httpStatus());
  }

  @Test
  void anErrorTheActionWritesIntoTheResponseIsKeptAsItIs() throws Exception {
    start(
        p ->
            p.action(
                action(
                    ActionDefinition.named("soft"),
                    ctx -> {
                      ctx.response().put("error", "custom");
                      return Map.of("partial", 1);
                    })));

    Map<String, Object> response = spec.runAction("soft", Map.of());

    assertEquals("custom", response.get("error"));
    assertEquals(1, response.get("partial"));
  }

  @Test
  void theReturnedMapIsMergedWithWhatTheActionWroteIntoTheResponse() throws Exception {
    start(
        p ->
            p.action(
                action(
                    ActionDefinition.named("both"),
                    ctx -> {
                      ctx.response().put("written", 1);
                      return Map.of("returned", 2);
                    }))
            .action(
                action(
                    ActionDefinition.named("nothing"),
                    ctx -> {
                      ctx.response().put("written", 1);
                      return null;
                    })));

    assertEquals(Map.of("written", 1, "returned", 2), spec.runAction("both", Map.of()));
    assertEquals(Map.of("written", 1), spec.runAction("nothing", Map.of()));
  }

  @Test
  void concurrentActionsOnOneConnectionKeepTheirOwnParams() throws Exception {
    CountDownLatch bothInside = new CountDownLatch(2);
    start(
        p ->
            p.action(
                action(
                    ActionDefinition.named("hold").input(Input.named("tag")),
                    ctx -> {
                      bothInside.countDown();
                      if (!gate.await(5, SECONDS)) {
                        throw new IllegalStateException("gate never opened");
                      }
                      return Map.of("tag", ctx.params().get("tag"), "sawParams", Map.copyOf(ctx.params()));
                    })));
    TestConnection c = spec.connection();

    CompletableFuture<Map<String, Object>> a = c.submitAction("hold", Map.of("tag", "a"));
    CompletableFuture<Map<String, Object>> b = c.submitAction("hold", Map.of("tag", "b"));
    assertTrue(bothInside.await(5, SECONDS), "both actions run at once");
    gate.countDown();

    assertEquals("a", a.get(5, SECONDS).get("tag"));
    assertEquals("b", b.get(5, SECONDS).get("tag"));
    assertEquals(Map.of("action", "hold", "tag", "b", "apiVersion", 1), b.get(5, SECONDS).get("sawParams"));
  }

  @Test
  void aBlockingActionDoesNotDelayAFastOneOnTheSameConnection() throws Exception {
    start(p -> p.action(slow()).action(counted(ActionDefinition.named("fast"))));
    TestConnection c = spec.connection();

    CompletableFuture<Map<String, Object>> blocked = c.submitAction("slow", Map.of("tag", "s"));
    Map<String, Object> fast = c.submitAction("fast", Map.of()).get(5, SECONDS);

    assertEquals(true, fast.get("ran"));
    assertFalse(blocked.isDone(), "the slow action is still waiting for the gate");
    gate.countDown();
    assertEquals("s", blocked.get(5, SECONDS).get("tag"));
  }

  @Test
  void undeclaredParamsAreScrubbedButGloballySafeOnesAreKept() throws Exception {
    start(p -> p.action(echo(ActionDefinition.named("echo").input(Input.named("declared")))));

    Map<String, Object> response =
        spec.runAction("echo", Map.of("declared", 1, "undeclared", 2, "callback", "cb", "messageId", 9));

    assertEquals(
        Map.of("action", "echo", "apiVersion", 1, "declared", 1, "callback", "cb", "messageId", 9),
        response.get("params"));
  }

  @Test
  void paramScrubbingCanBeDisabledInConfig() throws Exception {
    app =
        TestApps.builder(p -> p.action(echo(ActionDefinition.named("echo"))))
            .set("general.disableParamScrubbing", true)
            .start();
    spec = SpecHelper.of(app);

    Map<String, Object> response = spec.runAction("echo", Map.of("undeclared", 2));

    assertEquals(Map.of("action", "echo", "apiVersion", 1, "undeclared", 2), response.get("params"));
  }

  @Test
  void aPreProcessorSettingToProcessFalseSkipsTheRunButKeepsItsResponse() throws Exception {
    start(
        p ->
            p.action(counted(ActionDefinition.named("work")))
                .actionMiddleware(
                    TestApps.middleware(
                        "cache",
                        true,
                        100,
                        ctx -> {
                          ctx.setToProcess(false);
                          ctx.response().put("cached", true);
                        },
                        TestApps.nothing())));

    Map<String, Object> response = spec.runAction("work", Map.of());

    assertEquals(Map.of("cached", true), response);
    assertEquals(0, runs.get());
  }

  @Test
  void anActionSettingToRenderFalseIsReportedAsNotToRender() throws Exception {
    start(
        p ->
            p.action(
                    action(
                        ActionDefinition.named("selfAnswering"),
                        ctx -> {
                          ctx.setToRender(false);
                          return Map.of();
                        }))
                .action(counted(ActionDefinition.named("normal"))));
    TestConnection c = spec.connection();

    assertFalse(c.result("selfAnswering", Map.of()).toRender());
    assertTrue(c.result("normal", Map.of()).toRender());
  }

  @Test
  void failedAttemptsCountAsActionsAndLeaveNothingPending() throws Exception {
    start(p -> p.action(echo(ActionDefinition.named("needy").input(Input.named("x").required()))));
    TestConnection c = spec.connection();

    c.runAction("unknown", Map.of());
    c.runAction("needy", Map.of());
    c.runAction("needy", Map.of("x", 1));

    assertEquals(3, c.connection().totalActions());
    assertEquals(0, c.connection().pendingActions());
  }
}

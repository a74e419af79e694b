package org.actionhero4j.internal;

import static org.actionhero4j.TestApps.action;
import static org.actionhero4j.TestApps.middleware;
import static org.actionhero4j.TestApps.nothing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.actionhero4j.Action;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.ActionMiddleware;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Input;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.TestApps;
import org.actionhero4j.testing.SpecHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionMiddlewareTest {

  private Actionhero app;
  private final List<String> trace = new CopyOnWriteArrayList<>();
  private final AtomicInteger runs = new AtomicInteger();

  @AfterEach
  void stop() {
    TestApps.stop(app);
  }

  private Action traced(ActionDefinition.Builder d) {
    return action(
        d,
        ctx -> {
          runs.incrementAndGet();
          trace.add("run " + ctx.actionName().orElseThrow());
          return Map.of("ran", true);
        });
  }

  private ActionMiddleware tracing(String name, boolean global, int priority) {
    return middleware(
        name, global, priority, ctx -> trace.add("pre " + name), ctx -> trace.add("post " + name));
  }

  @Test
  void globalMiddlewareRunsForEveryActionNamedMiddlewareOnlyForActionsNamingIt() throws Exception {
    app =
        TestApps.start(
            p ->
                p.action(traced(ActionDefinition.named("plain")))
                    .action(traced(ActionDefinition.named("special").middleware("named")))
                    .actionMiddleware(tracing("everywhere", true, 100))
                    .actionMiddleware(tracing("named", false, 100)));
    SpecHelper spec = SpecHelper.of(app);

    spec.runAction("plain", Map.of());
    assertEquals(List.of("pre everywhere", "run plain", "post everywhere"), trace);

    trace.clear();
    spec.runAction("special", Map.of());
    assertEquals(
        List.of("pre everywhere", "pre named", "run special", "post everywhere", "post named"), trace);
  }

  @Test
  void lowerPriorityRunsFirstAndTiesKeepRegistrationOrder() throws Exception {
    app =
        TestApps.start(
            p ->
                p.action(traced(ActionDefinition.named("work")))
                    .actionMiddleware(tracing("b100", true, 100))
                    .actionMiddleware(tracing("c5", true, 5))
                    .actionMiddleware(tracing("a100", true, 100))
                    .actionMiddleware(tracing("d50", true, 50)));

    SpecHelper.of(app).runAction("work", Map.of());

    assertEquals(
        List.of(
            "pre c5", "pre d50", "pre b100", "pre a100", "run work",
            "post c5", "post d50", "post b100", "post a100"),
        trace);
  }

  @Test
  void namedMiddlewareRunsAfterEveryGlobalOneInTheOrderTheActionListsIt() throws Exception {
    app =
        TestApps.start(
            p ->
                p.action(traced(ActionDefinition.named("work").middleware("second", "first")))
                    .actionMiddleware(tracing("first", false, 1))
                    .actionMiddleware(tracing("second", false, 2))
                    .actionMiddleware(tracing("global", true, 1000)));

    SpecHelper.of(app).runAction("work", Map.of());

    assertEquals(List.of("pre global", "pre second", "pre first", "run work"), trace.subList(0, 4));
  }

  @Test
  void aThrowingPreProcessorBlocksTheActionWithItsMessage() throws Exception {
    app =
        TestApps.start(
            p ->
                p.action(traced(ActionDefinition.named("work")))
                    .actionMiddleware(
                        middleware(
                            "blocker",
                            true,
                            100,
                            ctx -> {
                              throw new ActionheroException("BLOCKED");
                            },
                            nothing())));

    Map<String, Object> response = SpecHelper.of(app).runAction("work", Map.of());

    assertEquals("BLOCKED", response.get("error"));
    assertEquals(0, runs.get());
  }

  @Test
  void aPreProcessorThatSetsAnErrorStopsTheChainAndTheAction() throws Exception {
    app =
        TestApps.start(
            p ->
                p.action(traced(ActionDefinition.named("work")))
                    .actionMiddleware(
                        middleware("refuse", true, 1, ctx -> ctx.response().put("error", "refused"), nothing()))
                    .actionMiddleware(tracing("later", true, 2)));

    Map<String, Object> response = SpecHelper.of(app).runAction("work", Map.of());

    assertEquals("refused", response.get("error"));
    assertEquals(List.of(), trace);
  }

  @Test
  void aPreProcessorMaySupplyParamsBeforeValidation() throws Exception {
    app =
        TestApps.start(
            p ->
                p.action(
                        action(
                            ActionDefinition.named("whoami").input(Input.named("user").required()),
                            ctx -> Map.of("user", ctx.params().get("user"))))
                    .actionMiddleware(
                        middleware("auth", true, 100, ctx -> ctx.params().put("user", "alice"), nothing())));

    assertEquals("alice", SpecHelper.of(app).runAction("whoami", Map.of()).get("user"));
  }

  @Test
  void aPostProcessorCanRewriteTheResponse() throws Exception {
    app =
        TestApps.start(
            p ->
                p.action(traced(ActionDefinition.named("work")))
                    .actionMiddleware(
                        middleware(
                            "rewrite",
                            true,
                            100,
                            nothing(),
                            ctx -> {
                              ctx.response().remove("ran");
                              ctx.response().put("rewritten", true);
                            })));

    assertEquals(Map.of("rewritten", true), SpecHelper.of(app).runAction("work", Map.of()));
  }

  @Test
  void aThrowingPostProcessorFailsTheActionButKeepsItsOutput() throws Exception {
    app =
        TestApps.start(
            p ->
                p.action(traced(ActionDefinition.named("work")))
                    .actionMiddleware(
                        middleware(
                            "late",
                            true,
                            100,
                            nothing(),
                            ctx -> {
                              throw new ActionheroException("too late");
                            })));

    Map<String, Object> response = SpecHelper.of(app).runAction("work", Map.of());

    assertEquals("too late", response.get("error"));
    assertEquals(true, response.get("ran"));
  }

  @Test
  void aPostProcessorCanSuppressTheReply() throws Exception {
    app =
        TestApps.start(
            p ->
                p.action(traced(ActionDefinition.named("work")))
                    .actionMiddleware(middleware("silent", true, 100, nothing(), ctx -> ctx.setToRender(false))));

    assertEquals(false, SpecHelper.of(app).connection().result("work", Map.of()).toRender());
  }

  @Test
  void anActionNamingUnregisteredMiddlewareFailsTheStartNamingBoth() {
    Exception e =
        assertThrows(
            Exception.class,
            () -> TestApps.start(p -> p.action(traced(ActionDefinition.named("guarded").middleware("ghost")))));

    assertTrue(e.getMessage().contains("'guarded'"), e.getMessage());
    assertTrue(e.getMessage().contains("'ghost'"), e.getMessage());
  }

  @Test
  void twoActionMiddlewareOfOneNameAreRefusedAtStart() {
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                TestApps.start(
                    p -> p.actionMiddleware(tracing("twice", true, 1)).actionMiddleware(tracing("twice", false, 2))));

    assertTrue(e.getMessage().contains("'twice'"), e.getMessage());
  }

  @Test
  void middlewareSeesTheResolvedActionDefinition() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    app =
        TestApps.start(
            p ->
                p.action(traced(ActionDefinition.named("work").version(3)))
                    .actionMiddleware(
                        middleware(
                            "look",
                            true,
                            100,
                            ctx -> seen.add(ctx.definition().map(d -> d.name() + " v" + d.version()).orElse("none")),
                            nothing())));

    SpecHelper.of(app).runAction("work", Map.of());

    assertEquals(List.of("work v3"), seen);
  }
}

package org.actionhero4j.testing;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Connection;
import org.actionhero4j.Input;
import org.actionhero4j.TestApps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpecHelperTest {

  private Actionhero app;
  private SpecHelper spec;
  private final CountDownLatch gate = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    app =
        TestApps.start(
            p ->
                p.action(
                        TestApps.action(
                            ActionDefinition.named("whoami").input(Input.named("name")),
                            ctx -> {
                              Object visits = ctx.session().merge("visits", 1, (a, b) -> (int) a + (int) b);
                              return Map.of(
                                  "connectionId", ctx.connection().id(),
                                  "type", ctx.connection().type(),
                                  "visits", visits,
                                  "thread", Thread.currentThread().getName());
                            }))
                    .action(
                        TestApps.action(
                            ActionDefinition.named("gated"),
                            ctx -> {
                              if (!gate.await(5, SECONDS)) {
                                throw new IllegalStateException("gate never opened");
                              }
                              return Map.of("opened", true);
                            })));
    spec = SpecHelper.of(app);
  }

  @AfterEach
  void stop() {
    gate.countDown();
    TestApps.stop(app);
  }

  @Test
  void runActionAnswersOnAFreshTestConnectionThatIsDestroyedAfterwards() {
    Map<String, Object> first = spec.runAction("whoami", Map.of());
    Map<String, Object> second = spec.runAction("whoami", Map.of());

    assertEquals(Connection.TEST, first.get("type"));
    assertNotEquals(first.get("connectionId"), second.get("connectionId"));
    assertEquals(1, second.get("visits"), "no session is shared between runAction calls");
    assertTrue(app.connections().local().isEmpty());
  }

  @Test
  void runActionReportsErrorsInTheResponseInsteadOfThrowing() {
    assertEquals("unknown action or invalid apiVersion", spec.runAction("nope", Map.of()).get("error"));
  }

  @Test
  void aTestConnectionRunsActionsOnTheCallersThreadAndKeepsItsSession() {
    TestConnection c = spec.connection();

    c.runAction("whoami", Map.of());
    Map<String, Object> second = c.runAction("whoami", Map.of());

    assertEquals(2, second.get("visits"));
    assertEquals(c.id(), second.get("connectionId"));
    assertEquals(Thread.currentThread().getName(), second.get("thread"));
  }

  @Test
  void submitActionRunsOnTheWorkerPoolWithoutWaiting() throws Exception {
    TestConnection c = spec.connection();

    CompletableFuture<Map<String, Object>> pending = c.submitAction("gated", Map.of());

    assertFalse(pending.isDone());
    gate.countDown();
    assertEquals(Map.of("opened", true), pending.get(5, SECONDS));
  }

  @Test
  void connectionsMayChooseTheirTypeAndFingerprint() {
    TestConnection socket = spec.connection(Connection.WEBSOCKET, "fp-socket");

    assertEquals(Connection.WEBSOCKET, socket.connection().type());
    assertEquals("fp-socket", socket.connection().fingerprint());
    assertTrue(app.connections().local(socket.id()).isPresent());
  }

  @Test
  void aConnectionWithoutChosenFingerprintUsesItsIdAsFingerprint() {
    TestConnection c = spec.connection();

    assertEquals(c.id(), c.connection().fingerprint());
    assertEquals(Connection.TEST, c.connection().type());
  }

  @Test
  void aTestConnectionRecordsEveryMessageInOrder() {
    TestConnection c = spec.connection();

    c.connection().send(Map.of("n", 1));
    c.connection().send(Map.of("n", 2));

    assertEquals(List.of(1, 2), c.messages().stream().map(m -> m.get("n")).toList());
  }

  @Test
  void awaitMessageFindsAMessageAlreadyReceived() throws Exception {
    TestConnection c = spec.connection();
    c.connection().send(Map.of("n", 1));

    assertEquals(1, c.awaitMessage(m -> m.containsKey("n"), Duration.ofSeconds(5)).get("n"));
  }

  @Test
  void awaitMessageWaitsForAMessageSentLaterFromAnotherThread() throws Exception {
    TestConnection c = spec.connection();
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Map<String, Object>> awaited =
        CompletableFuture.supplyAsync(
            () -> {
              waiting.countDown();
              try {
                return c.awaitMessage(m -> "later".equals(m.get("when")), Duration.ofSeconds(5));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertTrue(waiting.await(5, SECONDS));

    c.connection().send(Map.of("when", "sooner"));
    c.connection().send(Map.of("when", "later"));

    assertEquals("later", awaited.get(5, SECONDS).get("when"));
  }

  @Test
  void awaitMessageFailsAfterTheTimeoutListingWhatArrived() {
    TestConnection c = spec.connection();
    c.connection().send(Map.of("other", true));

    AssertionError e =
        assertThrows(
            AssertionError.class, () -> c.awaitMessage(m -> m.containsKey("never"), Duration.ofMillis(20)));

    assertTrue(e.getMessage().contains("other"), e.getMessage());
  }

  @Test
  void aDestroyedTestConnectionReportsItEnded() {
    TestConnection c = spec.connection();
    assertFalse(c.ended());

    c.destroy();

    assertTrue(c.ended());
    assertFalse(c.endedForReconnect());
  }

  @Test
  void resultExposesTheWholeRun() {
    var run = spec.connection().result("whoami", Map.of("name", "x"));

    assertEquals("whoami", run.params().get("action"));
    assertEquals("x", run.params().get("name"));
    assertEquals(200, run.httpStatus());
    assertTrue(run.toRender());
  }
}

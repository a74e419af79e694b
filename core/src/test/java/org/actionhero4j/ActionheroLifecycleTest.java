package org.actionhero4j;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionheroLifecycleTest {

  private Actionhero app;
  private final CountDownLatch gate = new CountDownLatch(1);
  private final List<String> trace = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    gate.countDown();
    TestApps.stop(app);
  }

  private Initializer initializer(String name, int startPriority, int stopPriority) {
    return new Initializer() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int startPriority() {
        return startPriority;
      }

      @Override
      public int stopPriority() {
        return stopPriority;
      }

      @Override
      public void start() {
        trace.add("start " + name);
      }

      @Override
      public void stop() {
        trace.add("stop " + name);
      }
    };
  }

  @Test
  void anActionInFlightFinishesDuringStopWhileANewOneGetsShuttingDown() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    List<Boolean> finishedWhenInitializerStopped = new CopyOnWriteArrayList<>();
    app =
        TestApps.start(
            p ->
                p.action(
                        TestApps.action(
                            ActionDefinition.named("slow"),
                            ctx -> {
                              inside.countDown();
                              if (!gate.await(5, SECONDS)) {
                                throw new IllegalStateException("gate never opened");
                              }
                              finished.set(true);
                              return Map.of("done", true);
                            }))
                    .action(TestApps.echo(ActionDefinition.named("fast")))
                    .initializer(
                        new Initializer() {
                          @Override
                          public String name() {
                            return "observer";
                          }

                          @Override
                          public void stop() {
                            finishedWhenInitializerStopped.add(finished.get());
                          }
                        }));
    SpecHelper spec = SpecHelper.of(app);
    TestConnection busy = spec.connection();
    TestConnection late = spec.connection();
    CompletableFuture<Map<String, Object>> inFlight = busy.submitAction("slow", Map.of());
    assertTrue(inside.await(5, SECONDS));

    Thread stopper = new Thread(app::stop, "test-stopper");
    stopper.start();
    TestApps.awaitTrue(() -> app.shuttingDown(), Duration.ofSeconds(5), "stop to begin");

    assertEquals("the server is shutting down", late.runAction("fast", Map.of()).get("error"));
    assertTrue(stopper.isAlive(), "stop waits for the action in flight");
    assertFalse(inFlight.isDone());
    gate.countDown();

    assertEquals(Map.of("done", true), inFlight.get(5, SECONDS));
    stopper.join(5_000);
    assertFalse(stopper.isAlive(), "stop returned once the action finished");
    assertEquals(List.of(true), finishedWhenInitializerStopped);
  }

  @Test
  void stopIsIdempotent() throws Exception {
    app = TestApps.start(p -> p.initializer(initializer("once", 1, 1)));

    app.stop();
    app.stop();
    app.close();

    assertEquals(List.of("start once", "stop once"), trace);
    assertTrue(app.shuttingDown());
  }

  @Test
  void awaitStopReturnsOnceStopped() throws Exception {
    app = TestApps.start(p -> {});
    CompletableFuture<Void> waiting =
        CompletableFuture.runAsync(
            () -> {
              try {
                app.awaitStop();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    app.stop();

    assertNull(waiting.get(5, SECONDS));
  }

  @Test
  void initializersStartAndStopInTheirPriorityOrder() throws Exception {
    app =
        TestApps.start(
            p ->
                p.initializer(initializer("b", 20, 1))
                    .initializer(initializer("a", 10, 3))
                    .initializer(initializer("c", 30, 2)));
    assertEquals(List.of("start a", "start b", "start c"), trace);

    app.stop();

    assertEquals(List.of("start a", "start b", "start c", "stop b", "stop c", "stop a"), trace);
  }

  @Test
  void aFailingInitializerFailsTheStartAndStopsThoseAlreadyStarted() {
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                TestApps.start(
                    p ->
                        p.initializer(initializer("good", 1, 1))
                            .initializer(
                                new Initializer() {
                                  @Override
                                  public String name() {
                                    return "bad";
                                  }

                                  @Override
                                  public int startPriority() {
                                    return 2;
                                  }

                                  @Override
                                  public void start() {
                                    throw new IllegalStateException("cannot reach the database");
                                  }
                                })));

    assertEquals("cannot reach the database", e.getMessage());
    assertEquals(List.of("start good", "stop good"), trace);
  }

  @Test
  void connectionsEndAskingClientsToReconnectWhenTheServerStops() throws Exception {
    app = TestApps.start(p -> {});
    app.chatRooms().add("lobby");
    TestConnection c = SpecHelper.of(app).connection();
    c.verb("roomAdd", "lobby");

    app.stop();

    assertTrue(c.ended());
    assertTrue(c.endedForReconnect());
    assertTrue(c.connection().destroyed());
    assertTrue(app.connections().local().isEmpty());
  }

  @Test
  void destroyClientsOnShutdownEndsConnectionsForGood() throws Exception {
    app = TestApps.builder(p -> {}).set("websocket.destroyClientsOnShutdown", true).start();
    TestConnection c = SpecHelper.of(app).connection();

    app.stop();

    assertTrue(c.ended());
    assertFalse(c.endedForReconnect());
  }

  @Test
  void theNodeIdComesFromConfigOrIsGenerated() throws Exception {
    app = TestApps.builder(p -> {}).set("general.id", "node-7").start();
    assertEquals("node-7", app.id());
    app.stop();

    app = TestApps.start(p -> {});
    assertFalse(app.id().isBlank());
  }
}

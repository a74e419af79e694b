package org.actionhero4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Connection;
import org.actionhero4j.ConnectionMiddleware;
import org.actionhero4j.TestApps;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionMiddlewareTest {

  private Actionhero app;
  private final List<String> trace = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    TestApps.stop(app);
  }

  private interface Hook {
    void run(Connection c) throws Exception;
  }

  private static ConnectionMiddleware middleware(String name, int priority, Hook create, Hook destroy) {
    return new ConnectionMiddleware() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int priority() {
        return priority;
      }

      @Override
      public void create(Connection connection) throws Exception {
        create.run(connection);
      }

      @Override
      public void destroy(Connection connection) throws Exception {
        destroy.run(connection);
      }
    };
  }

  @Test
  void createRunsBeforeTheConnectionIsRegisteredAndUsable() throws Exception {
    List<Boolean> registeredDuringCreate = new CopyOnWriteArrayList<>();
    Actionhero[] self = new Actionhero[1];
    app =
        TestApps.start(
            p ->
                p.connectionMiddleware(
                    middleware(
                        "watch",
                        100,
                        c -> registeredDuringCreate.add(self[0].connections().local(c.id()).isPresent()),
                        c -> {})));
    self[0] = app;

    TestConnection c = SpecHelper.of(app).connection();

    assertEquals(List.of(false), registeredDuringCreate);
    assertTrue(app.connections().local(c.id()).isPresent());
  }

  @Test
  void aThrowingCreateRefusesTheConnection() throws Exception {
    app =
        TestApps.start(
            p ->
                p.connectionMiddleware(
                    middleware(
                        "gatekeeper",
                        100,
                        c -> {
                          throw new IllegalStateException("no entry");
                        },
                        c -> {})));

    Exception e = assertThrows(Exception.class, () -> SpecHelper.of(app).connection());

    assertTrue(e.getMessage().contains("no entry"), e.getMessage());
    assertTrue(app.connections().local().isEmpty());
  }

  @Test
  void createAndDestroyHooksRunInPriorityOrder() throws Exception {
    app =
        TestApps.start(
            p ->
                p.connectionMiddleware(middleware("late", 200, c -> trace.add("create late"), c -> trace.add("destroy late")))
                    .connectionMiddleware(middleware("early", 10, c -> trace.add("create early"), c -> trace.add("destroy early"))));

    SpecHelper.of(app).connection().destroy();

    assertEquals(List.of("create early", "create late", "destroy early", "destroy late"), trace);
  }

  @Test
  void destroyRunsWhileTheConnectionIsStillInItsRooms() throws Exception {
    List<List<String>> roomsSeenInDestroy = new CopyOnWriteArrayList<>();
    app =
        TestApps.start(
            p -> p.connectionMiddleware(middleware("audit", 100, c -> {}, c -> roomsSeenInDestroy.add(c.rooms()))));
    app.chatRooms().add("lobby");
    app.chatRooms().add("games");
    TestConnection c = SpecHelper.of(app).connection();
    c.verb("roomAdd", "lobby");
    c.verb("roomAdd", "games");

    c.destroy();

    assertEquals(List.of(List.of("lobby", "games")), roomsSeenInDestroy);
    assertEquals(List.of(), c.connection().rooms());
    assertEquals(0, app.chatRooms().status("lobby").membersCount());
    assertFalse(app.connections().local(c.id()).isPresent());
  }

  @Test
  void aThrowingDestroyHookDoesNotKeepTheConnectionAlive() throws Exception {
    app =
        TestApps.start(
            p ->
                p.connectionMiddleware(
                    middleware(
                        "clumsy",
                        100,
                        c -> {},
                        c -> {
                          throw new IllegalStateException("oops");
                        })));
    app.chatRooms().add("lobby");
    TestConnection c = SpecHelper.of(app).connection();
    c.verb("roomAdd", "lobby");

    c.destroy();

    assertTrue(c.ended());
    assertTrue(c.connection().destroyed());
    assertEquals(0, app.chatRooms().status("lobby").membersCount());
  }

  @Test
  void destroyRunsOnceHoweverOftenAConnectionIsDestroyed() throws Exception {
    app = TestApps.start(p -> p.connectionMiddleware(middleware("count", 100, c -> {}, c -> trace.add("destroy"))));
    TestConnection c = SpecHelper.of(app).connection();

    c.destroy();
    c.destroy();
    app.connections().local(c.id()).ifPresent(Connection::destroy);

    assertEquals(List.of("destroy"), trace);
  }
}

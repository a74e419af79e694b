package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.actionhero4j.Actionhero;
import org.actionhero4j.testing.ActionResult;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GreetTest {

  private Actionhero app;
  private SpecHelper spec;

  @BeforeEach
  void start() throws Exception {
    app = Actionhero.builder()
        .noConfigDirectory()
        .environmentVariables(Map.of())
        .set("web.enabled", false)
        .start();
    spec = SpecHelper.of(app);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void greetsByNameAsOftenAsAskedAndSaysHowLongItTook() {
    Map<String, Object> response = spec.runAction("greet", Map.of("name", "Ada", "times", 2));

    assertEquals("Hello, Ada! Hello, Ada!", response.get("greeting"));
    assertTrue(response.containsKey("tookMicros"));
  }

  @Test
  void refusesTooManyTimesWith422() {
    ActionResult run = spec.connection().result("greet", Map.of("name", "Ada", "times", 9));

    assertEquals(422, run.httpStatus());
    assertEquals("times must be 1 to 5", run.error().orElseThrow());
  }

  @Test
  void membersOfARoomHearEachOther() throws Exception {
    app.chatRooms().add("lobby");
    TestConnection alice = spec.connection();
    TestConnection bob = spec.connection();
    alice.verb("roomAdd", "lobby");
    bob.verb("roomAdd", "lobby");

    alice.verb("say", "lobby", "hi bob");

    Map<String, Object> heard = bob.awaitMessage(m -> "hi bob".equals(m.get("message")), Duration.ofSeconds(5));
    assertEquals(alice.id(), heard.get("from"));
  }
}

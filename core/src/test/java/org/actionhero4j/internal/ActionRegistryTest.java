package org.actionhero4j.internal;

import static org.actionhero4j.TestApps.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Input;
import org.actionhero4j.TestApps;
import org.actionhero4j.ActionVersion;
import org.actionhero4j.testing.ActionResult;
import org.actionhero4j.testing.SpecHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionRegistryTest {

  private Actionhero app;

  @AfterEach
  void stop() {
    TestApps.stop(app);
  }

  private static org.actionhero4j.Action versioned(String name, Object version) {
    ActionDefinition.Builder d = ActionDefinition.named(name);
    if (version instanceof Integer i) {
      d.version(i);
    } else if (version instanceof Double x) {
      d.version(x);
    } else {
      d.version((String) version);
    }
    return action(d, ctx -> Map.of("servedBy", version));
  }

  @Test
  void versionsOfOneActionCoexistAndEachServesRequestsNamingIt() throws Exception {
    app = TestApps.start(p -> p.action(versioned("greet", 1)).action(versioned("greet", 2)));
    SpecHelper spec = SpecHelper.of(app);

    assertEquals(1, spec.runAction("greet", Map.of("apiVersion", 1)).get("servedBy"));
    assertEquals(2, spec.runAction("greet", Map.of("apiVersion", 2)).get("servedBy"));
  }

  @Test
  void versionTenIsNewerThanVersionTwo() throws Exception {
    app = TestApps.start(p -> p.action(versioned("greet", 10)).action(versioned("greet", 2)));

    assertEquals(10, SpecHelper.of(app).runAction("greet", Map.of()).get("servedBy"));
  }

  @Test
  void newestVersionServesRequestsWithoutApiVersionAndIsWrittenBackIntoParams() throws Exception {
    app =
        TestApps.start(
            p -> p.action(versioned("greet", 1)).action(versioned("greet", 3)).action(versioned("greet", 2)));

    ActionResult run = SpecHelper.of(app).connection().result("greet", Map.of());

    assertEquals(3, run.response().get("servedBy"));
    assertEquals(3, run.params().get("apiVersion"));
  }

  @Test
  void aStringApiVersionSelectsTheNumericVersionOfTheSameValue() throws Exception {
    app = TestApps.start(p -> p.action(versioned("greet", 1)).action(versioned("greet", 2)));

    assertEquals(1, SpecHelper.of(app).runAction("greet", Map.of("apiVersion", "1")).get("servedBy"));
  }

  @Test
  void anUnknownApiVersionIsAnUnknownAction() throws Exception {
    app = TestApps.start(p -> p.action(versioned("greet", 1)));

    assertEquals(
        "unknown action or invalid apiVersion",
        SpecHelper.of(app).runAction("greet", Map.of("apiVersion", 7)).get("error"));
  }

  @Test
  void decimalVersionsCompareAsNumbersSoOnePointNineIsNewerThanOnePointTen() {
    // "1.10" is the number 1.1: versions are numbers, not dotted release names
    assertTrue(ActionVersion.of("1.9").compareTo(ActionVersion.of("1.10")) > 0);
    assertTrue(ActionVersion.of(10).compareTo(ActionVersion.of(2)) > 0);
    assertTrue(ActionVersion.of("10").compareTo(ActionVersion.of(9.5)) > 0);
    assertEquals(ActionVersion.of("2"), ActionVersion.of(2));
  }

  @Test
  void numericVersionsSortBeforeNamedOnesAndNamedOnesSortLexically() {
    assertTrue(ActionVersion.of(100).compareTo(ActionVersion.of("beta")) < 0);
    assertTrue(ActionVersion.of("alpha").compareTo(ActionVersion.of("beta")) < 0);
  }

  @Test
  void theNewestOfStringDecimalVersionsIsTheLargestNumber() throws Exception {
    app = TestApps.start(p -> p.action(versioned("greet", "1.9")).action(versioned("greet", "1.10")));

    assertEquals("1.9", SpecHelper.of(app).runAction("greet", Map.of()).get("servedBy"));
  }

  @Test
  void twoVersionsOfEqualNumericValueAreRefusedAsADuplicate() {
    Exception e =
        assertThrows(
            Exception.class,
            () -> TestApps.start(p -> p.action(versioned("greet", "1.1")).action(versioned("greet", "1.10"))));

    assertTrue(e.getMessage().contains("'greet'"), e.getMessage());
    assertTrue(e.getMessage().contains("registered twice"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"roomAdd", "say", "quit", "paramAdd", "detailsView", "documentation"})
  void anActionNamedLikeAConnectionVerbIsRefusedAtStartWithItsName(String verb) {
    Exception e =
        assertThrows(
            Exception.class, () -> TestApps.start(p -> p.action(TestApps.echo(ActionDefinition.named(verb)))));

    assertTrue(e.getMessage().contains("'" + verb + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("connection verb"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"apiVersion", "file", "callback", "action", "messageId"})
  void anInputNamedLikeAGloballySafeParamIsRefusedAtStart(String input) {
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                TestApps.start(
                    p -> p.action(TestApps.echo(ActionDefinition.named("upload").input(Input.named(input))))));

    assertTrue(e.getMessage().contains("'upload'"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + input + "'"), e.getMessage());
  }
}

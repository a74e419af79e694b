package org.actionhero4j.internal;

import static org.actionhero4j.TestApps.echo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Input;
import org.actionhero4j.TestApps;
import org.actionhero4j.Validator;
import org.actionhero4j.testing.ActionResult;
import org.actionhero4j.testing.SpecHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionInputsTest {

  private Actionhero app;

  @AfterEach
  void stop() {
    TestApps.stop(app);
  }

  private SpecHelper start(Input.Builder... inputs) throws Exception {
    ActionDefinition.Builder d = ActionDefinition.named("check");
    for (Input.Builder i : inputs) {
      d.input(i);
    }
    app = TestApps.start(p -> p.action(echo(d)));
    return SpecHelper.of(app);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(Map<String, Object> response) {
    return (Map<String, Object>) response.get("params");
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void aMissingRequiredInputFailsWithItsName() throws Exception {
    SpecHelper spec = start(Input.named("name").required());

    assertEquals(
        "name is a required parameter for this action", spec.runAction("check", Map.of()).get("error"));
  }

  @Test
  void anEmptyStringCountsAsMissingForARequiredInput() throws Exception {
    SpecHelper spec = start(Input.named("name").required());

    assertEquals(
        "name is a required parameter for this action",
        spec.runAction("check", Map.of("name", "")).get("error"));
  }

  @Test
  void anExplicitNullCountsAsMissingForARequiredInput() throws Exception {
    SpecHelper spec = start(Input.named("name").required());

    assertEquals(
        "name is a required parameter for this action",
        spec.runAction("check", map("name", null)).get("error"));
  }

  @Test
  void onlyTheFirstMissingParamInDeclarationOrderIsReported() throws Exception {
    SpecHelper spec =
        start(Input.named("first").required(), Input.named("second").required(), Input.named("third").required());

    assertEquals(
        "first is a required parameter for this action", spec.runAction("check", Map.of()).get("error"));
    assertEquals(
        "second is a required parameter for this action",
        spec.runAction("check", Map.of("first", 1)).get("error"));
  }

  @Test
  void aDefaultValueFillsAnAbsentInputButNotAGivenOne() throws Exception {
    SpecHelper spec = start(Input.named("greeting").required().defaultValue("hello"));

    assertEquals("hello", params(spec.runAction("check", Map.of())).get("greeting"));
    assertEquals("hi", params(spec.runAction("check", Map.of("greeting", "hi"))).get("greeting"));
  }

  @Test
  void aDefaultSupplierIsCalledForEachRequestThatSendsNone() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    SpecHelper spec = start(Input.named("n").defaultFrom(calls::incrementAndGet));

    assertEquals(1, params(spec.runAction("check", Map.of())).get("n"));
    assertEquals(2, params(spec.runAction("check", Map.of())).get("n"));
    assertEquals(7, params(spec.runAction("check", Map.of("n", 7))).get("n"));
    assertEquals(2, calls.get());
  }

  @Test
  void formattersRunInTheOrderAddedAndAlsoOnDefaults() throws Exception {
    SpecHelper spec =
        start(
            Input.named("word")
                .defaultValue("d")
                .formatter((v, ctx) -> v + "-a")
                .formatter((v, ctx) -> v + "-b"));

    assertEquals("x-a-b", params(spec.runAction("check", Map.of("word", "x"))).get("word"));
    assertEquals("d-a-b", params(spec.runAction("check", Map.of())).get("word"));
  }

  @Test
  void aFormatterCanChangeTheTypeTheActionSees() throws Exception {
    SpecHelper spec = start(Input.named("count").formatter((v, ctx) -> Integer.parseInt(v.toString())));

    assertEquals(42, params(spec.runAction("check", Map.of("count", "42"))).get("count"));
  }

  @Test
  void aFormatterThrowingAnActionheroExceptionFailsWithItsMessage() throws Exception {
    SpecHelper spec =
        start(
            Input.named("number")
                .formatter(
                    (v, ctx) -> {
                      throw new ActionheroException("Failed formatting number correctly!");
                    }));

    assertEquals(
        "Failed formatting number correctly!",
        spec.runAction("check", Map.of("number", 123)).get("error"));
  }

  @Test
  void aFormatterThrowingAnythingElseFailsWith422NamingTheInputAndNoJavaText() throws Exception {
    SpecHelper spec = start(Input.named("times").formatter((v, ctx) -> Integer.parseInt(v.toString())));

    ActionResult run = spec.connection().result("check", Map.of("times", "abc"));

    assertEquals(Optional.of("Input for parameter \"times\" failed validation!"), run.error());
    assertEquals(422, run.httpStatus());
  }

  @Test
  void aTypedInputConvertsAndRefusesWhatItCannotConvertWith422() throws Exception {
    SpecHelper spec = start(Input.named("times").asInteger().validate(t -> t >= 1 && t <= 5, "times must be 1 to 5"));

    assertEquals(3, params(spec.runAction("check", Map.of("times", "3"))).get("times"));
    ActionResult notANumber = spec.connection().result("check", Map.of("times", "abc"));
    assertEquals(Optional.of("times must be an integer"), notANumber.error());
    assertEquals(422, notANumber.httpStatus());
    ActionResult outOfRange = spec.connection().result("check", Map.of("times", 9));
    assertEquals(Optional.of("times must be 1 to 5"), outOfRange.error());
    assertEquals(422, outOfRange.httpStatus());
  }

  enum Colour { RED, GREEN }

  @Test
  void typedInputsCoverLongsDoublesBooleansEnumsListsAndObjects() throws Exception {
    SpecHelper spec =
        start(
            Input.named("big").asLong(),
            Input.named("ratio").asDouble(),
            Input.named("flag").asBoolean(),
            Input.named("colour").asEnum(Colour.class),
            Input.named("tags").asStringList(),
            Input.named("point").asObject(Input.named("x").asInteger().required().build()));

    Map<String, Object> seen =
        params(
            spec.runAction(
                "check",
                Map.of(
                    "big", "9007199254740993",
                    "ratio", "0.5",
                    "flag", "true",
                    "colour", "green",
                    "tags", "a, b",
                    "point", Map.of("x", "4"))));

    assertEquals(9007199254740993L, seen.get("big"));
    assertEquals(0.5, seen.get("ratio"));
    assertEquals(true, seen.get("flag"));
    assertEquals("GREEN", seen.get("colour"));
    assertEquals(List.of("a", "b"), seen.get("tags"));
    assertEquals(Map.of("x", 4), seen.get("point"));
    assertEquals(
        "colour must be one of RED, GREEN",
        spec.runAction("check", Map.of("colour", "blue")).get("error"));
    assertEquals(
        "point.x is a required parameter for this action",
        spec.runAction("check", Map.of("point", Map.of())).get("error"));
    assertEquals("flag must be true or false", spec.runAction("check", Map.of("flag", "yes")).get("error"));
  }

  @Test
  void aValidatorReturningFalseFailsWithTheStandardText() throws Exception {
    SpecHelper spec = start(Input.named("x").validator(Validator.that(v -> false)));

    assertEquals(
        "Input for parameter \"x\" failed validation!", spec.runAction("check", Map.of("x", 1)).get("error"));
  }

  @Test
  void aValidatorReturningAStringFailsWithThatString() throws Exception {
    SpecHelper spec =
        start(Input.named("key").validator(Validator.of(v -> v.toString().length() >= 3, "inputs should be at least 3 letters long")));

    assertEquals(
        "inputs should be at least 3 letters long", spec.runAction("check", Map.of("key", "ab")).get("error"));
    assertNull(spec.runAction("check", Map.of("key", "abc")).get("error"));
  }

  @Test
  void aValidatorThrowingAnActionheroExceptionFailsWithItsMessage() throws Exception {
    SpecHelper spec =
        start(
            Input.named("number")
                .validator(
                    (v, ctx) -> {
                      throw new ActionheroException("Param number is not a valid number!");
                    }));

    assertEquals(
        "Param number is not a valid number!", spec.runAction("check", Map.of("number", 5)).get("error"));
  }

  @Test
  void validatorsRunInOrderSeeTheFormattedValueAndTheFirstErrorWins() throws Exception {
    List<Object> seen = new ArrayList<>();
    SpecHelper spec =
        start(
            Input.named("x")
                .formatter((v, ctx) -> v + "!")
                .validator((v, ctx) -> {
                  seen.add("one:" + v);
                  return Optional.empty();
                })
                .validator((v, ctx) -> Optional.of("second says no"))
                .validator(
                    (v, ctx) -> {
                      seen.add("three");
                      return Optional.of("third says no");
                    }));

    assertEquals("second says no", spec.runAction("check", Map.of("x", "v")).get("error"));
    assertEquals(List.of("one:v!"), seen);
  }

  @Test
  void validatorsAreNotCalledForAnAbsentValue() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    SpecHelper spec =
        start(
            Input.named("x")
                .validator(
                    (v, ctx) -> {
                      calls.incrementAndGet();
                      return Optional.of("no");
                    }));

    assertNull(spec.runAction("check", Map.of()).get("error"));
    assertEquals(0, calls.get());
  }

  @Test
  void aValidatorReturningNullDoesNotSkipTheRequiredCheck() throws Exception {
    SpecHelper spec = start(Input.named("x").required().validator((v, ctx) -> Optional.empty()));

    assertEquals("x is a required parameter for this action", spec.runAction("check", Map.of("x", "")).get("error"));
    assertNull(spec.runAction("check", Map.of("x", "ok")).get("error"));
  }

  @Test
  void aValidatorReturningTrueDoesNotSkipTheRequiredCheck() throws Exception {
    SpecHelper spec = start(Input.named("x").required().validator((v, ctx) -> Optional.empty()));

    assertEquals("x is a required parameter for this action", spec.runAction("check", Map.of("x", "")).get("error"));
  }

  @Test
  void aMissingParamIsReportedBeforeAnotherParamsValidatorError() throws Exception {
    SpecHelper spec =
        start(Input.named("bad").validator(Validator.that(v -> false)), Input.named("needed").required());

    assertEquals(
        "needed is a required parameter for this action",
        spec.runAction("check", Map.of("bad", 1)).get("error"));
  }

  @Test
  void aMissingKeyOfANestedSchemaIsReportedAsParentDotChild() throws Exception {
    SpecHelper spec =
        start(
            Input.named("address")
                .required()
                .schema(Input.named("street").build(), Input.named("city").required().build()));

    assertEquals(
        "address.city is a required parameter for this action",
        spec.runAction("check", Map.of("address", Map.of("street", "Main St"))).get("error"));
    assertEquals(
        "address is a required parameter for this action", spec.runAction("check", Map.of()).get("error"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void nestedSchemaKeysGetTheirDefaultsFormattersAndValidators() throws Exception {
    SpecHelper spec =
        start(
            Input.named("address")
                .schema(
                    Input.named("city").formatter((v, ctx) -> v.toString().toUpperCase()).build(),
                    Input.named("country").defaultValue("FR").build(),
                    Input.named("zip").validator(Validator.that(v -> v.toString().length() == 5)).build()));

    Map<String, Object> address =
        (Map<String, Object>) params(spec.runAction("check", Map.of("address", Map.of("city", "paris")))).get("address");
    assertEquals(Map.of("city", "PARIS", "country", "FR"), address);

    assertEquals(
        "Input for parameter \"address.zip\" failed validation!",
        spec.runAction("check", Map.of("address", Map.of("zip", "1"))).get("error"));
  }

  @Test
  void paramsAreReadOnlyWhileTheActionRuns() throws Exception {
    app =
        TestApps.start(
            p ->
                p.action(
                    TestApps.action(
                        ActionDefinition.named("mutate").input(Input.named("x")),
                        ctx -> {
                          ctx.params().put("x", "changed");
                          return Map.of();
                        })));

    Map<String, Object> response = SpecHelper.of(app).runAction("mutate", Map.of("x", "original"));

    assertNotNull(response.get("error"), "writing params during run must fail");
  }
}

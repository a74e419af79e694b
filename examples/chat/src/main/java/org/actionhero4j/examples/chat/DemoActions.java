package org.actionhero4j.examples.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Input;
import org.actionhero4j.Validator;

/** Actionhero's classic demo actions. */
final class DemoActions {

  private DemoActions() {}

  /** {@code randomNumber}: a random number, plain and in a sentence. */
  static final class RandomNumber implements Action {
    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("randomNumber")
          .description("I am an API method which will generate a random number")
          .outputExample(Map.of("randomNumber", 0.123, "stringRandomNumber", "Your random number is 0.123"))
          .build();
    }

    @Override
    public Map<String, Object> run(ActionContext ctx) {
      double n = ThreadLocalRandom.current().nextDouble();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("randomNumber", n);
      out.put("stringRandomNumber", "Your random number is " + n);
      return out;
    }
  }

  /** {@code sleepTest}: sleeps, then says for how long. */
  static final class SleepTest implements Action {
    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("sleepTest")
          .description("I will sleep and then return")
          .input(
              Input.named("sleepDuration")
                  .required()
                  .defaultValue(1000)
                  .formatter((value, ctx) -> Integer.parseInt(String.valueOf(value).trim()))
                  .validator(Validator.of(v -> (Integer) v >= 0 && (Integer) v <= 60_000, "sleepDuration must be 0 to 60000 ms")))
          .outputExample(Map.of("sleepStarted", 1, "sleepEnded", 1001, "sleepDelta", 1000, "sleepDuration", 1000))
          .build();
    }

    @Override
    public Map<String, Object> run(ActionContext ctx) throws InterruptedException {
      int duration = (Integer) ctx.params().get("sleepDuration");
      long started = System.currentTimeMillis();
      Thread.sleep(duration);
      long ended = System.currentTimeMillis();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("sleepStarted", started);
      out.put("sleepEnded", ended);
      out.put("sleepDelta", ended - started);
      out.put("sleepDuration", duration);
      return out;
    }
  }

  /** {@code echo}: returns the message it is sent. */
  static final class Echo implements Action {
    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("echo")
          .description("I echo the message you send")
          .input(Input.named("message").required())
          .outputExample(Map.of("message", "hello"))
          .build();
    }

    @Override
    public Map<String, Object> run(ActionContext ctx) {
      return Map.of("message", ctx.params().get("message"));
    }
  }
}

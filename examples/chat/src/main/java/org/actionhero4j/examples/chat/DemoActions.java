package org.actionhero4j.examples.chat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Input;

/** Actionhero's classic demo actions, written with typed inputs and record replies. */
final class DemoActions {

  private DemoActions() {}

  /** {@code randomNumber}: a random number, plain and in a sentence. */
  static final class RandomNumber implements Action {
    record Reply(double randomNumber, String stringRandomNumber) {}

    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("randomNumber")
          .description("I am an API method which will generate a random number")
          .outputExample(new Reply(0.123, "Your random number is 0.123"))
          .nonBlocking() // runs on the IO thread that read the request
          .build();
    }

    @Override
    public Reply run(ActionContext ctx) {
      double n = ThreadLocalRandom.current().nextDouble();
      return new Reply(n, "Your random number is " + n);
    }
  }

  /** {@code sleepTest}: sleeps, then says for how long. */
  static final class SleepTest implements Action {
    record Reply(long sleepStarted, long sleepEnded, long sleepDelta, int sleepDuration) {}

    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("sleepTest")
          .description("I will sleep and then return")
          .input(
              Input.named("sleepDuration")
                  .asInteger()
                  .required()
                  .defaultValue(1000)
                  .validate(ms -> ms >= 0 && ms <= 60_000, "sleepDuration must be 0 to 60000 ms"))
          .outputExample(new Reply(1, 1001, 1000, 1000))
          .build();
    }

    @Override
    public Reply run(ActionContext ctx) throws InterruptedException {
      int duration = ctx.param("sleepDuration", Integer.class);
      long started = System.currentTimeMillis();
      Thread.sleep(duration);
      long ended = System.currentTimeMillis();
      return new Reply(started, ended, ended - started, duration);
    }
  }

  /** {@code echo}: returns the message it is sent (any JSON value). */
  static final class Echo implements Action {
    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("echo")
          .description("I echo the message you send")
          .input(Input.named("message").required())
          .outputExample(Map.of("message", "hello"))
          .nonBlocking()
          .build();
    }

    @Override
    public Map<String, Object> run(ActionContext ctx) {
      return Map.of("message", ctx.params().get("message"));
    }
  }
}

package org.actionhero4j;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Starts isolated applications for tests: no config directory, no environment, no discovery. */
public final class TestApps {

  private TestApps() {}

  /** The body of a test action. */
  @FunctionalInterface
  public interface Body {
    Map<String, Object> run(ActionContext ctx) throws Exception;
  }

  /** A middleware hook. */
  @FunctionalInterface
  public interface Hook {
    void run(ActionContext ctx) throws Exception;
  }

  /** A builder with nothing from outside the test: no files, no env vars, no discovered plugins. */
  public static Actionhero.Builder builder(Consumer<PluginContext> registrations) {
    return Actionhero.builder()
        .noConfigDirectory()
        .environmentVariables(Map.of())
        .discoverPlugins(false)
        // core's tests have no transport; keep it that way even if one shows up on the classpath
        .set("web.enabled", false)
        .plugin(plugin("test", registrations));
  }

  public static Actionhero start(Consumer<PluginContext> registrations) throws Exception {
    return builder(registrations).start();
  }

  public static Plugin plugin(String name, Consumer<PluginContext> registrations) {
    return new Plugin() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void register(PluginContext context) {
        registrations.accept(context);
      }
    };
  }

  public static Action action(ActionDefinition.Builder definition, Body body) {
    ActionDefinition d = definition.build();
    return new Action() {
      @Override
      public ActionDefinition definition() {
        return d;
      }

      @Override
      public Map<String, Object> run(ActionContext ctx) throws Exception {
        return body.run(ctx);
      }
    };
  }

  /** An action that answers with the params it saw. */
  public static Action echo(ActionDefinition.Builder definition) {
    return action(definition, ctx -> Map.of("params", Map.copyOf(ctx.params())));
  }

  public static ActionMiddleware middleware(
      String name, boolean global, int priority, Hook pre, Hook post) {
    return new ActionMiddleware() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean global() {
        return global;
      }

      @Override
      public int priority() {
        return priority;
      }

      @Override
      public void preProcessor(ActionContext ctx) throws Exception {
        pre.run(ctx);
      }

      @Override
      public void postProcessor(ActionContext ctx) throws Exception {
        post.run(ctx);
      }
    };
  }

  public static Hook nothing() {
    return ctx -> {};
  }

  /**
   * Waits, without sleeping a fixed time, until a condition holds; fails after the timeout. For
   * states no callback announces (e.g. "stop() has begun").
   */
  public static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  /** Stops an app if it was started. */
  public static void stop(Actionhero app) {
    if (app != null) {
      app.stop();
    }
  }
}

package org.actionhero4j.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.actionhero4j.ActionMiddleware;
import org.actionhero4j.Input;
import org.actionhero4j.config.GeneralConfig;
import org.actionhero4j.internal.ActionProcessor.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs actions in Actionhero's order: shutting down, too many pending, unknown action, blocked
 * connection type, preProcessors, param scrubbing, defaults/formatters/validators/required, run,
 * postProcessors.
 */
public final class ActionPipeline {

  private static final Logger log = LoggerFactory.getLogger(ActionPipeline.class);

  private final ActionRegistry actions;
  private final MiddlewareRegistry middleware;
  private final GeneralConfig general;
  private final ErrorTexts errors;
  private final Executor executor;
  private final Object idleLock = new Object();
  private int inFlight;
  private volatile boolean shuttingDown;

  public ActionPipeline(
      ActionRegistry actions,
      MiddlewareRegistry middleware,
      GeneralConfig general,
      ErrorTexts errors,
      Executor executor) {
    this.actions = actions;
    this.middleware = middleware;
    this.general = general;
    this.errors = errors;
    this.executor = executor;
  }

  /**
   * Starts an action for a connection. The counting and the checks that need no action run here on
   * the caller's thread, so that requests of one connection are admitted in arrival order; the rest
   * runs on the worker pool. {@code whenDone} (e.g. writing the reply) runs before the action stops
   * counting as in flight, so a graceful stop never closes a socket under a reply being written.
   */
  public CompletableFuture<ActionProcessor> submit(
      LocalConnection connection,
      Map<String, Object> params,
      Object messageId,
      Consumer<ActionProcessor> whenDone) {
    ActionProcessor p = admit(connection, params, messageId);
    if (p.failed()) {
      whenDone.accept(p);
      return CompletableFuture.completedFuture(p);
    }
    try {
      return CompletableFuture.supplyAsync(
          () -> {
            try {
              ActionProcessor done = process(p);
              whenDone.accept(done);
              return done;
            } finally {
              leave();
            }
          },
          executor);
    } catch (RuntimeException rejected) {
      leave();
      p.fail(Outcome.SERVER_SHUTTING_DOWN, errors.serverShuttingDown());
      complete(p);
      whenDone.accept(p);
      return CompletableFuture.completedFuture(p);
    }
  }

  /** Runs an action to the end on the calling thread. */
  public ActionProcessor runHere(
      LocalConnection connection, Map<String, Object> params, Object messageId) {
    ActionProcessor p = admit(connection, params, messageId);
    if (p.failed()) {
      return p;
    }
    try {
      return process(p);
    } finally {
      leave();
    }
  }

  private ActionProcessor admit(
      LocalConnection connection, Map<String, Object> params, Object messageId) {
    ActionProcessor p = new ActionProcessor(connection, params, messageId);
    connection.actionStarted();
    // counted as in flight before the shutdown check, so that a stop beginning right now waits for it
    enter();
    if (shuttingDown) {
      p.fail(Outcome.SERVER_SHUTTING_DOWN, errors.serverShuttingDown());
      complete(p);
      leave();
    } else if (connection.pendingActions() > general.simultaneousActions()) {
      p.fail(Outcome.TOO_MANY_PENDING, errors.tooManyPendingActions());
      complete(p);
      leave();
    }
    return p;
  }

  private ActionProcessor process(ActionProcessor p) {
    try {
      Optional<ActionRegistry.Registered> found =
          actions.resolve(p.params().get("action"), p.params().get("apiVersion"));
      if (found.isEmpty()) {
        p.fail(Outcome.UNKNOWN_ACTION, errors.unknownAction());
        return p;
      }
      ActionRegistry.Registered action = found.get();
      p.definition(action.definition());
      p.params().put("apiVersion", action.definition().version());
      if (action.definition().blockedConnectionTypes().contains(p.connection().type())) {
        p.fail(Outcome.UNSUPPORTED_CONNECTION_TYPE, errors.unsupportedServerType(p.connection().type()));
        return p;
      }
      List<ActionMiddleware> chain = chainFor(action);
      for (ActionMiddleware m : chain) {
        m.preProcessor(p);
        if (p.failed()) {
          p.fail(Outcome.FAILED, "");
          return p;
        }
      }
      if (!general.disableParamScrubbing()) {
        scrub(p.params(), action.definition().inputs());
      }
      List<String> missing = new ArrayList<>();
      List<String> invalid = new ArrayList<>();
      validate(p, action.definition().inputs(), p.params(), "", missing, invalid);
      p.freezeParams();
      if (!missing.isEmpty()) {
        p.fail(Outcome.MISSING_PARAMS, errors.missingParams(missing.get(0)));
        return p;
      }
      if (!invalid.isEmpty()) {
        p.fail(Outcome.INVALID_PARAMS, invalid.get(0));
        return p;
      }
      if (p.toProcess()) {
        Map<String, Object> result = action.action().run(p);
        if (result != null) {
          p.response().putAll(result);
        }
        for (ActionMiddleware m : chain) {
          m.postProcessor(p);
        }
      }
      if (p.failed()) {
        p.fail(Outcome.FAILED, "");
      }
    } catch (Exception | LinkageError | AssertionError e) {
      if (!(e instanceof org.actionhero4j.ActionheroException)) {
        log.warn("action '{}' failed: {}", p.actionName(), e.toString(), e);
      }
      p.fail(Outcome.FAILED, e);
    } finally {
      complete(p);
    }
    return p;
  }

  private List<ActionMiddleware> chainFor(ActionRegistry.Registered action) {
    List<ActionMiddleware> chain = new ArrayList<>(middleware.globalActionMiddleware());
    for (String name : action.definition().middleware()) {
      ActionMiddleware m =
          middleware
              .actionMiddleware(name)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "action '" + action.definition().name() + "' names middleware '" + name
                              + "', which is not registered"));
      if (!chain.contains(m)) {
        chain.add(m);
      }
    }
    return chain;
  }

  private static void scrub(Map<String, Object> params, List<Input> inputs) {
    Set<String> keep = new HashSet<>(ActionRegistry.GLOBALLY_SAFE_PARAMS);
    inputs.forEach(i -> keep.add(i.name()));
    for (Iterator<String> it = params.keySet().iterator(); it.hasNext(); ) {
      if (!keep.contains(it.next())) {
        it.remove();
      }
    }
  }

  private void validate(
      ActionProcessor p,
      List<Input> inputs,
      Map<String, Object> values,
      String prefix,
      List<String> missing,
      List<String> invalid) {
    for (Input input : inputs) {
      String key = input.name();
      Object value = values.get(key);
      if (value == null && input.defaultValue().isPresent()) {
        value = input.defaultValue().get().get();
        values.put(key, value);
      }
      boolean ok = true;
      if (value != null) {
        try {
          for (var formatter : input.formatters()) {
            value = formatter.format(value, p);
          }
          values.put(key, value);
        } catch (Exception e) {
          invalid.add(ActionProcessor.messageOf(e));
          ok = false;
        }
        for (var validator : input.validators()) {
          if (!ok) {
            break;
          }
          String error = check(validator, value, p, prefix + key);
          if (error != null) {
            invalid.add(error);
            ok = false;
          }
        }
      }
      if (input.required() && (value == null || "".equals(value))) {
        missing.add(prefix + key);
        continue;
      }
      if (ok && !input.schema().isEmpty() && value instanceof Map<?, ?> nested) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) nested);
        validate(p, input.schema(), copy, prefix + key + ".", missing, invalid);
        values.put(key, copy);
      }
    }
  }

  private String check(org.actionhero4j.Validator validator, Object value, ActionProcessor p, String key) {
    try {
      Object verdict = validator.validate(value, p);
      if (verdict == null || Boolean.TRUE.equals(verdict)) {
        return null;
      }
      if (Boolean.FALSE.equals(verdict)) {
        return errors.invalidParam(key);
      }
      if (verdict instanceof Throwable t) {
        return ActionProcessor.messageOf(t);
      }
      return String.valueOf(verdict);
    } catch (Exception e) {
      return ActionProcessor.messageOf(e);
    }
  }

  private void complete(ActionProcessor p) {
    p.localConnection().actionFinished();
    if (log.isDebugEnabled()) {
      log.debug(
          "action {} for {} {} in {} ms{}",
          p.actionName(),
          p.connection().type(),
          p.connection().id(),
          System.currentTimeMillis() - p.startedAt(),
          p.failed() ? " failed: " + p.response().get("error") : "");
    }
  }

  private void enter() {
    synchronized (idleLock) {
      inFlight++;
    }
  }

  private void leave() {
    synchronized (idleLock) {
      inFlight--;
      if (inFlight == 0) {
        idleLock.notifyAll();
      }
    }
  }

  /** New actions from now on get "the server is shutting down". */
  public void beginShutdown() {
    shuttingDown = true;
  }

  public boolean shuttingDown() {
    return shuttingDown;
  }

  /** Waits until no action runs; false when the timeout passed first. */
  public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    synchronized (idleLock) {
      while (inFlight > 0) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return false;
        }
        idleLock.wait(left);
      }
      return true;
    }
  }

  public int inFlight() {
    synchronized (idleLock) {
      return inFlight;
    }
  }
}

package org.actionhero4j.internal.actions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.actionhero4j.ActionMiddleware;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Input;
import org.actionhero4j.MessageId;
import org.actionhero4j.config.GeneralConfig;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.Failures;
import org.actionhero4j.internal.Json;
import org.actionhero4j.internal.connections.LocalConnection;
import org.actionhero4j.internal.middleware.MiddlewareRegistry;
import org.actionhero4j.spi.Observer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs actions in Actionhero's order: shutting down, too many pending, unknown action, blocked
 * connection type, preProcessors, param scrubbing, defaults/conversion/formatters/validators/required,
 * run, postProcessors.
 */
public final class ActionPipeline {


  private static final Logger log = LoggerFactory.getLogger(ActionPipeline.class);

  private final ActionRegistry actions;
  private final MiddlewareRegistry middleware;
  private final GeneralConfig general;
  private final ErrorTexts errors;
  private final Executor executor;
  private final Observer observer;
  private final InputValidation inputs;
  private final Object idleLock = new Object();
  private int inFlight;
  private volatile boolean shuttingDown;

  public ActionPipeline(
      ActionRegistry actions,
      MiddlewareRegistry middleware,
      GeneralConfig general,
      ErrorTexts errors,
      Executor executor,
      Observer observer) {
    this.actions = actions;
    this.middleware = middleware;
    this.general = general;
    this.errors = errors;
    this.executor = executor;
    this.observer = observer;
    this.inputs = new InputValidation(errors);
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
      MessageId messageId,
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
      p.fail(ActionProcessor.Outcome.SERVER_SHUTTING_DOWN, errors.serverShuttingDown());
      complete(p);
      whenDone.accept(p);
      return CompletableFuture.completedFuture(p);
    }
  }

  /**
   * Whether the action these params name may run on the caller's thread: it and every middleware
   * on its chain promised never to block. Unknown actions and broken chains run on the pool, which
   * answers them. {@link #submit} (sockets) does not ask: measured, running socket actions on the
   * thread that decoded their frame gained nothing over handing them to the pool (docs/architecture.md).
   */
  public boolean runsInline(Map<String, Object> params) {
    Optional<ActionRegistry.Registered> found =
        actions.resolveRequested(params.get("action"), params.get("apiVersion"));
    if (found.isEmpty() || !found.get().definition().nonBlocking()) {
      return false;
    }
    try {
      return chainFor(found.get()).stream().allMatch(ActionMiddleware::nonBlocking);
    } catch (IllegalStateException unregisteredMiddleware) {
      return false;
    }
  }

  /** Runs an action to the end on the calling thread. */
  public ActionProcessor runHere(
      LocalConnection connection, Map<String, Object> params, MessageId messageId) {
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
      LocalConnection connection, Map<String, Object> params, MessageId messageId) {
    ActionProcessor p = new ActionProcessor(connection, params, messageId, errors);
    connection.actionStarted();
    // counted as in flight before the shutdown check, so that a stop beginning right now waits for it
    enter();
    if (shuttingDown) {
      p.fail(ActionProcessor.Outcome.SERVER_SHUTTING_DOWN, errors.serverShuttingDown());
      complete(p);
      leave();
    } else if (connection.pendingActions() > general.simultaneousActions()) {
      p.fail(ActionProcessor.Outcome.TOO_MANY_PENDING, errors.tooManyPendingActions());
      complete(p);
      leave();
    }
    return p;
  }

  private ActionProcessor process(ActionProcessor p) {
    try {
      Optional<ActionRegistry.Registered> found =
          actions.resolveRequested(p.params().get("action"), p.params().get("apiVersion"));
      if (found.isEmpty()) {
        p.fail(ActionProcessor.Outcome.UNKNOWN_ACTION, errors.unknownAction());
        return p;
      }
      ActionRegistry.Registered action = found.get();
      p.definition(action.definition());
      p.params().put("apiVersion", action.definition().version().jsonValue());
      if (action.definition().blockedConnectionTypes().contains(p.connection().type())) {
        p.fail(ActionProcessor.Outcome.UNSUPPORTED_CONNECTION_TYPE, errors.unsupportedServerType(p.connection().type()));
        return p;
      }
      List<ActionMiddleware> chain = chainFor(action);
      for (ActionMiddleware m : chain) {
        m.preProcessor(p);
        if (p.failed()) {
          p.fail(ActionProcessor.Outcome.FAILED, "");
          return p;
        }
      }
      if (!general.disableParamScrubbing()) {
        scrub(p.params(), action.definition().inputs());
      }
      InputValidation.Problems problems = inputs.check(p, action.definition().inputs(), p.params());
      p.freezeParams();
      if (problems.missing().isPresent()) {
        p.fail(ActionProcessor.Outcome.MISSING_PARAMS, errors.missingParams(problems.missing().get()));
        return p;
      }
      if (problems.invalid().isPresent()) {
        p.fail(ActionProcessor.Outcome.INVALID_PARAMS, problems.invalid().get());
        return p;
      }
      if (p.toProcess()) {
        merge(p, action.action().run(p));
        for (ActionMiddleware m : chain) {
          m.postProcessor(p);
        }
      }
      if (p.failed()) {
        p.fail(ActionProcessor.Outcome.FAILED, "");
      }
    } catch (Exception | LinkageError | AssertionError e) {
      failed(p, e);
    } finally {
      complete(p);
    }
    return p;
  }

  /** Merges what {@code run} returned (a map, a record, a POJO) into the response. */
  private static void merge(ActionProcessor p, Object result) {
    if (result == null) {
      return;
    }
    if (!(Json.plain(result) instanceof Map<?, ?> plain)) {
      throw new IllegalStateException(
          "action '" + p.actionName().orElse("?") + "' returned a " + result.getClass().getName()
              + "; return a record, a POJO or a Map (a JSON object)");
    }
    plain.forEach((k, v) -> p.response().put(String.valueOf(k), v));
  }

  private void failed(ActionProcessor p, Throwable thrown) {
    Throwable cause = Failures.unwrap(thrown);
    if (cause instanceof ActionheroException ae) {
      p.fail(ActionProcessor.Outcome.FAILED, ae);
      return;
    }
    log.error(
        "action '{}' failed on {} connection {}",
        p.actionName().orElse("?"),
        p.connection().type(),
        p.connection().id(),
        cause);
    p.response().remove("error");
    p.fail(ActionProcessor.Outcome.INTERNAL_ERROR, errors.internalError());
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

  private void complete(ActionProcessor p) {
    p.localConnection().actionFinished();
    observer.actionCompleted(
        p.actionName().orElse(""),
        p.connection().type(),
        p.outcome().name().toLowerCase(java.util.Locale.ROOT),
        p.elapsedNanos());
    if (log.isDebugEnabled()) {
      log.debug(
          "action {} for {} {} in {} ms{}",
          p.actionName().orElse("?"),
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

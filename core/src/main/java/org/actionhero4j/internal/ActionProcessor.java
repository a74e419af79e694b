package org.actionhero4j.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Connection;

/** One run of an action through the pipeline, and its outcome. */
public final class ActionProcessor implements ActionContext {

  /** How a run ended; decides the HTTP status of an error. */
  public enum Outcome {
    OK,
    SERVER_SHUTTING_DOWN,
    TOO_MANY_PENDING,
    UNKNOWN_ACTION,
    UNSUPPORTED_CONNECTION_TYPE,
    MISSING_PARAMS,
    INVALID_PARAMS,
    FAILED
  }

  private final LocalConnection connection;
  private final Object messageId;
  private final long startedAt = System.currentTimeMillis();
  private final Map<String, Object> response = new LinkedHashMap<>();
  private Map<String, Object> params;
  private ActionDefinition definition;
  private volatile boolean toRender = true;
  private volatile boolean toProcess = true;
  private Outcome outcome = Outcome.OK;
  private int httpStatus;

  ActionProcessor(LocalConnection connection, Map<String, Object> params, Object messageId) {
    this.connection = connection;
    this.params = new LinkedHashMap<>(params);
    this.messageId = messageId;
  }

  @Override
  public Connection connection() {
    return connection;
  }

  public LocalConnection localConnection() {
    return connection;
  }

  @Override
  public Optional<ActionDefinition> definition() {
    return Optional.ofNullable(definition);
  }

  void definition(ActionDefinition definition) {
    this.definition = definition;
  }

  @Override
  public String actionName() {
    Object action = params.get("action");
    return action == null ? null : String.valueOf(action);
  }

  @Override
  public Map<String, Object> params() {
    return params;
  }

  void freezeParams() {
    params = Collections.unmodifiableMap(params);
  }

  @Override
  public Map<String, Object> response() {
    return response;
  }

  @Override
  public Map<String, Object> session() {
    return connection.session();
  }

  @Override
  public Object messageId() {
    return messageId;
  }

  @Override
  public boolean toRender() {
    return toRender;
  }

  @Override
  public void setToRender(boolean toRender) {
    this.toRender = toRender;
  }

  @Override
  public boolean toProcess() {
    return toProcess;
  }

  @Override
  public void setToProcess(boolean toProcess) {
    this.toProcess = toProcess;
  }

  /** Epoch ms when the request arrived. */
  public long startedAt() {
    return startedAt;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The HTTP status an {@link ActionheroException} asked for, if any. */
  public OptionalInt requestedHttpStatus() {
    return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** Ends the run with an error; an error already set by the action is kept. */
  void fail(Outcome outcome, String message) {
    this.outcome = outcome;
    response.putIfAbsent("error", message);
  }

  void fail(Outcome outcome, Throwable error) {
    Throwable cause = error;
    while ((cause instanceof java.util.concurrent.CompletionException
            || cause instanceof java.util.concurrent.ExecutionException
            || cause instanceof java.lang.reflect.InvocationTargetException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ActionheroException ae) {
      ae.httpStatus().ifPresent(s -> httpStatus = s);
    }
    fail(outcome, messageOf(cause));
  }

  static String messageOf(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** Whether the response holds an error. */
  public boolean failed() {
    return response.get("error") != null;
  }
}

package org.actionhero4j.internal.actions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Connection;
import org.actionhero4j.MessageId;
import org.actionhero4j.RequestLocal;
import org.actionhero4j.RequestLocals;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.Json;
import org.actionhero4j.internal.connections.LocalConnection;

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
    /** The action or a middleware threw an {@link ActionheroException}. */
    FAILED,
    /** An unexpected exception: the client sees only {@code errors.internalError}. */
    INTERNAL_ERROR
  }

  private final LocalConnection connection;
  private final MessageId messageId;
  private final ErrorTexts errors;
  private final long startedAt = System.currentTimeMillis();
  private final long startedNanos = System.nanoTime();
  private final Map<String, Object> response = new LinkedHashMap<>();
  private final Locals locals = new Locals();
  private Map<String, Object> params;
  private Optional<ActionDefinition> definition = Optional.empty();
  private volatile boolean toRender = true;
  private volatile boolean toProcess = true;
  private Outcome outcome = Outcome.OK;
  private int httpStatus;

  ActionProcessor(
      LocalConnection connection, Map<String, Object> params, MessageId messageId, ErrorTexts errors) {
    this.connection = connection;
    this.params = new LinkedHashMap<>(params);
    this.messageId = messageId;
    this.errors = errors;
  }

  @Override
  public Connection connection() {
    return connection;
  }

  /** The connection as this node holds it. */
  public LocalConnection localConnection() {
    return connection;
  }

  @Override
  public Optional<ActionDefinition> definition() {
    return definition;
  }

  void definition(ActionDefinition definition) {
    this.definition = Optional.of(definition);
  }

  @Override
  public Optional<String> actionName() {
    Object action = params.get("action");
    return action == null ? Optional.empty() : Optional.of(String.valueOf(action));
  }

  @Override
  public Map<String, Object> params() {
    return params;
  }

  void freezeParams() {
    params = Collections.unmodifiableMap(params);
  }

  @Override
  public <T> T param(String name, Class<T> type) {
    return optionalParam(name, type)
        .orElseThrow(() -> ActionheroException.invalidParams(errors.missingParams(name)));
  }

  @Override
  public <T> Optional<T> optionalParam(String name, Class<T> type) {
    Object value = params.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (type.isInstance(value)) {
      return Optional.of(type.cast(value));
    }
    try {
      return Optional.ofNullable(Json.mapper().convertValue(value, type));
    } catch (RuntimeException e) {
      throw ActionheroException.invalidParams(
          errors.invalidParamType(name, InputConversion.expected(type)));
    }
  }

  @Override
  public Map<String, Object> response() {
    return response;
  }

  @Override
  public RequestLocals locals() {
    return locals;
  }

  @Override
  public Map<String, Object> session() {
    return connection.session();
  }

  @Override
  public MessageId messageId() {
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

  /** Nanoseconds since this run began. */
  public long elapsedNanos() {
    return System.nanoTime() - startedNanos;
  }

  /** How the run ended. */
  public Outcome outcome() {
    return outcome;
  }

  /** The HTTP status an {@link ActionheroException} asked for, if any. */
  public OptionalInt requestedHttpStatus() {
    return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /**
   * The HTTP status of this run's answer: 200 on success; else the status an
   * {@link ActionheroException} asked for, 404 for an unknown action, 422 for missing or invalid
   * params, 403 for an action this connection type may not run, 429 when the connection has too
   * many actions pending, 503 while the server stops, and {@code defaultErrorStatus} (500 unless
   * configured) for the rest.
   */
  public int httpStatus(int defaultErrorStatus) {
    if (!failed()) {
      return 200;
    }
    if (httpStatus != 0) {
      return httpStatus;
    }
    return switch (outcome) {
      case UNKNOWN_ACTION -> 404;
      case MISSING_PARAMS, INVALID_PARAMS -> 422;
      case UNSUPPORTED_CONNECTION_TYPE -> 403;
      case TOO_MANY_PENDING -> 429;
      case SERVER_SHUTTING_DOWN -> 503;
      case OK, FAILED, INTERNAL_ERROR -> defaultErrorStatus;
    };
  }

  /** Ends the run with an error; an error already in the response is kept. */
  void fail(Outcome outcome, String message) {
    this.outcome = outcome;
    response.putIfAbsent("error", message);
  }

  /** Ends the run with an exception the client is meant to see. */
  void fail(Outcome outcome, ActionheroException error) {
    error.httpStatus().ifPresent(s -> httpStatus = s);
    error.code().ifPresent(code -> response.putIfAbsent("errorCode", code));
    fail(outcome, error.getMessage());
  }

  /** Whether the response holds an error. */
  public boolean failed() {
    return response.get("error") != null;
  }

  private static final class Locals implements RequestLocals {
    private final Map<RequestLocal<?>, Object> values = new ConcurrentHashMap<>();

    @Override
    public <T> void put(RequestLocal<T> key, T value) {
      values.put(key, key.type().cast(value));
    }

    @Override
    public <T> Optional<T> get(RequestLocal<T> key) {
      return Optional.ofNullable(values.get(key)).map(key.type()::cast);
    }

    @Override
    public <T> Optional<T> remove(RequestLocal<T> key) {
      return Optional.ofNullable(values.remove(key)).map(key.type()::cast);
    }
  }
}

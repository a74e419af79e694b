package org.actionhero4j;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An error meant for the client: its message becomes the response's {@code error}. It may carry the
 * HTTP status to answer with (100–599; without one HTTP uses Actionhero's rules) and a
 * machine-readable code, sent as {@code errorCode} beside {@code error}.
 *
 * <pre>{@code
 * throw ActionheroException.withStatus(402, "pay first").withCode("payment_required");
 * }</pre>
 */
public class ActionheroException extends RuntimeException {

  private final int httpStatus;
  private final String code;

  /** An error with Actionhero's default status. */
  public ActionheroException(String message) {
    this(message, 0, "");
  }

  /** An error answered over HTTP with this status. */
  public ActionheroException(String message, int httpStatus) {
    this(message, httpStatus, "");
  }

  /**
   * An error with a status (0 for Actionhero's default) and a code ({@code ""} for none).
   *
   * @throws IllegalArgumentException for a status outside 100–599
   */
  public ActionheroException(String message, int httpStatus, String code) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    if (httpStatus != 0 && (httpStatus < 100 || httpStatus > 599)) {
      throw new IllegalArgumentException("HTTP status must be 100-599, got " + httpStatus);
    }
    this.httpStatus = httpStatus;
    this.code = Objects.requireNonNull(code, "code");
  }

  /** An error answered over HTTP with this status. */
  public static ActionheroException withStatus(int httpStatus, String message) {
    return new ActionheroException(message, httpStatus);
  }

  /** A 422: the request's params are not what the action takes. */
  public static ActionheroException invalidParams(String message) {
    return new ActionheroException(message, 422);
  }

  /** A 404: what the request names does not exist. */
  public static ActionheroException notFound(String message) {
    return new ActionheroException(message, 404);
  }

  /** The same error with a machine-readable code. */
  public ActionheroException withCode(String code) {
    return new ActionheroException(getMessage(), httpStatus, code);
  }

  /** The HTTP status this error asks for, if any. */
  public OptionalInt httpStatus() {
    return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** The machine-readable code, if any. */
  public Optional<String> code() {
    return code.isEmpty() ? Optional.empty() : Optional.of(code);
  }
}

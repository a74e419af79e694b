package org.actionhero4j;

import java.util.OptionalInt;

/**
 * An error meant for the client: its message becomes the response's {@code error}. It may carry the
 * HTTP status to answer with (100–599); without one, HTTP uses Actionhero's rules.
 */
public class ActionheroException extends RuntimeException {

  private final int httpStatus;

  public ActionheroException(String message) {
    this(message, 0);
  }

  public ActionheroException(String message, int httpStatus) {
    super(message, null, false, false);
    if (httpStatus != 0 && (httpStatus < 100 || httpStatus > 599)) {
      throw new IllegalArgumentException("HTTP status must be 100-599, got " + httpStatus);
    }
    this.httpStatus = httpStatus;
  }

  /** An error answered over HTTP with this status. */
  public static ActionheroException withStatus(int httpStatus, String message) {
    return new ActionheroException(message, httpStatus);
  }

  /** The HTTP status this error asks for, if any. */
  public OptionalInt httpStatus() {
    return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }
}

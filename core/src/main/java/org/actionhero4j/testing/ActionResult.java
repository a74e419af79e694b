package org.actionhero4j.testing;

import java.util.Map;
import java.util.Optional;

/**
 * Everything about one action run made with {@link TestConnection#result}.
 *
 * @param response what the caller received ({@code error} on failure)
 * @param params the params the action saw, after defaults, conversions and formatters
 * @param toRender whether a reply was sent
 * @param httpStatus the status an HTTP caller would get ({@code 200} on success)
 */
public record ActionResult(
    Map<String, Object> response, Map<String, Object> params, boolean toRender, int httpStatus) {

  /** The error text, when the run failed. */
  public Optional<String> error() {
    Object error = response.get("error");
    return error == null ? Optional.empty() : Optional.of(String.valueOf(error));
  }

  /** Whether the run failed. */
  public boolean failed() {
    return response.get("error") != null;
  }

}

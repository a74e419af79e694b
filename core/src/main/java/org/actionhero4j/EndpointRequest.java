package org.actionhero4j;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request to an {@link HttpEndpoint}.
 *
 * @param method {@code GET} or {@code HEAD}
 * @param path the percent-encoded path as received
 * @param query the decoded query parameters, in order
 * @param headers header values by lower-case name
 */
public record EndpointRequest(
    String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers) {

  public EndpointRequest {
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first value of a header (any case). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}

package org.actionhero4j.spi;

import java.util.Collections;
import java.util.Map;
import java.util.function.Function;

/**
 * A message to one or many connections, encoded to JSON at most once however many receive it.
 */
public final class OutboundMessage {

  private final Map<String, Object> body;
  private final Function<Object, String> encoder;
  private volatile String json;

  public OutboundMessage(Map<String, Object> body, Function<Object, String> encoder) {
    this.body = Collections.unmodifiableMap(body);
    this.encoder = encoder;
  }

  /** The message as JSON values. */
  public Map<String, Object> body() {
    return body;
  }

  /** The message as JSON text. */
  public String json() {
    String value = json;
    if (value == null) {
      value = encoder.apply(body);
      json = value;
    }
    return value;
  }
}

package org.actionhero4j.internal.connections;

import java.util.Map;
import org.actionhero4j.internal.Json;

/**
 * A message to one or many connections, encoded to JSON once, when it is made: what the sender
 * does with its map afterwards changes nothing, and a broadcast shares one text.
 */
public final class OutboundMessage {

  private final String json;

  private OutboundMessage(String json) {
    this.json = json;
  }

  /** A message of any JSON-encodable value (a map, a record, a POJO). */
  public static OutboundMessage of(Object body) {
    return new OutboundMessage(Json.encode(body));
  }

  /** The message as JSON text. */
  public String json() {
    return json;
  }

  /** The message decoded again into fresh JSON values (for recorders and tests). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> body() {
    return (Map<String, Object>) Json.decode(json);
  }
}

package org.actionhero4j.internal.connections;

import java.util.Map;
import org.actionhero4j.internal.Json;
import org.actionhero4j.spi.TextFrame;

/**
 * A message to one or many connections, encoded to JSON once, when it is made: what the sender
 * does with its map afterwards changes nothing, and a broadcast shares one text. Its {@link
 * #frame()} is shared too, so the text is encoded to UTF-8 once (when a socket first needs the
 * bytes), however many sockets it goes to.
 */
public final class OutboundMessage {

  private final String json;
  private final TextFrame frame;

  private OutboundMessage(String json) {
    this.json = json;
    this.frame = TextFrame.of(json);
  }

  /** A message of any JSON-encodable value (a map, a record, a POJO). */
  public static OutboundMessage of(Object body) {
    return new OutboundMessage(Json.encode(body));
  }

  /** The message as JSON text. */
  public String json() {
    return json;
  }

  /** The message as one text frame, the same for every receiver: its bytes are encoded once. */
  public TextFrame frame() {
    return frame;
  }

  /** The message decoded again into fresh JSON values (for recorders and tests). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> body() {
    return (Map<String, Object>) Json.decode(json);
  }
}

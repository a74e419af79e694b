package org.actionhero4j;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * The id a client gives a request, echoed in its reply with the same JSON type and value: a
 * string stays a string, a number stays that exact number (big integers and long decimals
 * included), anything else comes back as the same JSON.
 */
public sealed interface MessageId {

  /** A string id. */
  record Text(@JsonValue String value) implements MessageId {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A numeric id, kept exactly as the client wrote it. */
  record Number(@JsonValue BigDecimal value) implements MessageId {
    public Number {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Any other JSON value (a boolean, an object, an array), kept as its JSON text. */
  record Other(@JsonValue @JsonRawValue String json) implements MessageId {
    public Other {
      Objects.requireNonNull(json, "json");
    }
  }

  /** A string id. */
  static MessageId of(String value) {
    return new Text(value);
  }

  /** A numeric id. */
  static MessageId of(long value) {
    return new Number(BigDecimal.valueOf(value));
  }

  /** A new random id, for requests that bring none. */
  static MessageId random() {
    return new Text(UUID.randomUUID().toString());
  }
}

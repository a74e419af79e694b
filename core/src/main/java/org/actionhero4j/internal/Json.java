package org.actionhero4j.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON codec of the wire protocol: maps, lists, strings, numbers, booleans, null. */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final ObjectMapper PRETTY =
      MAPPER.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Encodes a JSON value (maps, lists, scalars) to text. */
  public static String encode(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /** Encodes with indentation (HTTP's {@code padding}). */
  public static String encodePretty(Object value) {
    return PRETTY.writeValueAsString(value);
  }

  /**
   * Decodes one JSON document into maps, lists and scalars.
   *
   * @throws IllegalArgumentException when the text is not one valid JSON document
   */
  public static Object decode(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /** Converts any value (e.g. a record) to plain JSON values. */
  public static Object toPlain(Object value) {
    return MAPPER.convertValue(value, Object.class);
  }
}

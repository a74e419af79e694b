package org.actionhero4j.tck;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The TCK's own JSON codec (maps, lists, scalars), configured like the server's so that what a test
 * decodes is what a client of the wire protocol sees.
 */
final class TckJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private TckJson() {}

  static String encode(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /** Decodes one JSON document; throws {@link IllegalArgumentException} when the text is not one. */
  static Object decode(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }
}

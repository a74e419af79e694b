package org.actionhero4j.tck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private static final ObjectMapper EXACT =
      MAPPER.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private TckJson() {}

  static String encode(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /** Decodes one JSON document; throws {@link IllegalArgumentException} when the text is not one. */
  static Object decode(String text) {
    try {
      return exact(EXACT.readValue(text, Object.class));
    } catch (JacksonException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /**
   * Decimals as a client that keeps numbers exact sees them: a Double when the double has exactly
   * the written value, else the BigDecimal (so {@code 1e309} is not read as Infinity).
   */
  private static Object exact(Object value) {
    if (value instanceof BigDecimal d) {
      double asDouble = d.doubleValue();
      return Double.isFinite(asDouble) && new BigDecimal(Double.toString(asDouble)).compareTo(d) == 0 ? asDouble : d;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, exact(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(exact(v)));
      return out;
    }
    return value;
  }
}

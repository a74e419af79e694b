package org.actionhero4j.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import org.actionhero4j.MessageId;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.ser.std.ToStringSerializer;

/** The one JSON codec of the wire protocol: maps, lists, strings, numbers, booleans, null. */
public final class Json {

  /**
   * The deepest document we read is Jackson's default of 500; what we write may nest deeper, since
   * a reply or a room message wraps the value it echoes (a frame 500 deep must still be answered).
   */
  static final int MAX_READ_DEPTH = 500;

  static final int MAX_WRITE_DEPTH = 2 * MAX_READ_DEPTH;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_READ_DEPTH).build())
                  .streamWriteConstraints(
                      StreamWriteConstraints.builder().maxNestingDepth(MAX_WRITE_DEPTH).build())
                  .build())
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .addModule(runtimeObjects())
          .build();

  /** Reads every decimal as a BigDecimal, so that no number is rounded before we look at it. */
  private static final ObjectMapper EXACT =
      MAPPER.rebuild()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private static final ObjectMapper PRETTY =
      MAPPER.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Json() {}

  /**
   * Objects of the running JVM that must never reach a client as beans: a thread or an exception
   * would otherwise be serialised with its whole stack trace. They are written as their name and
   * their message.
   */
  private static SimpleModule runtimeObjects() {
    SimpleModule module = new SimpleModule("actionhero4j-runtime-objects");
    module.addSerializer(Thread.class, new ToStringSerializer(Thread.class));
    module.addSerializer(
        Throwable.class,
        new StdSerializer<Throwable>(Throwable.class) {
          @Override
          public void serialize(Throwable value, JsonGenerator gen, SerializationContext ctx) {
            gen.writeString(Failures.messageOf(value));
          }
        });
    return module;
  }

  /** The mapper behind this codec, for conversions. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Encodes a JSON value (maps, lists, scalars, records) to text. */
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
      throw new IllegalArgumentException(reason(e), e);
    }
  }

  /**
   * Decodes one JSON document keeping every number exact: integers become Integer, Long or
   * BigInteger by size; decimals become Double when the double has exactly the written value,
   * else BigDecimal (so {@code 1e309} is not turned into Infinity).
   *
   * @throws IllegalArgumentException when the text is not one valid JSON document (too deep
   *     included)
   */
  public static Object decodeExact(String text) {
    try {
      return normalize(EXACT.readValue(text, Object.class));
    } catch (JacksonException e) {
      throw new IllegalArgumentException(reason(e), e);
    }
  }

  /**
   * What was wrong with the text, for the client: Jackson's own words about the input, less the
   * names of its Java settings (a limit's message ends "from `StreamReadConstraints.…()`").
   */
  private static String reason(JacksonException e) {
    return String.valueOf(e.getOriginalMessage()).replaceAll(", from `[^`]*`\\)", ")");
  }

  /** Rewrites a freshly decoded tree in place (Jackson's maps and lists are mutable): no copy. */
  @SuppressWarnings("unchecked")
  private static Object normalize(Object value) {
    if (value instanceof BigDecimal d) {
      double asDouble = d.doubleValue();
      if (Double.isFinite(asDouble) && new BigDecimal(Double.toString(asDouble)).compareTo(d) == 0) {
        return asDouble;
      }
      return d;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<Object, Object> e : ((Map<Object, Object>) map).entrySet()) {
        Object v = e.getValue();
        Object n = normalize(v);
        if (n != v) {
          e.setValue(n);
        }
      }
    } else if (value instanceof List<?> list) {
      for (ListIterator<Object> it = ((List<Object>) list).listIterator(); it.hasNext(); ) {
        Object v = it.next();
        Object n = normalize(v);
        if (n != v) {
          it.set(n);
        }
      }
    }
    return value;
  }

  /**
   * Whether a value is already plain JSON (strings, numbers, booleans, null, string-keyed maps and
   * lists of those), so that {@link #toPlain} would only copy it.
   */
  public static boolean isPlain(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return true;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String) || !isPlain(e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!isPlain(item)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** The value as plain JSON values, converted only when it is not plain already. */
  public static Object plain(Object value) {
    return isPlain(value) ? value : toPlain(value);
  }

  /** Converts any value (e.g. a record) to plain JSON values. */
  public static Object toPlain(Object value) {
    return MAPPER.convertValue(value, Object.class);
  }

  /** A client's messageId, with its JSON type and exact value. */
  public static MessageId messageId(Object value) {
    if (value instanceof String s) {
      return new MessageId.Text(s);
    }
    if (value instanceof BigDecimal d) {
      return new MessageId.Number(d);
    }
    if (value instanceof BigInteger i) {
      return new MessageId.Number(new BigDecimal(i));
    }
    if (value instanceof Double d && Double.isFinite(d)) {
      return new MessageId.Number(new BigDecimal(Double.toString(d)));
    }
    if (value instanceof Float f && Float.isFinite(f)) {
      return new MessageId.Number(new BigDecimal(Float.toString(f)));
    }
    if (value instanceof Number n) {
      return new MessageId.Number(BigDecimal.valueOf(n.longValue()));
    }
    return new MessageId.Other(encode(value));
  }
}

package org.actionhero4j.internal.actions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.actionhero4j.Input;
import org.actionhero4j.InputType;
import org.actionhero4j.internal.Json;

/**
 * Converts a raw param (a JSON value, or a string from a query or form) to its input's declared
 * type; empty when it cannot be.
 */
final class InputConversion {

  private InputConversion() {}

  static Optional<Object> convert(Input input, Object value) {
    return switch (input.type()) {
      case ANY -> Optional.of(value);
      case STRING -> scalar(value).map(v -> (Object) text(v));
      case INTEGER -> integral(value).filter(i -> i.bitLength() < 32).map(i -> (Object) i.intValue());
      case LONG -> integral(value).filter(i -> i.bitLength() < 64).map(i -> (Object) i.longValue());
      case DOUBLE -> decimal(value).map(BigDecimal::doubleValue).filter(Double::isFinite).map(d -> (Object) d);
      case BOOLEAN -> bool(value);
      case ENUM -> scalar(value)
          .map(InputConversion::text)
          .filter(v -> input.allowedValues().stream().anyMatch(a -> a.equalsIgnoreCase(v.trim())))
          .map(v -> (Object) v);
      case STRING_LIST -> stringList(value);
      case OBJECT -> object(value);
    };
  }

  /** How an error names the type, e.g. "an integer" or "one of RED, GREEN". */
  static String expected(Input input) {
    if (input.type() == InputType.ENUM) {
      return "one of " + String.join(", ", input.allowedValues());
    }
    return input.type().expected();
  }

  /** How an error names a Java type a param is read as. */
  static String expected(Class<?> type) {
    if (type == Integer.class || type == Long.class || type == Short.class || type == BigInteger.class) {
      return "an integer";
    }
    if (type == Double.class || type == Float.class || type == BigDecimal.class) {
      return "a number";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    return "a " + type.getSimpleName();
  }

  private static Optional<Object> scalar(Object value) {
    return value instanceof Map<?, ?> || value instanceof List<?> ? Optional.empty() : Optional.of(value);
  }

  /**
   * Plain digits for a decimal of a usual exponent; beyond it the exponent form, since 1e999999999
   * written out is a billion characters and 1e-399 four hundred.
   */
  private static final int MAX_PLAIN_SCALE = 30;

  private static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return Math.abs((long) d.scale()) <= MAX_PLAIN_SCALE ? d.toPlainString() : d.toString();
    }
    return String.valueOf(value);
  }

  private static Optional<BigDecimal> decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return Optional.of(d);
    }
    if (value instanceof BigInteger i) {
      return Optional.of(new BigDecimal(i));
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? Optional.of(new BigDecimal(Double.toString(d))) : Optional.empty();
    }
    if (value instanceof Number n) {
      return Optional.of(BigDecimal.valueOf(n.longValue()));
    }
    if (value instanceof String s && !s.isBlank() && s.length() <= 400) {
      try {
        return Optional.of(new BigDecimal(s.trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<BigInteger> integral(Object value) {
    return decimal(value)
        .filter(d -> d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0)
        .filter(d -> d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0)
        .map(BigDecimal::toBigIntegerExact);
  }

  private static Optional<Object> bool(Object value) {
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    if (value instanceof String s) {
      String t = s.trim().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("false")) {
        return Optional.of(Boolean.parseBoolean(t));
      }
    }
    return Optional.empty();
  }

  private static Optional<Object> stringList(Object value) {
    if (value instanceof List<?> list) {
      List<String> out = new ArrayList<>(list.size());
      for (Object item : list) {
        if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
          return Optional.empty();
        }
        out.add(text(item));
      }
      return Optional.of(List.copyOf(out));
    }
    if (value instanceof String s) {
      return Optional.of(
          s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::trim).toList());
    }
    return Optional.empty();
  }

  private static Optional<Object> object(Object value) {
    if (value instanceof Map<?, ?>) {
      return Optional.of(value);
    }
    if (value instanceof String s && s.trim().startsWith("{")) {
      try {
        return Optional.of(Json.decodeExact(s)).filter(Map.class::isInstance);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}

package org.actionhero4j.plugin.docs;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.actionhero4j.Input;

/** JSON Schemas (2020-12, as OpenAPI 3.1 uses) of typed inputs, Java types and example values. */
final class JsonSchemas {

  private JsonSchemas() {}

  /** The schema of one input: its type, allowed values, default and description. */
  static Map<String, Object> input(Input input) {
    Map<String, Object> schema =
        switch (input.type()) {
          case ANY -> input.schema().isEmpty() ? new LinkedHashMap<>() : object(input.schema());
          case STRING -> type("string");
          case INTEGER -> withFormat(type("integer"), "int32");
          case LONG -> withFormat(type("integer"), "int64");
          case DOUBLE -> withFormat(type("number"), "double");
          case BOOLEAN -> type("boolean");
          case ENUM -> enumOf(input.allowedValues());
          case STRING_LIST -> array(type("string"));
          case OBJECT -> object(input.schema());
        };
    if (!input.description().isEmpty()) {
      schema.put("description", input.description());
    }
    defaultOf(input).ifPresent(d -> schema.put("default", d));
    return schema;
  }

  /** An object schema of nested inputs, with their required keys. */
  static Map<String, Object> object(List<Input> inputs) {
    Map<String, Object> schema = type("object");
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (Input i : inputs) {
      properties.put(i.name(), input(i));
      if (i.required() && i.defaultValue().isEmpty()) {
        required.add(i.name());
      }
    }
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    return schema;
  }

  /** A default that is a plain JSON value; computed defaults are left out. */
  static Optional<Object> defaultOf(Input input) {
    return input.defaultValue().flatMap(supplier -> {
      Object value;
      try {
        value = supplier.get();
      } catch (RuntimeException e) {
        return Optional.empty();
      }
      if (value instanceof Enum<?> e) {
        return Optional.of(e.name());
      }
      boolean plain = value instanceof String || value instanceof Number || value instanceof Boolean
          || value instanceof List<?>;
      return plain ? Optional.of(value) : Optional.empty();
    });
  }

  /** The schema of what Jackson writes for a Java type. */
  static Map<String, Object> javaType(Type type, Set<Type> seen) {
    if (type instanceof Class<?> c) {
      if (c == String.class || c == char.class || c == Character.class || c == UUID.class
          || c == java.net.URI.class) {
        return type("string");
      }
      if (Temporal.class.isAssignableFrom(c)) {
        return withFormat(type("string"), "date-time");
      }
      if (c == boolean.class || c == Boolean.class) {
        return type("boolean");
      }
      if (c == int.class || c == Integer.class || c == long.class || c == Long.class
          || c == short.class || c == Short.class || c == byte.class || c == Byte.class
          || c == java.math.BigInteger.class) {
        return type("integer");
      }
      if (c.isPrimitive() || Number.class.isAssignableFrom(c)) {
        return type("number");
      }
      if (c.isEnum()) {
        return enumOf(Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
      }
      if (c.isArray()) {
        return array(javaType(c.getComponentType(), seen));
      }
      if (c.isRecord() && seen.add(c)) {
        Map<String, Object> schema = type("object");
        Map<String, Object> properties = new LinkedHashMap<>();
        for (RecordComponent rc : c.getRecordComponents()) {
          properties.put(rc.getName(), javaType(rc.getGenericType(), seen));
        }
        seen.remove(c);
        schema.put("properties", properties);
        schema.put("required", Arrays.stream(c.getRecordComponents()).map(RecordComponent::getName).toList());
        return schema;
      }
      if (Collection.class.isAssignableFrom(c)) {
        return type("array");
      }
      return type("object");
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return array(javaType(args[0], seen));
      }
      if (Map.class.isAssignableFrom(raw)) {
        Map<String, Object> schema = type("object");
        schema.put("additionalProperties", javaType(args[1], seen));
        return schema;
      }
      if (raw == Optional.class) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("oneOf", List.of(javaType(args[0], new HashSet<>(seen)), type("null")));
        return schema;
      }
      return javaType(raw, seen);
    }
    if (type instanceof GenericArrayType g) {
      return array(javaType(g.getGenericComponentType(), seen));
    }
    return new LinkedHashMap<>();
  }

  /** The schema of an example JSON value. */
  static Map<String, Object> example(Object value) {
    if (value instanceof String) {
      return type("string");
    }
    if (value instanceof Integer || value instanceof Long) {
      return type("integer");
    }
    if (value instanceof Number) {
      return type("number");
    }
    if (value instanceof Boolean) {
      return type("boolean");
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? type("array") : array(example(list.get(0)));
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> schema = type("object");
      Map<String, Object> properties = new LinkedHashMap<>();
      map.forEach((k, v) -> properties.put(String.valueOf(k), example(v)));
      schema.put("properties", properties);
      return schema;
    }
    return new LinkedHashMap<>();
  }

  static Map<String, Object> type(String type) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", type);
    return schema;
  }

  private static Map<String, Object> withFormat(Map<String, Object> schema, String format) {
    schema.put("format", format);
    return schema;
  }

  private static Map<String, Object> enumOf(List<String> values) {
    Map<String, Object> schema = type("string");
    if (!values.isEmpty()) {
      schema.put("enum", values);
    }
    return schema;
  }

  private static Map<String, Object> array(Map<String, Object> items) {
    Map<String, Object> schema = type("array");
    schema.put("items", items);
    return schema;
  }
}

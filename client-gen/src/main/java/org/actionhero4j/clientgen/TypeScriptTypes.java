package org.actionhero4j.clientgen;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Input;

/**
 * TypeScript types of actions: the params from the typed inputs, the response from the declared
 * output (a record's components, else the output example's shape).
 */
final class TypeScriptTypes {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private TypeScriptTypes() {}

  /** The members of the {@code Actions} interface, one per action name (its newest version). */
  static String actions(List<ActionDefinition> definitions, String indent) {
    Map<String, ActionDefinition> newest = new java.util.TreeMap<>();
    for (ActionDefinition d : definitions) {
      newest.put(d.name(), d);
    }
    StringBuilder out = new StringBuilder();
    for (ActionDefinition d : newest.values()) {
      out.append(indent).append("/** ").append(comment(d.description()))
          .append(" (version ").append(comment(d.version().toString())).append(") */\n");
      out.append(indent).append(key(d.name())).append(": {\n");
      out.append(indent).append("  params: ").append(params(d.inputs(), indent + "  ")).append(";\n");
      out.append(indent).append("  response: ").append(response(d)).append(";\n");
      out.append(indent).append("};\n");
    }
    return out.toString();
  }

  private static String params(List<Input> inputs, String indent) {
    if (inputs.isEmpty()) {
      return "{ apiVersion?: number | string }";
    }
    StringBuilder out = new StringBuilder("{\n");
    for (Input input : inputs) {
      if (!input.description().isEmpty()) {
        out.append(indent).append("  /** ").append(comment(input.description())).append(" */\n");
      }
      boolean optional = !input.required() || input.defaultValue().isPresent();
      out.append(indent).append("  ").append(key(input.name())).append(optional ? "?: " : ": ")
          .append(inputType(input, indent + "  ")).append(";\n");
    }
    out.append(indent).append("  apiVersion?: number | string;\n");
    return out.append(indent).append("}").toString();
  }

  private static String inputType(Input input, String indent) {
    return switch (input.type()) {
      case ANY -> input.schema().isEmpty() ? "unknown" : params(input.schema(), indent);
      case STRING -> "string";
      case INTEGER, LONG, DOUBLE -> "number";
      case BOOLEAN -> "boolean";
      case ENUM -> input.allowedValues().isEmpty()
          ? "string"
          : input.allowedValues().stream().map(JavaScriptLiteral::string).collect(Collectors.joining(" | "));
      case STRING_LIST -> "string[]";
      case OBJECT -> input.schema().isEmpty() ? "{ [key: string]: unknown }" : params(input.schema(), indent);
    };
  }

  private static String response(ActionDefinition d) {
    Optional<Class<?>> type = d.outputType();
    if (type.isPresent() && type.get().isRecord()) {
      return javaType(type.get(), new HashSet<>());
    }
    if (!d.outputExample().isEmpty()) {
      return exampleType(d.outputExample());
    }
    return "{ [key: string]: unknown }";
  }

  /** The JSON shape Jackson writes for a Java type. */
  static String javaType(Type type, Set<Type> seen) {
    if (type instanceof Class<?> c) {
      if (c == String.class || c == char.class || c == Character.class || c == UUID.class
          || Temporal.class.isAssignableFrom(c) || c == java.net.URI.class) {
        return "string";
      }
      if (c == boolean.class || c == Boolean.class) {
        return "boolean";
      }
      if (c.isPrimitive() || Number.class.isAssignableFrom(c)) {
        return "number";
      }
      if (c.isEnum()) {
        return Arrays.stream(c.getEnumConstants())
            .map(e -> JavaScriptLiteral.string(((Enum<?>) e).name()))
            .collect(Collectors.joining(" | "));
      }
      if (c.isArray()) {
        return array(javaType(c.getComponentType(), seen));
      }
      if (c.isRecord()) {
        if (!seen.add(c)) {
          return "{ [key: string]: unknown }";
        }
        String fields =
            Arrays.stream(c.getRecordComponents())
                .map((RecordComponent rc) -> key(rc.getName()) + ": " + javaType(rc.getGenericType(), seen))
                .collect(Collectors.joining("; "));
        seen.remove(c);
        return "{ " + fields + (fields.isEmpty() ? "}" : " }");
      }
      if (Collection.class.isAssignableFrom(c)) {
        return "unknown[]";
      }
      return "{ [key: string]: unknown }";
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return array(javaType(args[0], seen));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return "{ [key: string]: " + javaType(args[1], seen) + " }";
      }
      if (raw == Optional.class) {
        return javaType(args[0], seen) + " | null";
      }
      return javaType(raw, seen);
    }
    if (type instanceof GenericArrayType g) {
      return array(javaType(g.getGenericComponentType(), seen));
    }
    if (type instanceof WildcardType w && w.getUpperBounds().length == 1) {
      return javaType(w.getUpperBounds()[0], seen);
    }
    return "unknown";
  }

  /** The shape of a JSON value. */
  static String exampleType(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "unknown[]" : array(exampleType(list.get(0)));
    }
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        return "{ [key: string]: unknown }";
      }
      return map.entrySet().stream()
          .map(e -> key(String.valueOf(e.getKey())) + ": " + exampleType(e.getValue()))
          .collect(Collectors.joining("; ", "{ ", " }"));
    }
    return "unknown";
  }

  private static String array(String element) {
    return element.matches("[A-Za-z]+") ? element + "[]" : "Array<" + element + ">";
  }

  private static String key(String name) {
    return IDENTIFIER.matcher(name).matches() ? name : JavaScriptLiteral.string(name);
  }

  private static String comment(String text) {
    return JavaScriptLiteral.inComment(text).replace("\n", " ");
  }
}

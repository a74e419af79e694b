package org.actionhero4j.config;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Merges the config sources into one tree per namespace and binds each to its record. */
final class ConfigLoader {

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private final Map<String, ConfigNamespace<?>> declared;
  private final Map<String, String> env;
  private final Map<String, Object> overrides;
  private final Map<String, Object> appDefaults;
  private final Map<String, ObjectNode> trees = new LinkedHashMap<>();

  ConfigLoader(
      Map<String, ConfigNamespace<?>> declared,
      Map<String, String> env,
      Map<String, Object> appDefaults,
      Map<String, Object> overrides) {
    this.declared = declared;
    this.env = env;
    this.appDefaults = appDefaults;
    this.overrides = overrides;
  }

  Config load(Path directory, String environment) {
    declared.forEach((name, ns) -> trees.put(name, (ObjectNode) YAML.valueToTree(ns.defaults())));
    appDefaults.forEach(
        (key, value) -> setByPath("defaultValue(\"" + key + "\")", key, YAML.valueToTree(value)));
    if (directory != null && Files.isDirectory(directory)) {
      yamlFiles(directory).forEach(this::mergeFile);
      Path envDir = directory.resolve(environment);
      if (Files.isDirectory(envDir)) {
        yamlFiles(envDir).forEach(this::mergeFile);
      }
    }
    applyEnvironment();
    overrides.forEach(
        (key, value) -> setByPath("set(\"" + key + "\")", key, YAML.valueToTree(value)));
    Map<String, Object> bound = new LinkedHashMap<>();
    trees.forEach((name, tree) -> bound.put(name, bind(name, tree, "the merged configuration")));
    return new Config(environment, bound);
  }

  private static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ConfigException("cannot list config directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private void mergeFile(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new ConfigException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return;
    }
    if (!root.isObject()) {
      throw new ConfigException(file + ": expected a mapping of namespaces at the top level");
    }
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      String name = entry.getKey();
      ObjectNode tree = trees.get(name);
      if (tree == null) {
        throw new ConfigException(
            file + ": unknown namespace '" + name + "'; expected one of " + declared.keySet());
      }
      if (!entry.getValue().isObject()) {
        throw new ConfigException(file + ": " + name + ": expected a mapping");
      }
      merge(tree, (ObjectNode) entry.getValue());
      bind(name, tree, file.toString());
    }
  }

  /** Deep merge: objects merge key by key, everything else replaces. */
  private static void merge(ObjectNode target, ObjectNode source) {
    for (Map.Entry<String, JsonNode> e : source.properties()) {
      JsonNode existing = target.get(e.getKey());
      if (existing != null && existing.isObject() && e.getValue().isObject()) {
        merge((ObjectNode) existing, (ObjectNode) e.getValue());
      } else {
        target.set(e.getKey(), e.getValue());
      }
    }
  }

  private Object bind(String name, ObjectNode tree, String source) {
    ConfigNamespace<?> ns = declared.get(name);
    try {
      return YAML.treeToValue(tree, ns.type());
    } catch (UnrecognizedPropertyException e) {
      List<String> known = new ArrayList<>();
      e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      throw new ConfigException(
          source + ": " + name + keyPath(e) + ": unknown key; expected one of " + known, e);
    } catch (InvalidFormatException e) {
      throw new ConfigException(
          source + ": " + name + keyPath(e) + ": expected " + simpleType(e.getTargetType())
              + " but got " + e.getValue(), e);
    } catch (MismatchedInputException e) {
      throw new ConfigException(
          source + ": " + name + keyPath(e) + ": expected " + simpleType(e.getTargetType())
              + " (" + e.getOriginalMessage() + ")", e);
    } catch (JacksonException e) {
      throw new ConfigException(
          source + ": " + name + keyPath(e) + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String simpleType(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping";
    }
    return type.getSimpleName();
  }

  private static String keyPath(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        path.append('.').append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private void applyEnvironment() {
    String port = env.get("PORT");
    if (port != null) {
      setByPath("environment variable PORT", "web.port", scalar(port, true));
    }
    String redisUrl = env.get("REDIS_URL");
    if (redisUrl != null) {
      setByPath("environment variable REDIS_URL", "redis.url", YAML.valueToTree(redisUrl));
    }
    String title = env.get("ACTIONHERO_TITLE");
    if (title != null) {
      setByPath("environment variable ACTIONHERO_TITLE", "general.id", YAML.valueToTree(title));
    }
    env.entrySet().stream()
        .filter(e -> e.getKey().startsWith("ACTIONHERO_"))
        .filter(e -> !e.getKey().equals("ACTIONHERO_ENV") && !e.getKey().equals("ACTIONHERO_TITLE"))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> applyPrefixed(e.getKey(), e.getValue()));
  }

  /** {@code ACTIONHERO_WEB_TRANSPORT=jetty} sets {@code web.transport}; words match keys ignoring case. */
  private void applyPrefixed(String variable, String value) {
    String[] words = variable.substring("ACTIONHERO_".length()).toLowerCase(Locale.ROOT).split("_");
    String namespace = null;
    int next = 0;
    for (int take = 1; take <= words.length && namespace == null; take++) {
      String candidate = String.join("", List.of(words).subList(0, take));
      for (String name : trees.keySet()) {
        if (name.toLowerCase(Locale.ROOT).equals(candidate)) {
          namespace = name;
          next = take;
        }
      }
    }
    if (namespace == null) {
      throw new ConfigException(
          "environment variable " + variable + ": no config namespace matches; expected one of "
              + trees.keySet());
    }
    JsonNode node = trees.get(namespace);
    StringBuilder path = new StringBuilder(namespace);
    List<String> keys = new ArrayList<>();
    while (next < words.length) {
      if (!node.isObject()) {
        throw new ConfigException("environment variable " + variable + ": " + path + " has no keys");
      }
      String match = null;
      int matchedWords = 0;
      for (String key : node.propertyNames()) {
        String lower = key.toLowerCase(Locale.ROOT);
        StringBuilder joined = new StringBuilder();
        for (int i = next; i < words.length; i++) {
          joined.append(words[i]);
          if (lower.equals(joined.toString()) && i - next + 1 > matchedWords) {
            match = key;
            matchedWords = i - next + 1;
          }
        }
      }
      if (match == null) {
        throw new ConfigException(
            "environment variable " + variable + ": " + path + " has no key matching '"
                + String.join("_", List.of(words).subList(next, words.length)) + "'; expected one of "
                + node.propertyNames());
      }
      path.append('.').append(match);
      keys.add(match);
      next += matchedWords;
      if (next < words.length) {
        node = node.get(match);
      } else {
        JsonNode current = node.get(match);
        // a String key takes the text as it is: ACTIONHERO_GENERAL_ID=1.10 must not become "1.1"
        boolean keepString =
            declaredType(namespace, keys) == String.class || (current != null && current.isString());
        setByPath("environment variable " + variable, path.toString(), scalar(value, !keepString));
      }
    }
  }

  /** The Java type a key path of record components declares, or null when it cannot be told. */
  private Class<?> declaredType(String namespace, List<String> keys) {
    Class<?> type = declared.get(namespace).type();
    for (String key : keys) {
      if (type == null || !type.isRecord()) {
        return null;
      }
      Class<?> next = null;
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.getName().equals(key)) {
          next = component.getType();
        }
      }
      type = next;
    }
    return type;
  }

  private static JsonNode scalar(String value, boolean parse) {
    if (!parse) {
      return YAML.valueToTree(value);
    }
    try {
      JsonNode parsed = YAML.readTree(value);
      return parsed == null || parsed.isMissingNode() ? YAML.valueToTree(value) : parsed;
    } catch (JacksonException e) {
      return YAML.valueToTree(value);
    }
  }

  private void setByPath(String source, String dottedKey, JsonNode value) {
    String[] parts = dottedKey.split("\\.");
    ObjectNode node = trees.get(parts[0]);
    if (node == null) {
      throw new ConfigException(
          source + ": unknown namespace '" + parts[0] + "'; expected one of " + trees.keySet());
    }
    for (int i = 1; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (child == null || !child.isObject()) {
        throw new ConfigException(source + ": no config section " + dottedKey);
      }
      node = (ObjectNode) child;
    }
    if (parts.length < 2) {
      throw new ConfigException(source + ": a key inside a namespace is required");
    }
    node.set(parts[parts.length - 1], value);
    bind(parts[0], trees.get(parts[0]), source);
  }
}

package org.actionhero4j.plugin.docs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Input;
import org.actionhero4j.InputType;
import org.actionhero4j.config.Config;
import org.actionhero4j.config.RoutesConfig;

/**
 * The OpenAPI 3.1 document of a node's HTTP API: {@code <urlPathForActions>/<action>} for every
 * action (GET with query params, POST with a JSON body), every configured route, the versions as
 * {@code apiVersion}, and the envelope's 200, 404, 422 and 500 answers with examples.
 */
final class OpenApiDocument {

  private static final List<String> ROUTE_METHODS = List.of("get", "post", "put", "patch", "delete", "head");
  private static final String ERROR_REF = "#/components/schemas/ErrorResponse";

  private OpenApiDocument() {}

  static Map<String, Object> of(Config config, List<ActionDefinition> definitions) {
    Map<String, List<ActionDefinition>> byName = new TreeMap<>();
    for (ActionDefinition d : definitions) {
      // An action that refuses HTTP (createChatRoom, say) has no place in a document of HTTP routes.
      if (!d.blockedConnectionTypes().contains("web")) {
        byName.computeIfAbsent(d.name(), n -> new ArrayList<>()).add(d);
      }
    }
    String prefix = trimSlash(config.web().urlPathForActions());
    Map<String, Object> paths = new LinkedHashMap<>();
    byName.forEach((name, versions) -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("get", operation(name, versions, name + "_get", List.of(), false));
      item.put("post", operation(name, versions, name + "_post", List.of(), true));
      paths.put(prefix + "/" + name, item);
    });
    routes(config.routes(), prefix, byName, paths);

    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("title", config.general().serverName());
    info.put("version", config.general().apiVersion() == null ? Actionhero.VERSION : config.general().apiVersion());
    info.put("description", "Actions of " + config.general().serverName() + " over HTTP (Actionhero4j "
        + Actionhero.VERSION + "). Every answer is a JSON envelope; errors carry an `error` text.");
    doc.put("info", info);
    doc.put("paths", paths);
    doc.put("components", Map.of("schemas", Map.of("ErrorResponse", errorSchema())));
    return doc;
  }

  private static void routes(
      RoutesConfig routes, String prefix, Map<String, List<ActionDefinition>> byName, Map<String, Object> paths) {
    List<List<RoutesConfig.Route>> lists =
        List.of(routes.get(), routes.post(), routes.put(), routes.patch(), routes.delete(), routes.head());
    for (int i = 0; i < lists.size(); i++) {
      String method = ROUTE_METHODS.get(i);
      List<RoutesConfig.Route> declared = new ArrayList<>(lists.get(i) == null ? List.of() : lists.get(i));
      if (routes.all() != null && !method.equals("head")) {
        declared.addAll(routes.all());
      }
      for (RoutesConfig.Route route : declared) {
        List<ActionDefinition> versions = route.action() == null ? null : byName.get(route.action());
        if (versions == null || route.path() == null) {
          continue;
        }
        List<String> pathParams = new ArrayList<>();
        StringBuilder path = new StringBuilder(prefix);
        for (String segment : route.path().split("/")) {
          if (segment.isEmpty()) {
            continue;
          }
          if (segment.startsWith(":")) {
            int regex = segment.indexOf('(');
            String param = segment.substring(1, regex < 0 ? segment.length() : regex);
            pathParams.add(param);
            path.append("/{").append(param).append("}");
          } else {
            path.append("/").append(segment);
          }
        }
        String key = path.toString();
        if (paths.containsKey(key) && ((Map<?, ?>) paths.get(key)).containsKey(method)) {
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(key, k -> new LinkedHashMap<>());
        String id = "route_" + method + key.replaceAll("[^A-Za-z0-9]+", "_");
        item.put(method, operation(route.action(), versions, id, pathParams, !method.equals("get") && !method.equals("head") && !method.equals("delete")));
      }
    }
  }

  private static Map<String, Object> operation(
      String name, List<ActionDefinition> versions, String operationId, List<String> pathParams, boolean body) {
    ActionDefinition newest = versions.get(versions.size() - 1);
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", operationId);
    op.put("summary", newest.description());
    op.put("tags", List.of("actions"));
    List<Object> parameters = new ArrayList<>();
    for (String p : pathParams) {
      Input declared = newest.inputs().stream().filter(i -> i.name().equals(p)).findFirst().orElse(null);
      Map<String, Object> parameter = new LinkedHashMap<>();
      parameter.put("name", p);
      parameter.put("in", "path");
      parameter.put("required", true);
      parameter.put("schema", declared == null ? JsonSchemas.type("string") : JsonSchemas.input(declared));
      parameters.add(parameter);
    }
    parameters.add(versionParameter(versions));
    List<Input> rest = newest.inputs().stream().filter(i -> !pathParams.contains(i.name())).toList();
    if (body) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("schema", JsonSchemas.object(rest));
      op.put("requestBody", Map.of("required", rest.stream().anyMatch(OpenApiDocument::required),
          "content", Map.of("application/json", json, "application/x-www-form-urlencoded", json)));
    } else {
      for (Input input : rest) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", input.name());
        parameter.put("in", "query");
        parameter.put("required", required(input));
        if (!input.description().isEmpty()) {
          parameter.put("description", input.description());
        }
        parameter.put("schema", JsonSchemas.input(input));
        if (input.type() == InputType.STRING_LIST) {
          parameter.put("style", "form");
          parameter.put("explode", false);
        }
        if (input.type() == InputType.OBJECT) {
          parameter.put("content", Map.of("application/json", Map.of("schema", parameter.remove("schema"))));
        }
        parameters.add(parameter);
      }
    }
    op.put("parameters", parameters);
    op.put("responses", responses(name, newest));
    return op;
  }

  private static boolean required(Input input) {
    return input.required() && input.defaultValue().isEmpty();
  }

  private static Map<String, Object> versionParameter(List<ActionDefinition> versions) {
    Map<String, Object> schema = JsonSchemas.type("string");
    schema.put("enum", versions.stream().map(v -> v.version().toString()).toList());
    schema.put("default", versions.get(versions.size() - 1).version().toString());
    Map<String, Object> parameter = new LinkedHashMap<>();
    parameter.put("name", "apiVersion");
    parameter.put("in", "query");
    parameter.put("required", false);
    parameter.put("description", "The action's version; the newest when absent.");
    parameter.put("schema", schema);
    return parameter;
  }

  private static Map<String, Object> responses(String name, ActionDefinition d) {
    Map<String, Object> ok = new LinkedHashMap<>();
    ok.put("description", "The action's response, in the envelope");
    Map<String, Object> schema =
        d.outputType().filter(Class::isRecord)
            .map(t -> JsonSchemas.javaType(t, new HashSet<>()))
            .orElseGet(() -> d.outputExample().isEmpty() ? JsonSchemas.type("object") : JsonSchemas.example(d.outputExample()));
    Map<String, Object> media = new LinkedHashMap<>();
    media.put("schema", schema);
    if (!d.outputExample().isEmpty()) {
      media.put("example", d.outputExample());
    }
    ok.put("content", Map.of("application/json", media));
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", ok);
    responses.put("404", error("Unknown action", "unknown action or invalid apiVersion"));
    String firstRequired = d.inputs().stream().filter(OpenApiDocument::required).map(Input::name).findFirst().orElse("name");
    responses.put("422", error("Missing or invalid params", firstRequired + " is a required parameter for this action"));
    responses.put("500", error("The action failed unexpectedly", "internal error"));
    return responses;
  }

  private static Map<String, Object> error(String description, String example) {
    Map<String, Object> media = new LinkedHashMap<>();
    media.put("schema", Map.of("$ref", ERROR_REF));
    media.put("example", Map.of("error", example));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("description", description);
    response.put("content", Map.of("application/json", media));
    return response;
  }

  private static Map<String, Object> errorSchema() {
    Map<String, Object> schema = JsonSchemas.type("object");
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("error", Map.of("type", "string", "description", "What went wrong"));
    properties.put("errorCode", Map.of("type", "string", "description", "A stable code, when the action gave one"));
    properties.put("serverInformation", JsonSchemas.type("object"));
    properties.put("requesterInformation", JsonSchemas.type("object"));
    schema.put("properties", properties);
    schema.put("required", List.of("error"));
    return schema;
  }

  private static String trimSlash(String path) {
    String p = path == null || path.isBlank() ? "/api" : path.strip();
    if (!p.startsWith("/")) {
      p = "/" + p;
    }
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}

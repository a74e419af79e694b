package org.actionhero4j.plugin.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Input;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real node with the docs plugin on Undertow: the document validates and the page is served. */
class DocsPluginTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  enum Mood { CHEERFUL, CALM }

  record Greeting(String greeting, int times) {}

  static final class Greet implements Action {
    private final int version;

    Greet(int version) {
      this.version = version;
    }

    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("greet")
          .description("Greets someone")
          .version(version)
          .input(Input.named("name").asString().required().description("who to greet"))
          .input(Input.named("times").asInteger().defaultValue(1))
          .input(Input.named("mood").asEnum(Mood.class))
          .outputExample(new Greeting("Hello, Ada", 1))
          .build();
    }

    @Override
    public Object run(ActionContext ctx) {
      return new Greeting("Hello", 1);
    }
  }

  private static Actionhero app;

  @BeforeAll
  static void start() throws Exception {
    app =
        Actionhero.builder()
            .noConfigDirectory()
            .environmentVariables(Map.of())
            .discoverPlugins(false)
            .set("web.port", 0)
            .set("web.transport", "undertow")
            .set("routes.get", List.of(Map.of("path", "/greetings/:name", "action", "greet")))
            .plugin(new DocsPlugin())
            .plugin(ctx -> ctx.action(new Greet(1)).action(new Greet(2)))
            .start();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void theDocumentIsValidOpenApi31() throws Exception {
    HttpResponse<String> served = get("/api/openapi.json");
    assertEquals(200, served.statusCode());
    assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

    assertEquals(List.of(), OpenApiValidation.problems(served.body()));
    assertEquals("3.1.0", JSON.readTree(served.body()).path("openapi").asString());
  }

  @Test
  void theValidatorRefusesABrokenDocument() throws Exception {
    String broken = get("/api/openapi.json").body().replace("\"responses\"", "\"answers\"");
    assertFalse(OpenApiValidation.problems(broken).isEmpty());
  }

  @Test
  void inputsBecomeParametersWithTypeRequiredDefaultEnumAndDescription() throws Exception {
    JsonNode get = JSON.readTree(get("/api/openapi.json").body()).path("paths").path("/api/greet").path("get");
    Map<String, JsonNode> params = new java.util.HashMap<>();
    get.path("parameters").forEach(p -> params.put(p.path("name").asString(), p));

    assertEquals("string", params.get("name").path("schema").path("type").asString());
    assertTrue(params.get("name").path("required").asBoolean());
    assertEquals("who to greet", params.get("name").path("description").asString());
    assertEquals("integer", params.get("times").path("schema").path("type").asString());
    assertEquals(1, params.get("times").path("schema").path("default").asInt());
    assertFalse(params.get("times").path("required").asBoolean());
    assertEquals("[\"CHEERFUL\",\"CALM\"]", params.get("mood").path("schema").path("enum").toString());
    assertEquals("[\"1\",\"2\"]", params.get("apiVersion").path("schema").path("enum").toString());
    assertEquals("2", params.get("apiVersion").path("schema").path("default").asString());
    for (String status : List.of("200", "404", "422", "500")) {
      assertFalse(get.path("responses").path(status).isMissingNode(), status);
    }
    assertEquals("Hello, Ada",
        get.path("responses").path("200").path("content").path("application/json").path("example").path("greeting").asString());
    assertEquals("integer", get.path("responses").path("200").path("content").path("application/json")
        .path("schema").path("properties").path("times").path("type").asString());
  }

  @Test
  void routesAreDocumentedWithTheirPathParams() throws Exception {
    JsonNode route = JSON.readTree(get("/api/openapi.json").body()).path("paths").path("/api/greetings/{name}").path("get");
    assertFalse(route.isMissingNode());
    assertEquals("path", route.path("parameters").path(0).path("in").asString());
  }

  @Test
  void theDocsPageServesSwaggerUiFromTheWebjar() throws Exception {
    HttpResponse<String> page = get("/docs");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("\"/api/openapi.json\""), page.body());
    assertFalse(page.body().contains("//"), "no CDN: every asset is served by the node");
    HttpResponse<String> bundle = get("/public/docs/swagger-ui-bundle.js");
    assertEquals(200, bundle.statusCode());
    assertTrue(bundle.body().contains("SwaggerUIBundle"));
    assertEquals(200, get("/public/docs/swagger-ui.css").statusCode());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port().getAsInt() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

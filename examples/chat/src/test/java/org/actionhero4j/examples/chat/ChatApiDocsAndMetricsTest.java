package org.actionhero4j.examples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.actionhero4j.ActionCatalog;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Input;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat example as started by its main class carries the docs and metrics plugins: the OpenAPI
 * document validates and lists every action with its inputs, and {@code /docs}, {@code /metrics} and
 * the probes answer.
 */
class ChatApiDocsAndMetricsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Actionhero app;

  @BeforeAll
  static void start() throws Exception {
    app = ChatApp.start(
        Actionhero.builder().noConfigDirectory().environmentVariables(Map.of()).set("web.port", 0));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void theOpenApiDocumentValidatesAndListsEveryActionWithItsInputs() throws Exception {
    String json = get("/api/openapi.json").body();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
    assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), String.valueOf(parsed.getMessages()));
    assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());

    JsonNode paths = JsonMapper.builder().build().readTree(json).path("paths");
    for (ActionDefinition action : app.injector().getInstance(ActionCatalog.class).definitions()) {
      JsonNode get = paths.path("/api/" + action.name()).path("get");
      if (action.blockedConnectionTypes().contains("web")) {
        assertTrue(get.isMissingNode(), action.name() + " refuses HTTP, yet it is documented as a route");
        continue;
      }
      assertFalse(get.isMissingNode(), action.name() + " is not documented");
      for (Input input : action.inputs()) {
        boolean listed = false;
        for (JsonNode p : get.path("parameters")) {
          listed |= p.path("name").asString().equals(input.name());
        }
        assertTrue(listed, action.name() + " lacks input " + input.name());
      }
    }
  }

  @Test
  void docsMetricsAndProbesAnswer() throws Exception {
    assertEquals(200, get("/docs").statusCode());
    assertEquals(200, get("/api/status").statusCode());
    String scrape = get("/metrics").body();
    assertTrue(scrape.contains("actionhero_actions_seconds_count{action=\"status\""), scrape);
    assertEquals(200, get("/health/live").statusCode());
    assertEquals(200, get("/health/ready").statusCode());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port().getAsInt() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

package org.actionhero4j.plugin.docs;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.actionhero4j.ActionCatalog;
import org.actionhero4j.EndpointReply;
import org.actionhero4j.EndpointRequest;
import org.actionhero4j.HttpEndpoint;
import org.actionhero4j.Plugin;
import org.actionhero4j.PluginContext;
import org.actionhero4j.ServedFile;
import org.actionhero4j.config.Config;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API described: an OpenAPI 3.1 document at {@code <urlPathForActions>/openapi.json}
 * (rendered on the first request, once every action exists) and a Swagger UI page at
 * {@code /docs}, whose scripts come from the {@code org.webjars:swagger-ui} jar.
 */
public final class DocsPlugin implements Plugin {

  static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/";
  private static final List<String> ASSETS =
      List.of("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png");

  @Override
  public String name() {
    return "docs";
  }

  @Override
  public void register(PluginContext context) {
    Config config = context.config();
    String version = swaggerUiVersion();
    for (String asset : ASSETS) {
      context.publicFile(new ServedFile("docs/" + asset, contentType(asset), resource(SWAGGER_UI + version + "/" + asset)));
    }
    String documentPath = actionsPath(config) + "/openapi.json";
    context.endpoint(new OpenApiEndpoint(documentPath, config));
    context.endpoint(new PageEndpoint(documentPath, config.general().serverName()));
  }

  static String actionsPath(Config config) {
    String p = config.web().urlPathForActions();
    p = p == null || p.isBlank() ? "/api" : p.strip();
    p = p.startsWith("/") ? p : "/" + p;
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static String swaggerUiVersion() {
    java.util.Properties pom = new java.util.Properties();
    try (InputStream in = stream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pom.getProperty("version");
  }

  private static InputStream stream(String name) {
    InputStream in = DocsPlugin.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the docs plugin needs org.webjars:swagger-ui on the classpath (" + name + ")");
    }
    return in;
  }

  private static byte[] resource(String name) {
    try (InputStream in = stream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String contentType(String asset) {
    if (asset.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return asset.endsWith(".png") ? "image/png" : "application/javascript; charset=utf-8";
  }

  /** The OpenAPI document, built once the actions exist. */
  static final class OpenApiEndpoint implements HttpEndpoint {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String path;
    private final Config config;
    private ActionCatalog catalog;
    private volatile Optional<String> rendered = Optional.empty();

    OpenApiEndpoint(String path, Config config) {
      this.path = path;
      this.config = config;
    }

    @Inject
    void catalog(ActionCatalog catalog) {
      this.catalog = catalog;
    }

    @Override
    public String path() {
      return path;
    }

    @Override
    public EndpointReply handle(EndpointRequest request) {
      String json = rendered.orElseGet(() -> {
        String built = JSON.writerWithDefaultPrettyPrinter()
            .writeValueAsString(OpenApiDocument.of(config, catalog.definitions()));
        rendered = Optional.of(built);
        return built;
      });
      return EndpointReply.json(200, json);
    }
  }

  /** The Swagger UI page, pointed at the document. */
  record PageEndpoint(String documentPath, String title) implements HttpEndpoint {
    @Override
    public String path() {
      return "/docs";
    }

    @Override
    public EndpointReply handle(EndpointRequest request) {
      String page = """
          <!doctype html>
          <html lang="en">
          <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s API</title>
            <link rel="stylesheet" href="/public/docs/swagger-ui.css">
            <link rel="icon" type="image/png" href="/public/docs/favicon-32x32.png">
          </head>
          <body>
            <div id="swagger-ui"></div>
            <script src="/public/docs/swagger-ui-bundle.js"></script>
            <script>
              window.ui = SwaggerUIBundle({ url: %s, dom_id: '#swagger-ui', deepLinking: true });
            </script>
          </body>
          </html>
          """.formatted(html(title), JSON_STRING.writeValueAsString(documentPath));
      return EndpointReply.text(200, "text/html; charset=utf-8", page);
    }

    private static final JsonMapper JSON_STRING = JsonMapper.builder().build();

    private static String html(String text) {
      return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
  }
}

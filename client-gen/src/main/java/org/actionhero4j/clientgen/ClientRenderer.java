package org.actionhero4j.clientgen;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.config.Config;
import org.actionhero4j.config.WebsocketConfig;

/**
 * Renders the browser client ({@code ActionheroWebsocketClient.js} and its {@code .d.ts}) from the
 * {@code websocket} config: the {@code websocket.client} section, {@code websocket.clientUrl} and
 * the server's pathname and ping interval become the defaults baked into the library. Templates are
 * compiled once per renderer; {@link #render} is thread-safe.
 */
public final class ClientRenderer {

  /** {@code websocket.clientUrl} value that stays a JavaScript expression, evaluated in the page. */
  public static final String PAGE_ORIGIN = "window.location.origin";

  private static final String TEMPLATE_ROOT = "org/actionhero4j/clientgen";

  private final Mustache javascript;
  private final Mustache typeDeclarations;

  public ClientRenderer() {
    DefaultMustacheFactory factory = new VerbatimMustacheFactory();
    this.javascript = factory.compile("ActionheroWebsocketClient.js.mustache");
    this.typeDeclarations = factory.compile("ActionheroWebsocketClient.d.ts.mustache");
  }

  /** Renders both files with the defaults of this configuration, typing no actions. */
  public RenderedClient render(Config config) {
    return render(config, List.of());
  }

  /** Renders both files with the defaults of this configuration and these actions' types. */
  public RenderedClient render(Config config, List<ActionDefinition> actions) {
    Map<String, Object> scope = scope(config.websocket());
    String javascriptSource = execute(javascript, scope);
    scope.put("actions", TypeScriptTypes.actions(actions, "    "));
    return new RenderedClient(javascriptSource, execute(typeDeclarations, scope));
  }

  /**
   * The template values. Every value is already JavaScript source (a literal or, for the page
   * origin, an expression); the {@code *Doc} values are the same text made safe for a comment.
   */
  static Map<String, Object> scope(WebsocketConfig websocket) {
    WebsocketConfig.Client client = websocket.client();
    WebsocketConfig.Reconnect reconnect = client.reconnect();
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("version", JavaScriptLiteral.string(Actionhero.VERSION));
    scope.put("apiPath", JavaScriptLiteral.string(client.apiPath()));
    scope.put("cookieKey", JavaScriptLiteral.string(client.cookieKey()));
    scope.put("url", url(websocket.clientUrl()));
    scope.put("pathname", JavaScriptLiteral.string(pathname(websocket.server().pathname())));
    scope.put("reconnectMin", JavaScriptLiteral.number(reconnect.min()));
    scope.put("reconnectMax", JavaScriptLiteral.number(reconnect.max()));
    scope.put("reconnectRetries", JavaScriptLiteral.number(reconnect.retries()));
    scope.put("reconnectFactor", JavaScriptLiteral.number(reconnect.factor()));
    scope.put("timeout", JavaScriptLiteral.number(client.timeout()));
    scope.put("pingTimeout", pingTimeout(client.pingTimeout(), websocket.server().pingInterval()));
    scope.put("queueSize", JavaScriptLiteral.number(client.queueSize()));
    scope.put(
        "transports",
        client.transports().stream().map(JavaScriptLiteral::string).collect(Collectors.joining(", ", "[", "]")));
    Map<String, Object> docs = new LinkedHashMap<>();
    scope.forEach((key, value) -> docs.put(key + "Doc", JavaScriptLiteral.inComment((String) value)));
    scope.putAll(docs);
    return scope;
  }

  private static String url(String clientUrl) {
    if (clientUrl == null || clientUrl.isBlank() || PAGE_ORIGIN.equals(clientUrl.strip())) {
      return PAGE_ORIGIN;
    }
    return JavaScriptLiteral.string(clientUrl);
  }

  /** Primus adds a missing leading slash to its pathname; the client must use the same path. */
  private static String pathname(String pathname) {
    if (pathname == null || pathname.isEmpty()) {
      return "/primus";
    }
    return pathname.startsWith("/") ? pathname : "/" + pathname;
  }

  /**
   * As Primus' {@code library()}: 1.5 times the server's ping interval unless configured, and
   * {@code false} (no dead-link detection) when the server does not ping.
   */
  private static String pingTimeout(long configured, long pingInterval) {
    if (configured > 0) {
      return JavaScriptLiteral.number(configured);
    }
    if (pingInterval <= 0) {
      return "false";
    }
    return JavaScriptLiteral.number(pingInterval + Math.round(pingInterval / 2.0));
  }

  private static String execute(Mustache template, Map<String, Object> scope) {
    StringWriter out = new StringWriter();
    template.execute(out, scope);
    return out.toString();
  }

  /** Writes values as they are: they are JavaScript source already, not HTML. */
  private static final class VerbatimMustacheFactory extends DefaultMustacheFactory {
    VerbatimMustacheFactory() {
      super(TEMPLATE_ROOT);
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

package org.actionhero4j.clientgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actionhero4j.Actionhero;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ClientRendererTest {

  @TempDir Path dir;

  @Test
  void builtInDefaultsAreBakedIntoTheLibrary() {
    String js = Rendered.client(Map.of()).javascript();

    assertTrue(js.contains("apiPath: \"/api\","), js);
    assertTrue(js.contains("cookieKey: \"sessionID\","));
    assertTrue(js.contains("url: window.location.origin,"));
    assertTrue(js.contains("pathname: \"/primus\""));
    assertTrue(js.contains("min: 500,"));
    assertTrue(js.contains("max: 30000,"));
    assertTrue(js.contains("retries: 10,"));
    assertTrue(js.contains("factor: 2"));
    assertTrue(js.contains("timeout: 10000,"));
    assertTrue(js.contains("pingTimeout: 45000,"), "1.5 x the default pingInterval of 30000");
    assertTrue(js.contains("queueSize: 1000,"));
    assertFalse(js.contains("{{"), "every template tag is filled");
  }

  @Test
  void configuredClientSectionIsBakedIn() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("websocket.client.apiPath", "/x");
    settings.put("websocket.client.cookieKey", "sid");
    settings.put("websocket.client.reconnect.min", 100);
    settings.put("websocket.client.reconnect.max", 900);
    settings.put("websocket.client.reconnect.retries", 3);
    settings.put("websocket.client.reconnect.factor", 1.5);
    settings.put("websocket.client.timeout", 2000);
    settings.put("websocket.client.pingTimeout", 7000);
    settings.put("websocket.client.queueSize", 5);
    settings.put("websocket.server.pathname", "sockets");
    settings.put("websocket.clientUrl", "https://api.example.com");

    String js = Rendered.client(settings).javascript();

    assertTrue(js.contains("apiPath: \"/x\","), js);
    assertTrue(js.contains("cookieKey: \"sid\","));
    assertTrue(js.contains("url: \"https://api.example.com\","));
    assertTrue(js.contains("min: 100,"));
    assertTrue(js.contains("max: 900,"));
    assertTrue(js.contains("retries: 3,"));
    assertTrue(js.contains("factor: 1.5"));
    assertTrue(js.contains("timeout: 2000,"));
    assertTrue(js.contains("pingTimeout: 7000,"));
    assertTrue(js.contains("queueSize: 5,"));
    assertTrue(js.contains("pathname: \"/sockets\""), "a missing leading slash is added, as Primus does");
  }

  @Test
  void pingTimeoutFollowsTheServerPingIntervalUnlessConfigured() {
    assertTrue(Rendered.client(Map.of("websocket.server.pingInterval", 20_000)).javascript()
        .contains("pingTimeout: 30000,"));
    assertTrue(Rendered.client(Map.of("websocket.server.pingInterval", 0)).javascript()
        .contains("pingTimeout: false,"), "no server pings: no dead-link detection");
  }

  @Test
  void configChangedThroughTheApplicationBuilderReachesTheLibrary() throws Exception {
    Actionhero app =
        Actionhero.builder()
            .noConfigDirectory()
            .environmentVariables(Map.of())
            .discoverPlugins(false)
            .set("web.enabled", false)
            .set("websocket.client.apiPath", "/x")
            .start();
    try {
      assertTrue(new ClientRenderer().render(app.config()).javascript().contains("apiPath: \"/x\","));
    } finally {
      app.stop();
    }
  }

  @Test
  void renderedLibraryIsValidJavaScript() throws Exception {
    Path file = dir.resolve("ActionheroWebsocketClient.js");
    Files.writeString(file, Rendered.client(Map.of()).javascript());

    Node.Result check = Node.run(dir, "--check", file.toString());

    assertEquals(0, check.exitCode(), check.stderr());
  }

  @Test
  void hostileStringsStayStringsAndCannotEndTheScript() throws Exception {
    String apiPath = "/a\"b'c\\d</script><!--\u2028\u2029\n&";
    String cookieKey = "k\u0000\u001f\ud83d\ude00";
    String clientUrl = "http://x/</script>";
    String js =
        Rendered.client(Map.of(
                "websocket.client.apiPath", apiPath,
                "websocket.client.cookieKey", cookieKey,
                "websocket.clientUrl", clientUrl))
            .javascript();
    assertFalse(js.contains("</script>"), "a closing script tag would end an inline <script>");
    assertFalse(js.contains("\u2028"));

    Path file = dir.resolve("client.js");
    Files.writeString(file, js);
    Path probe = dir.resolve("probe.js");
    Files.writeString(probe, """
        global.window = global;
        window.location = { origin: 'http://page.test', protocol: 'http:', host: 'page.test' };
        const Client = require(process.argv[2]);
        process.stdout.write(JSON.stringify(Client.defaults()));
        """);
    Node.Result result = Node.run(dir, probe.toString(), file.toString());
    assertEquals(0, result.exitCode(), result.stderr());

    @SuppressWarnings("unchecked")
    Map<String, Object> defaults = JsonMapper.builder().build().readValue(result.stdout(), Map.class);
    assertEquals(apiPath, defaults.get("apiPath"));
    assertEquals(cookieKey, defaults.get("cookieKey"));
    assertEquals(clientUrl, defaults.get("url"));
  }

  @Test
  void pageOriginUrlIsEvaluatedInThePage() throws Exception {
    Path file = dir.resolve("client.js");
    Files.writeString(file, Rendered.client(Map.of()).javascript());
    Path probe = dir.resolve("probe.js");
    Files.writeString(probe, """
        global.window = global;
        window.location = { origin: 'http://page.test:1234', protocol: 'http:', host: 'page.test:1234' };
        require(process.argv[2]);
        process.stdout.write(new window.ActionheroWebsocketClient().options.url);
        """);
    Node.Result result = Node.run(dir, probe.toString(), file.toString());
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("http://page.test:1234", result.stdout());
  }

  @Test
  void typeDeclarationsDescribeTheClientWithItsDefaults() {
    String dts = Rendered.client(Map.of("websocket.client.apiPath", "/x*/y")).typeDeclarations();

    assertTrue(dts.contains("declare class ActionheroWebsocketClient"));
    assertTrue(dts.contains("export as namespace ActionheroWebsocketClient;"));
    assertTrue(dts.contains("type State = 'disconnected' | 'connected' | 'reconnecting' | 'timeout';"));
    assertTrue(dts.contains("  action<N extends ActionheroWebsocketClient.ActionName>("));
    for (String method : List.of("connect(", "actionWeb(", "say(", "roomAdd(", "roomLeave(",
        "roomView(", "detailsView(", "file(", "documentation(", "disconnect(")) {
      assertTrue(dts.contains("  " + method), method);
    }
    assertTrue(dts.contains("Default: \"/x*\\/y\""), "a default cannot close its doc comment");
    assertFalse(dts.contains("{{"));
  }
}

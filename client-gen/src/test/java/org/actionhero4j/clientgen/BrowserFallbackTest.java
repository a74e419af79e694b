package org.actionhero4j.clientgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The served library in headless Chromium where WebSocket is missing or blocked: it carries on
 * over long-polling, invisibly to the page, and moves to WebSocket once one gets through.
 */
class BrowserFallbackTest {

  /** Runs before any page script: the page has no WebSocket at all. */
  private static final String NO_WEBSOCKET = "delete window.WebSocket;";

  /**
   * Runs before any page script: every WebSocket fails to open while {@code window.__blocked} is
   * true, as behind a proxy that refuses upgrades.
   */
  private static final String BLOCKED_WEBSOCKET = """
      (function () {
        var Real = window.WebSocket;
        window.__blocked = true;
        window.WebSocket = function (url) {
          if (!window.__blocked) {
            return new Real(url);
          }
          var fake = { readyState: 3, send: function () {}, close: function () {} };
          setTimeout(function () {
            if (fake.onerror) { fake.onerror({}); }
            if (fake.onclose) { fake.onclose({}); }
          }, 0);
          return fake;
        };
      })();
      """;

  @TempDir static Path publicDir;
  @TempDir static Path workDir;

  static Browser browser;
  private String initScript;

  @BeforeAll
  static void startBrowser() throws Exception {
    Files.writeString(publicDir.resolve("index.html"), BrowserClientTest.INDEX_PAGE);
    Files.writeString(
        publicDir.resolve("quick-upgrade.html"),
        BrowserClientTest.INDEX_PAGE.replace(
            "new ActionheroWebsocketClient()", "new ActionheroWebsocketClient({ upgradeRetry: 300 })"));
    browser = Browser.start(workDir);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void closePages() {
    if (browser != null) {
      if (initScript != null) {
        browser.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", initScript));
        initScript = null;
      }
      browser.reset();
    }
  }

  private void beforeEveryPage(String source) {
    Map<String, Object> added =
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
    initScript = String.valueOf(added.get("identifier"));
  }

  @ParameterizedTest
  @FieldSource("org.actionhero4j.clientgen.TestServer#TRANSPORTS")
  void aPageWithoutWebSocketChatsOverPollingWithAWebSocketPage(String transport) throws Exception {
    try (TestServer server = TestServer.start(transport, 0, publicDir, Map.of())) {
      beforeEveryPage(NO_WEBSOCKET);
      browser.open(server.url("/index.html"));
      assertEquals("undefined", browser.script("return typeof window.WebSocket;"));
      Map<String, Object> connect = BrowserClientTest.map(browser.await("connect-callback"));
      assertNull(connect.get("error"));
      browser.await("connected");
      browser.await("welcome");
      assertEquals("OK", BrowserClientTest.map(browser.await("roomAdd")).get("status"));
      Map<String, Object> echo = BrowserClientTest.map(browser.await("echo"));
      assertEquals("hello", BrowserClientTest.map(echo.get("echo")).get("message"));
      assertEquals("connected", browser.script("return client.state;"));
      String polling = browser.driver().getWindowHandle();
      String pollingId = String.valueOf(browser.script("return client.id;"));

      browser.script("client.detailsView(function (r) { window.__record('details', r); });");
      assertEquals("websocket", BrowserClientTest.map(BrowserClientTest.map(browser.await("details")).get("data")).get("type"));

      String withWebSocket = browser.openTab(server.url("/index.html"));
      browser.await("echo");
      assertEquals("function", browser.script("return typeof window.WebSocket;"));
      String webSocketId = String.valueOf(browser.script("return client.id;"));

      browser.switchTo(polling);
      browser.script("client.say('defaultRoom', 'from polling');");
      browser.switchTo(withWebSocket);
      assertEquals(pollingId, BrowserClientTest.map(browser.await("say", d -> "from polling".equals(BrowserClientTest.map(d).get("message")))).get("from"));
      browser.script("client.say('defaultRoom', 'from websocket');");
      browser.switchTo(polling);
      assertEquals(webSocketId, BrowserClientTest.map(browser.await("say", d -> "from websocket".equals(BrowserClientTest.map(d).get("message")))).get("from"));
    }
  }

  @ParameterizedTest
  @FieldSource("org.actionhero4j.clientgen.TestServer#TRANSPORTS")
  void aBlockedUpgradeFallsBackThenMovesToWebSocketOnceAllowed(String transport) throws Exception {
    try (TestServer server = TestServer.start(transport, 0, publicDir, Map.of())) {
      beforeEveryPage(BLOCKED_WEBSOCKET);
      browser.open(server.url("/quick-upgrade.html"));
      browser.await("echo");
      String id = String.valueOf(browser.script("return client.id;"));
      assertEquals(Boolean.FALSE, browser.script("return !!(client.client.socket.ws && !client.client.socket.upgrading);"));

      browser.script("window.__blocked = false;");
      browser.awaitTrue(
          "return !!(client.client.socket.ws && !client.client.socket.upgrading && client.client.socket.ws.readyState === 1);",
          "the client moved to WebSocket");
      browser.script("client.detailsView(function (r) { window.__record('details', r); });");
      Map<String, Object> details = BrowserClientTest.map(BrowserClientTest.map(browser.await("details")).get("data"));
      assertEquals(id, details.get("id"));
      assertEquals("websocket", details.get("type"));
      browser.script("client.say('defaultRoom', 'after the upgrade');");
      browser.await("say", d -> "after the upgrade".equals(BrowserClientTest.map(d).get("message")));
    }
  }
}

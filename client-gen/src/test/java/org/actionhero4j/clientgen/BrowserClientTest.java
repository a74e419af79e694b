package org.actionhero4j.clientgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openqa.selenium.Cookie;

/**
 * The served library in headless Chromium against a real server, over each transport. One browser
 * for the whole class; every test starts its own server(s).
 */
class BrowserClientTest {

  /** Exactly what a page using the client does; events go to window.__events for the test. */
  static final String INDEX_PAGE = """
      <!doctype html>
      <html><head><meta charset="utf-8"><title>client-gen browser test</title>
      <script src="/public/javascript/ActionheroWebsocketClient.js"></script></head>
      <body><script>
      window.__events = [];
      window.__record = function (name, data) {
        window.__events.push({ name: name, data: data === undefined ? null : JSON.parse(JSON.stringify(data)) });
      };
      var client = new ActionheroWebsocketClient();
      window.client = client;
      ['connected', 'disconnected', 'error', 'reconnect', 'reconnecting', 'alert', 'api', 'welcome', 'say']
        .forEach(function (name) {
          client.on(name, function (data) { window.__record(name, data instanceof Error ? String(data) : data); });
        });
      client.connect(function (error, details) {
        window.__record('connect-callback', { error: error ? String(error) : null, details: details });
        client.roomAdd('defaultRoom', function (response) {
          window.__record('roomAdd', response);
          client.action('echo', { message: 'hello', other: 42 }, function (response) {
            window.__record('echo', response);
          });
        });
      });
      </script></body></html>
      """;

  /** An HTTP call first (which sets the fingerprint cookie), then the socket. */
  static final String FINGERPRINT_PAGE = """
      <!doctype html>
      <html><head><meta charset="utf-8"><title>client-gen fingerprint test</title>
      <script src="/public/javascript/ActionheroWebsocketClient.js"></script></head>
      <body><script>
      window.__events = [];
      window.__record = function (name, data) {
        window.__events.push({ name: name, data: data === undefined ? null : JSON.parse(JSON.stringify(data)) });
      };
      var client = new ActionheroWebsocketClient();
      window.client = client;
      client.actionWeb({ action: 'echo', message: 'first contact' }, function (response) {
        window.__record('http', response);
        client.connect(function (error, details) {
          window.__record('connect-callback', { error: error ? String(error) : null, details: details });
        });
      });
      </script></body></html>
      """;

  @TempDir static Path publicDir;
  @TempDir static Path workDir;

  static Browser browser;

  @BeforeAll
  static void startBrowser() throws Exception {
    Files.writeString(publicDir.resolve("index.html"), INDEX_PAGE);
    Files.writeString(publicDir.resolve("fingerprint.html"), FINGERPRINT_PAGE);
    Files.writeString(publicDir.resolve("empty.html"), "<!doctype html><title>empty</title>");
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
      browser.reset();
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  /** A server whose generated library is reachable, or a failure that says it is not. */
  private static TestServer server(String transport, int port) throws Exception {
    return server(transport, port, Map.of());
  }

  private static TestServer server(String transport, int port, Map<String, Object> settings) throws Exception {
    TestServer server = TestServer.start(transport, port, publicDir, settings);
    int status = server.get("/public/javascript/ActionheroWebsocketClient.js").statusCode();
    if (status != 200) {
      server.close();
      throw new AssertionError("the generated library is not served (GET /public/javascript/"
          + "ActionheroWebsocketClient.js -> " + status + "): core must serve PluginContext.publicFile files");
    }
    return server;
  }

  private Map<String, Object> openReadyPage(TestServer server) {
    browser.open(server.url("/index.html"));
    return map(browser.await("echo"));
  }

  @ParameterizedTest
  @FieldSource("org.actionhero4j.clientgen.TestServer#TRANSPORTS")
  void connectsIsWelcomedAndReceivesItsDetails(String transport) throws Exception {
    try (TestServer server = server(transport, 0)) {
      browser.open(server.url("/index.html"));

      Map<String, Object> connect = map(browser.await("connect-callback"));
      assertNull(connect.get("error"));
      Map<String, Object> details = map(map(connect.get("details")).get("data"));
      assertEquals(browser.script("return client.id;"), details.get("id"));
      assertTrue(server.app().connections().local(String.valueOf(details.get("id"))).isPresent(),
          "the server knows the socket by the id the page was given");
      assertEquals(server.app().config().general().welcomeMessage(), map(browser.await("welcome")).get("welcome"));
      browser.await("connected");
      assertEquals("connected", browser.script("return client.state;"));
      assertTrue(browser.event("error", d -> true).isEmpty(), String.valueOf(browser.events()));
    }
  }

  @ParameterizedTest
  @FieldSource("org.actionhero4j.clientgen.TestServer#TRANSPORTS")
  void runsAnActionWithParamsOverTheSocket(String transport) throws Exception {
    try (TestServer server = server(transport, 0)) {
      Map<String, Object> reply = openReadyPage(server);

      Map<String, Object> echo = map(reply.get("echo"));
      assertEquals("hello", echo.get("message"));
      assertEquals(42, echo.get("other"), "socket params keep their JSON types");
      assertEquals("response", reply.get("context"));
      assertNull(reply.get("serverInformation"), "a socket reply, not the HTTP envelope");
      assertEquals("OK", map(browser.await("roomAdd")).get("status"));
      assertEquals(List.of("defaultRoom"), browser.script("return client.rooms;"));
    }
  }

  @ParameterizedTest
  @FieldSource("org.actionhero4j.clientgen.TestServer#TRANSPORTS")
  void twoPagesChatInARoom(String transport) throws Exception {
    try (TestServer server = server(transport, 0)) {
      browser.open(server.url("/index.html"));
      browser.await("echo");
      String pageA = browser.driver().getWindowHandle();
      String idA = String.valueOf(browser.script("return client.id;"));
      String pageB = browser.openTab(server.url("/index.html"));
      browser.await("echo");
      String idB = String.valueOf(browser.script("return client.id;"));
      assertNotEquals(idA, idB);

      browser.switchTo(pageA);
      browser.script("client.say('defaultRoom', 'hello from A', function (r) { window.__record('sayReply', r); });");
      assertEquals("OK", map(browser.await("sayReply")).get("status"));
      browser.switchTo(pageB);
      Map<String, Object> heard = map(browser.await("say", d -> "hello from A".equals(map(d).get("message"))));
      assertEquals(idA, heard.get("from"));
      assertEquals("defaultRoom", heard.get("room"));

      browser.script("client.say('defaultRoom', 'hello from B');");
      browser.switchTo(pageA);
      assertEquals(idB, map(browser.await("say", d -> "hello from B".equals(map(d).get("message")))).get("from"));
      browser.await("say", d -> "hello from A".equals(map(d).get("message"))); // the sender hears itself
    }
  }

  @ParameterizedTest
  @FieldSource("org.actionhero4j.clientgen.TestServer#TRANSPORTS")
  void reconnectsToARestartedServerRejoinsItsRoomsAndKeepsTalking(String transport) throws Exception {
    int port = TestServer.freePort();
    String firstId;
    try (TestServer first = server(transport, port)) {
      openReadyPage(first);
      firstId = String.valueOf(browser.script("return client.id;"));
    }
    browser.await("reconnecting");
    browser.await("disconnected");
    assertTrue(browser.event("reconnect", d -> true).isEmpty());

    try (TestServer second = server(transport, port)) {
      browser.await("reconnect");
      assertEquals("connected", browser.script("return client.state;"));
      String secondId = String.valueOf(browser.script("return client.id;"));
      assertNotEquals(firstId, secondId, "a new connection on the new server");
      assertTrue(second.app().chatRooms().status("defaultRoom").members().containsKey(secondId),
          "the room was joined again on the new server");
      assertEquals(List.of("defaultRoom"), browser.script("return client.rooms;"));

      browser.script("client.roomView('defaultRoom', function (r) { window.__record('roomView', r); });");
      Map<String, Object> view = map(map(browser.await("roomView")).get("data"));
      assertTrue(map(view.get("members")).containsKey(secondId), String.valueOf(view));

      second.app().chatRooms().broadcast("defaultRoom", "after the restart");
      browser.await("say", d -> "after the restart".equals(map(d).get("message")));
      browser.script("client.action('echo', { message: 'again' }, function (r) { window.__record('echoAgain', r); });");
      Map<String, Object> again = map(browser.await("echoAgain"));
      assertEquals("again", map(again.get("echo")).get("message"));
      assertNull(again.get("serverInformation"), "over the socket again, not the HTTP fallback");
    }
  }

  @ParameterizedTest
  @FieldSource("org.actionhero4j.clientgen.TestServer#TRANSPORTS")
  void actionFallsBackToHttpWhileDisconnected(String transport) throws Exception {
    try (TestServer server = server(transport, 0)) {
      openReadyPage(server);

      browser.script("""
          client.disconnect();
          client.action('echo', { message: 'over http', other: 7 }, function (r) { window.__record('httpEcho', r); });
          """);

      Map<String, Object> reply = map(browser.await("httpEcho"));
      assertEquals("over http", map(reply.get("echo")).get("message"), String.valueOf(reply));
      assertNotNull(reply.get("serverInformation"), "the HTTP envelope: it went over POST /api?action=echo");
      assertNull(reply.get("error"));
      assertEquals("disconnected", browser.script("return client.state;"));
      browser.await("disconnected");
    }
  }

  @ParameterizedTest
  @FieldSource("org.actionhero4j.clientgen.TestServer#TRANSPORTS")
  void fingerprintCookieFromHttpIsTheSocketsFingerprint(String transport) throws Exception {
    try (TestServer server = server(transport, 0)) {
      browser.open(server.url("/empty.html"));
      browser.driver().manage().deleteAllCookies();
      browser.open(server.url("/fingerprint.html"));

      Map<String, Object> http = map(browser.await("http"));
      Map<String, Object> connect = map(browser.await("connect-callback"));
      Cookie cookie = browser.driver().manage().getCookieNamed("sessionID");
      assertNotNull(cookie, "the HTTP call set the fingerprint cookie");
      assertFalse(cookie.getValue().isEmpty());
      String socketFingerprint = String.valueOf(map(map(connect.get("details")).get("data")).get("fingerprint"));
      assertEquals(cookie.getValue(), socketFingerprint);
      Object requester = http.get("requesterInformation");
      if (requester != null) {
        assertEquals(cookie.getValue(), map(requester).get("fingerprint"));
      }
      assertEquals(socketFingerprint, browser.script("return client.fingerprint;"));
    }
  }

  @ParameterizedTest
  @FieldSource("org.actionhero4j.clientgen.TestServer#TRANSPORTS")
  void silentServerCountsAsADeadLinkAndIsReconnected(String transport) throws Exception {
    // the server never pings, the client expects a ping within 1.5 s
    try (TestServer server = server(transport, 0, Map.of(
        "websocket.server.pingInterval", 0, "websocket.client.pingTimeout", 1500))) {
      openReadyPage(server);
      String firstId = String.valueOf(browser.script("return client.id;"));

      browser.await("reconnecting");
      browser.await("reconnect");

      String secondId = String.valueOf(browser.script("return client.id;"));
      assertNotEquals(firstId, secondId);
      assertTrue(server.app().chatRooms().status("defaultRoom").members().containsKey(secondId));
    }
  }

  @ParameterizedTest
  @FieldSource("org.actionhero4j.clientgen.TestServer#TRANSPORTS")
  void connectionEndedByTheServerStaysClosed(String transport) throws Exception {
    try (TestServer server = server(transport, 0)) {
      openReadyPage(server);

      server.app().connections().destroy(String.valueOf(browser.script("return client.id;")));

      browser.await("disconnected");
      assertEquals("disconnected", browser.script("return client.state;"));
      // a reconnect would have been scheduled when the socket closed; none is
      assertEquals(true, browser.script("return client.client.ended;"));
      assertEquals(true, browser.script("return client.client.timers.reconnect === undefined;"));
      assertTrue(browser.event("reconnecting", d -> true).isEmpty());
    }
  }
}

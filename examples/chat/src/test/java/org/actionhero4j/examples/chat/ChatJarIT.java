package org.actionhero4j.examples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.actionhero4j.clientgen.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The example as a newcomer runs it: {@code java -jar actionhero4j-example-chat.jar}, two Chromium
 * tabs that join, talk, see each other in the member list and leave, then SIGTERM.
 */
class ChatJarIT {

  private static final Path JAR = Path.of("target", "actionhero4j-example-chat.jar").toAbsolutePath();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final HttpClient HTTPS = trustingClient();

  @TempDir static Path tmp;
  private static Browser browser;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = Browser.start(tmp);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"undertow", "jetty"})
  void twoPagesChatThroughTheJar(String transport) throws Exception {
    chat(transport, false);
  }

  /** The same over {@code https://} and {@code wss://}, TLS set by environment variables only. */
  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"undertow", "jetty"})
  void twoPagesChatOverHttps(String transport) throws Exception {
    chat(transport, true);
  }

  private void chat(String transport, boolean tls) throws Exception {
    int port = freePort();
    String scheme = tls ? "https" : "http";
    Path log = tmp.resolve("chat-" + transport + "-" + scheme + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString())
            .directory(tmp.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("PORT", String.valueOf(port));
    pb.environment().put("ACTIONHERO_WEB_TRANSPORT", transport);
    if (tls) {
      Path keyStore = devCertificate();
      pb.environment().put("ACTIONHERO_WEB_SECURE_ENABLED", "true");
      pb.environment().put("ACTIONHERO_WEB_SECURE_KEY_STORE", keyStore.toString());
      pb.environment().put("ACTIONHERO_WEB_SECURE_KEY_STORE_PASSWORD", "changeit");
    }
    long launched = System.nanoTime();
    Process server = pb.start();
    try {
      awaitPage(scheme, port, server, log);
      System.out.printf("chat jar on %s answered after %d ms%n", transport, (System.nanoTime() - launched) / 1_000_000);
      assertTrue(
          Files.readString(log).contains("started: http://127.0.0.1:" + port + " on " + transport), Files.readString(log));

      browser.reset();
      browser.open(scheme + "://127.0.0.1:" + port + "/");
      String first = browser.driver().getWindowHandle();
      browser.awaitTrue("return document.getElementById('state').textContent === 'connected'", "tab 1 connected");
      browser.awaitTrue("return document.getElementById('nicknameDialog').open", "tab 1 asks for a nickname");
      browser.driver().findElement(By.id("nicknameInput")).sendKeys("Ada" + Keys.ENTER);
      browser.awaitTrue("return document.getElementById('myRooms').textContent.includes('defaultRoom')", "tab 1 in defaultRoom");
      assertTrue(browser.driver().findElement(By.id("welcome")).getText().startsWith("Hello! Welcome"));

      String second = browser.openTab(scheme + "://127.0.0.1:" + port + "/");
      browser.awaitTrue("return document.getElementById('state').textContent === 'connected'", "tab 2 connected");
      browser.awaitTrue("return document.querySelectorAll('#members li').length === 2", "tab 2 sees two members");
      browser.awaitTrue("return document.getElementById('myName').textContent === 'Ada'", "the same browser keeps its nickname");

      browser.switchTo(first);
      browser.awaitTrue("return document.querySelectorAll('#members li').length === 2", "tab 1 sees two members");

      browser.switchTo(second);
      browser.driver().findElement(By.id("messageInput")).sendKeys("hello from tab two" + Keys.ENTER);
      browser.awaitTrue(
          "return Array.from(document.querySelectorAll('#messages li')).some(li => li.textContent.includes('hello from tab two'))",
          "tab 2 sees its own message");
      browser.switchTo(first);
      browser.awaitTrue(
          "return Array.from(document.querySelectorAll('#messages li')).some(li => li.textContent.includes('hello from tab two'))",
          "tab 1 receives the message");

      browser.switchTo(second);
      browser.driver().findElement(By.id("leaveButton")).click();
      browser.awaitTrue("return !document.getElementById('myRooms').textContent.includes('defaultRoom')", "tab 2 left");
      browser.switchTo(first);
      browser.awaitTrue("return document.querySelectorAll('#members li').length === 1", "tab 1 sees one member again");
    } finally {
      server.destroy();
      boolean exited = server.waitFor(30, TimeUnit.SECONDS);
      if (!exited) {
        server.destroyForcibly();
      }
      assertTrue(exited, "the chat jar did not stop on SIGTERM");
    }
    String output = Files.readString(log);
    assertTrue(output.contains("stopped"), "graceful stop was not logged:\n" + output);
    assertEquals(143, server.exitValue(), output);
  }

  private static void awaitPage(String scheme, int port, Process server, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    HttpRequest request = HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(2)).build();
    HttpClient client = scheme.equals("https") ? HTTPS : HTTP;
    while (true) {
      try {
        HttpResponse<String> page = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("ActionheroWebsocketClient.js"));
        return;
      } catch (java.io.IOException notYet) {
        if (!server.isAlive()) {
          throw new AssertionError("the chat jar exited:\n" + Files.readString(log));
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the chat jar did not answer within 60 s:\n" + Files.readString(log));
        }
        server.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** What the README tells a developer to run: keytool, a PKCS12 store for localhost. */
  private static Path devCertificate() throws Exception {
    Path store = tmp.resolve("dev-" + System.nanoTime() + ".p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "30",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + out);
    return store;
  }

  private static HttpClient trustingClient() {
    try {
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      javax.net.ssl.X509TrustManager any =
          new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
              return new java.security.cert.X509Certificate[0];
            }
          };
      context.init(null, new javax.net.ssl.TrustManager[] {any}, null);
      return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

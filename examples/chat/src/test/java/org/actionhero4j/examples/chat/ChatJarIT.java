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
    int port = freePort();
    Path log = tmp.resolve("chat-" + transport + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString())
            .directory(tmp.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("PORT", String.valueOf(port));
    pb.environment().put("ACTIONHERO_WEB_TRANSPORT", transport);
    long launched = System.nanoTime();
    Process server = pb.start();
    try {
      awaitPage(port, server, log);
      System.out.printf("chat jar on %s answered after %d ms%n", transport, (System.nanoTime() - launched) / 1_000_000);
      assertTrue(
          Files.readString(log).contains("started: http://127.0.0.1:" + port + " on " + transport), Files.readString(log));

      browser.reset();
      browser.open("http://127.0.0.1:" + port + "/");
      String first = browser.driver().getWindowHandle();
      browser.awaitTrue("return document.getElementById('state').textContent === 'connected'", "tab 1 connected");
      browser.awaitTrue("return document.getElementById('nicknameDialog').open", "tab 1 asks for a nickname");
      browser.driver().findElement(By.id("nicknameInput")).sendKeys("Ada" + Keys.ENTER);
      browser.awaitTrue("return document.getElementById('myRooms').textContent.includes('defaultRoom')", "tab 1 in defaultRoom");
      assertTrue(browser.driver().findElement(By.id("welcome")).getText().startsWith("Hello! Welcome"));

      String second = browser.openTab("http://127.0.0.1:" + port + "/");
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

  private static void awaitPage(int port, Process server, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(2)).build();
    while (true) {
      try {
        HttpResponse<String> page = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

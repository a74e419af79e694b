package org.actionhero4j.examples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.actionhero4j.Actionhero;
import org.actionhero4j.clientgen.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;

/**
 * Two people (two Chromium profiles, so two fingerprints) in the chat example: nicknames instead of
 * ids, timestamps, join and leave notices, and a member list that is right again after a reconnect.
 * Screenshots land in {@code target/screenshots}.
 */
class ChatPageIT {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir Path tmp;
  private Actionhero app;
  private Browser ada;
  private Browser bob;

  @AfterEach
  void stop() {
    if (ada != null) {
      ada.close();
    }
    if (bob != null) {
      bob.close();
    }
    if (app != null) {
      app.stop();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"undertow", "jetty"})
  void twoPeopleChatByNicknameSeeNoticesAndARightMemberListAfterAReconnect(String transport) throws Exception {
    app =
        ChatApp.start(
            Actionhero.builder()
                .noConfigDirectory()
                .environmentVariables(Map.of())
                .set("web.port", 0)
                .set("web.transport", transport));
    String url = "http://127.0.0.1:" + app.port().getAsInt() + "/";
    HttpResponse<String> favicon =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(url + "favicon.ico")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, favicon.statusCode(), "the page's icon is served (no console error for it)");

    ada = Browser.start(Files.createDirectories(tmp.resolve("ada")));
    bob = Browser.start(Files.createDirectories(tmp.resolve("bob")));
    enter(ada, url, "Ada");
    enter(bob, url, "Bob");

    for (Browser b : new Browser[] {ada, bob}) {
      b.awaitTrue(membersAre("Ada", "Bob"), "both members listed by nickname");
    }
    ada.awaitTrue(lineContains("Bob joined"), "Ada sees Bob's join notice");
    ada.awaitTrue(
        "return document.getElementById('transport').textContent === 'over websocket'", "the page says what carries it");

    bob.driver().findElement(By.id("messageInput")).sendKeys("hello Ada" + Keys.ENTER);
    ada.awaitTrue(
        "return Array.from(document.querySelectorAll('#messages li')).some(li =>"
            + " li.querySelector('.from') && li.querySelector('.from').textContent === 'Bob'"
            + " && li.textContent.includes('hello Ada') && /\\d\\d:\\d\\d/.test(li.querySelector('time').textContent))",
        "Ada sees Bob's message under his nickname, with a timestamp");
    screenshot(ada, transport + "-ada-chatting");

    bob.script("window.chat.client.client.socket.close();");
    bob.awaitTrue("return window.chat.client.state !== 'connected' || document.getElementById('state').textContent === 'reconnecting'", "Bob's link dropped");
    bob.awaitTrue("return document.getElementById('state').textContent === 'connected'", "Bob reconnected");
    bob.awaitTrue(membersAre("Ada", "Bob"), "Bob's member list is right after the reconnect");
    ada.awaitTrue(membersAre("Ada", "Bob"), "Ada still sees both");
    screenshot(bob, transport + "-bob-after-reconnect");

    bob.driver().findElement(By.id("leaveButton")).click();
    ada.awaitTrue(lineContains("Bob left"), "Ada sees Bob's leave notice");
    ada.awaitTrue(membersAre("Ada"), "Ada's member list drops Bob");

    ada.driver().findElement(By.id("actionParams")).clear();
    ada.driver().findElement(By.id("actionParams")).sendKeys("{not json");
    ada.driver().findElement(By.id("actionButton")).click();
    ada.awaitTrue(
        "return document.getElementById('actionError').textContent.startsWith('params must be JSON')",
        "bad JSON in the action box is refused, not sent as {}");

    ada.driver().manage().window().setSize(new Dimension(390, 844));
    ada.awaitTrue(
        "return document.documentElement.scrollWidth <= window.innerWidth + 1", "no sideways scrolling at phone width");
    screenshot(ada, transport + "-ada-phone-width");
    assertTrue(Files.size(SCREENSHOTS.resolve(transport + "-ada-phone-width.png")) > 0);
  }

  private static void enter(Browser browser, String url, String nickname) {
    browser.open(url);
    browser.awaitTrue("return document.getElementById('nicknameDialog').open", nickname + " is asked for a nickname");
    browser.driver().findElement(By.id("nicknameInput")).sendKeys(nickname + Keys.ENTER);
    browser.awaitTrue("return document.getElementById('myName').textContent === '" + nickname + "'", nickname + " entered");
  }

  private static String membersAre(String... nicknames) {
    StringBuilder expected = new StringBuilder("[");
    for (int i = 0; i < nicknames.length; i++) {
      expected.append(i == 0 ? "" : ",").append('\'').append(nicknames[i]).append('\'');
    }
    return "return JSON.stringify(Array.from(document.querySelectorAll('#members li'))"
        + ".map(li => li.firstChild.textContent.trim()).sort()) === JSON.stringify(" + expected + "].sort())";
  }

  private static String lineContains(String text) {
    return "return Array.from(document.querySelectorAll('#messages li')).some(li => li.textContent.includes('" + text + "'))";
  }

  private static void screenshot(Browser browser, String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path shot = browser.driver().getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}

package org.actionhero4j.clientgen;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

/**
 * One headless Debian Chromium driven through Debian's chromedriver (never a downloaded one), with
 * helpers for the test pages' {@code window.__events}.
 */
public final class Browser implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(20);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  public static Browser start(Path workDir) throws Exception {
    ExternalTools.requireChromium();
    // An explicit driver keeps Selenium Manager from looking for (and downloading) one.
    System.setProperty("webdriver.chrome.driver", ExternalTools.CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(ExternalTools.CHROMIUM.toFile());
    // tests serve HTTPS with certificates made on the spot
    options.setAcceptInsecureCerts(true);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        // background tabs keep their timers and sockets running (the chat test uses two tabs)
        "--disable-background-timer-throttling",
        "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(ExternalTools.CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .withLogFile(workDir.resolve("chromedriver.log").toFile())
            .build();
    return new Browser(new ChromeDriver(service, options));
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Opens a new tab on {@code url}; returns its handle. */
  public String openTab(String url) {
    driver.switchTo().newWindow(WindowType.TAB);
    driver.get(url);
    return driver.getWindowHandle();
  }

  public void switchTo(String handle) {
    driver.switchTo().window(handle);
  }

  /** Closes every tab but one, leaving it on a blank page. */
  public void reset() {
    List<String> handles = List.copyOf(driver.getWindowHandles());
    for (int i = 1; i < handles.size(); i++) {
      driver.switchTo().window(handles.get(i));
      driver.close();
    }
    driver.switchTo().window(handles.get(0));
    driver.get("about:blank");
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The current tab's {@code window.__events}: {name, data} in the order they happened. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> events() {
    Object text = script("return window.__events ? JSON.stringify(window.__events) : '[]';");
    return JSON.readValue(String.valueOf(text), List.class);
  }

  public Optional<Map<String, Object>> event(String name, Predicate<Object> data) {
    return events().stream()
        .filter(e -> name.equals(e.get("name")) && data.test(e.get("data")))
        .findFirst();
  }

  /** Waits (bounded) for an event of this name whose data matches; returns its data (maybe null). */
  public Object await(String name, Predicate<Object> data) {
    try {
      return new WebDriverWait(driver, WAIT, Duration.ofMillis(50))
          .until(d -> event(name, data).orElse(null))
          .get("data");
    } catch (TimeoutException e) {
      throw new AssertionError("no '" + name + "' event matching within " + WAIT + "; events: " + events(), e);
    }
  }

  public Object await(String name) {
    return await(name, data -> true);
  }

  /** Waits (bounded) until a script returns true. */
  public void awaitTrue(String script, String what) {
    try {
      new WebDriverWait(driver, WAIT, Duration.ofMillis(50)).until(d -> Boolean.TRUE.equals(script(script)));
    } catch (TimeoutException e) {
      throw new AssertionError("timed out waiting for " + what + "; events: " + events(), e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}

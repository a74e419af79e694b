package org.actionhero4j.clientgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.actionhero4j.tck.TckApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The unmodified Actionhero 29.3.5 browser client on the unmodified Primus 8.0.9 client (npm
 * packages pinned by {@code src/test/compat/package-lock.json}) against our server, on each
 * transport: welcome and details, actions with and without params, error replies, messageIds,
 * roomAdd/say/roomLeave among three clients, file, disconnect, and a server-side destroy. The same
 * scenario runs with Primus built for its {@code websockets} transformer, for its {@code engine.io}
 * transformer (long-polling, then the upgrade), and for {@code engine.io} with {@code websockets:
 * false} (long-polling throughout); and the bare npm {@code engine.io-client} 6 carries Primus
 * frames with and without the upgrade.
 */
class ActionheroClientCompatibilityTest {

  private static final Path FIXTURE = Path.of("src", "test", "compat").toAbsolutePath();

  @TempDir Path tmp;

  @BeforeAll
  static void installFixture() throws Exception {
    ExternalTools.node();
    if (Files.isDirectory(FIXTURE.resolve("node_modules").resolve("actionhero"))
        && Files.isDirectory(FIXTURE.resolve("node_modules").resolve("primus"))
        && Files.isDirectory(FIXTURE.resolve("node_modules").resolve("engine.io-client"))) {
      return;
    }
    Path npm = executable("npm");
    ExternalTools.require(npm != null, "npm");
    Process install =
        new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund", "--ignore-scripts")
            .directory(FIXTURE.toFile())
            .redirectErrorStream(true)
            .redirectOutput(FIXTURE.resolveSibling("npm-ci.log").toFile())
            .start();
    if (!install.waitFor(5, TimeUnit.MINUTES)) {
      install.destroyForcibly();
      throw new AssertionError("npm ci did not finish within 5 minutes");
    }
    assertEquals(0, install.exitValue(), "npm ci failed: " + Files.readString(FIXTURE.resolveSibling("npm-ci.log")));
  }

  private static Path executable(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @ParameterizedTest(name = "on {0}, Primus built for {1} {2}")
  @CsvSource({
    "undertow, websockets, ''",
    "jetty, websockets, ''",
    "undertow, engine.io, ''",
    "jetty, engine.io, ''",
    "undertow, engine.io, polling-only",
    "jetty, engine.io, polling-only"
  })
  void theRealActionheroClientWorksAgainstUs(String transport, String transformer, String mode)
      throws Exception {
    try (TckApp app = TckApp.start(transport, tmp.resolve("public"), UnaryOperator.identity())) {
      Files.writeString(app.publicDir().resolve("hello.txt"), "hello from a file", StandardCharsets.UTF_8);
      assertPasses(
          Node.run(tmp, FIXTURE.resolve("compat.js").toString(), String.valueOf(app.port()), transformer, mode));
    }
  }

  @ParameterizedTest(name = "on {0}")
  @CsvSource({"undertow", "jetty"})
  void theRealEngineIoClientCarriesPrimusFramesAndUpgrades(String transport) throws Exception {
    try (TckApp app = TckApp.start(transport, tmp.resolve("public"), UnaryOperator.identity())) {
      assertPasses(Node.run(tmp, FIXTURE.resolve("engineio.js").toString(), String.valueOf(app.port())));
    }
  }

  private static void assertPasses(Node.Result result) {
    String output = result.stdout() + result.stderr();
    assertEquals(0, result.exitCode(), output);
    assertTrue(output.contains(" passed, 0 failed"), output);
    List<String> failures = output.lines().filter(l -> l.startsWith("FAIL")).toList();
    assertEquals(List.of(), failures);
  }
}

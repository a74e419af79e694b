package org.actionhero4j.clientgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Input;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The declarations served by a real server are typed per action: the pinned TypeScript compiler
 * ({@code src/test/types}, installed by {@code npm ci}) accepts correct calls and refuses a
 * misspelt action, wrong input types and a wrong use of the response.
 */
class TypedClientDeclarationsTest {

  private static final Path FIXTURE = Path.of("src", "test", "types").toAbsolutePath();
  private static final Path TSC = FIXTURE.resolve("node_modules/typescript/bin/tsc");

  /** How {@code greet} feels. */
  enum Mood { CHEERFUL, CALM }

  /** The declared output of {@code greet}. */
  record Greeting(String greeting, int times, List<String> tags) {}

  static final class Greet implements Action {
    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("greet")
          .description("Greets someone")
          .input(Input.named("name").asString().required().description("who to greet"))
          .input(Input.named("times").asInteger().defaultValue(1))
          .input(Input.named("mood").asEnum(Mood.class))
          .input(Input.named("tags").asStringList())
          .outputExample(new Greeting("Hello, Ada", 1, List.of("x")))
          .build();
    }

    @Override
    public Object run(ActionContext ctx) {
      return new Greeting("Hello, " + ctx.param("name", String.class), ctx.param("times", Integer.class), List.of());
    }
  }

  static final class Roll implements Action {
    @Override
    public ActionDefinition definition() {
      return ActionDefinition.named("roll")
          .outputExample(Map.of("sides", 6, "faces", List.of(1, 2), "die", Map.of("label", "d6")))
          .build();
    }

    @Override
    public Object run(ActionContext ctx) {
      return Map.of("sides", 6, "faces", List.of(4), "die", Map.of("label", "d6"));
    }
  }

  private static Actionhero app;
  private static String declarations;
  private static Path publicDir;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    publicDir = dir;
    app =
        Actionhero.builder()
            .noConfigDirectory()
            .environmentVariables(Map.of())
            .discoverPlugins(false)
            .set("web.port", 0)
            .set("web.transport", "undertow")
            .set("general.paths.publicDirs", List.of(publicDir.toString()))
            .set("websocket.writeClientJs", true)
            .plugin(new ClientGenPlugin())
            .plugin(ctx -> ctx.action(new Greet()).action(new Roll()))
            .start();
    HttpResponse<String> served =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + app.port().getAsInt() + "/public/javascript/ActionheroWebsocketClient.d.ts"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, served.statusCode());
    assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith("application/typescript"));
    declarations = served.body();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void declarationsNameEveryActionWithItsInputsAndOutput() {
    assertTrue(declarations.contains("greet: {"), declarations);
    assertTrue(declarations.contains("name: string;"), declarations);
    assertTrue(declarations.contains("times?: number;"), declarations);
    assertTrue(declarations.contains("mood?: \"CHEERFUL\" | \"CALM\";"), declarations);
    assertTrue(declarations.contains("response: { greeting: string; times: number; tags: string[] }"), declarations);
    assertTrue(declarations.contains("status: {"), "built-in actions are typed too");
  }

  @Test
  void writeClientJsWritesTheSameDeclarationsToDisk() throws Exception {
    assertEquals(declarations,
        Files.readString(publicDir.resolve("javascript/ActionheroWebsocketClient.d.ts")));
  }

  @Test
  void correctCallsCompile(@TempDir Path work) throws Exception {
    Node.Result result = tsc(work, "pass.ts");
    assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
  }

  @Test
  void aMisspeltActionWrongInputsAndAWrongResponseUseDoNotCompile(@TempDir Path work) throws Exception {
    Node.Result result = tsc(work, "fail.ts");
    assertNotEquals(0, result.exitCode(), "fail.ts compiled:\n" + result.stdout());
    for (int line : List.of(6, 7, 8, 9, 11)) {
      assertTrue(result.stdout().contains("fail.ts(" + line + ","),
          "no error on line " + line + " of fail.ts:\n" + result.stdout());
    }
  }

  private static Node.Result tsc(Path work, String file) throws Exception {
    ExternalTools.require(Files.isRegularFile(TSC),
        "the pinned TypeScript compiler (run npm ci in " + FIXTURE + ")");
    Files.writeString(work.resolve("ActionheroWebsocketClient.d.ts"), declarations);
    Files.copy(FIXTURE.resolve(file), work.resolve(file));
    return Node.run(work, TSC.toString(), "--noEmit", "--strict", "--module", "commonjs",
        "--target", "es2020", "--lib", "es2020,dom", file);
  }
}

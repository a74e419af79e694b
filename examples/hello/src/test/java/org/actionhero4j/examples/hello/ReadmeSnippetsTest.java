package org.actionhero4j.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.actionhero4j.Action;
import org.actionhero4j.ActionMiddleware;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ChatMiddleware;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code // file: X.java} snippet of the root README.md and runs the action and
 * middleware examples, so the README cannot drift from the API.
 */
class ReadmeSnippetsTest {

  private static final Pattern SNIPPET = Pattern.compile("```java\\n// file: (\\w+)\\.java\\n(.*?)```", Pattern.DOTALL);

  @TempDir static Path dir;
  private static ClassLoader compiled;

  @BeforeAll
  static void compileReadme() throws Exception {
    String readme = Files.readString(Path.of("..", "..", "README.md"));
    Matcher m = SNIPPET.matcher(readme);
    List<String> files = new ArrayList<>();
    while (m.find()) {
      Path file = dir.resolve(m.group(1) + ".java");
      Files.writeString(file, m.group(2));
      files.add(file.toString());
    }
    assertTrue(files.size() >= 4, "README snippets found: " + files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", dir.toString(), "-cp", System.getProperty("java.class.path")));
    args.addAll(files);
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
    assertEquals(0, rc, "README snippets do not compile: " + errors);
    compiled = new URLClassLoader(new URL[] {dir.toUri().toURL()}, ReadmeSnippetsTest.class.getClassLoader());
  }

  private static <T> T create(String name, Class<T> type) throws Exception {
    return type.cast(compiled.loadClass(name).getDeclaredConstructor().newInstance());
  }

  @Test
  void theReadmeActionAndMiddlewareRun() throws Exception {
    Action greet = create("Greet", Action.class);
    ActionMiddleware timing = create("Timing", ActionMiddleware.class);
    ChatMiddleware moderation = create("Moderation", ChatMiddleware.class);
    Actionhero app =
        Actionhero.builder()
            .noConfigDirectory()
            .environmentVariables(Map.of())
            .discoverPlugins(false)
            .set("web.enabled", false)
            .set("general.startingChatRooms", Map.of("defaultRoom", Map.of(), "staff", Map.of()))
            .plugin(ctx -> ctx.action(greet).actionMiddleware(timing).chatMiddleware(moderation))
            .start();
    try {
      SpecHelper spec = SpecHelper.of(app);
      Map<String, Object> twice = spec.runAction("greet", Map.of("name", "Ada", "times", "2"));
      assertEquals("Hello, Ada! Hello, Ada!", twice.get("greeting"));
      assertTrue(twice.get("tookMicros") instanceof Number, twice.toString());
      assertEquals(2, spec.connection().result("greet", Map.of("name", "Ada")).params().get("apiVersion"));
      assertEquals("times must be 1 to 5", spec.runAction("greet", Map.of("name", "Ada", "times", 9)).get("error"));
      assertEquals("name is a required parameter for this action", spec.runAction("greet", Map.of()).get("error"));

      TestConnection guest = spec.connection();
      assertEquals("staff only", assertThrows(ActionheroException.class, () -> guest.verb("roomAdd", "staff")).getMessage());
      guest.verb("roomAdd", "defaultRoom");
      guest.verb("say", "defaultRoom", "oh darn");
      guest.awaitMessage(msg -> "oh ****".equals(msg.get("message")), Duration.ofSeconds(5));
    } finally {
      app.stop();
    }
  }
}

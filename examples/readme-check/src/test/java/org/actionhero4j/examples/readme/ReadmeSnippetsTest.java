package org.actionhero4j.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
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
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Compiles every {@code // file: X.java} block of the root README.md together against the built
 * artifacts, runs the blocks that are JUnit 5 tests, and runs the action and middleware examples,
 * so the README cannot drift from the API.
 */
class ReadmeSnippetsTest {

  @TempDir static Path dir;
  private static Readme readme;
  private static List<String> compileErrors;
  private static ClassLoader compiled;

  @BeforeAll
  static void compileReadme() throws Exception {
    readme = Readme.read(Path.of(System.getProperty("readme.file", "../../README.md")));
    List<JavaFileObject> sources = new ArrayList<>();
    for (Readme.Block block : readme.blocks("java")) {
      block.fileName().ifPresent(name -> sources.add(new BlockSource(name, block)));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = List.of("-d", dir.toString(), "-cp", System.getProperty("java.class.path"), "-proc:none");
    StringWriter out = new StringWriter();
    boolean ok = javac.getTask(new PrintWriter(out), null, diagnostics, options, null, sources).call();
    compileErrors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        compileErrors.add(where(d) + ": " + d.getMessage(Locale.ROOT));
      }
    }
    if (!ok && compileErrors.isEmpty()) {
      compileErrors.add("javac failed: " + out);
    }
    compiled = new URLClassLoader(new URL[] {dir.toUri().toURL()}, ReadmeSnippetsTest.class.getClassLoader());
  }

  /** The README line of a compiler message. */
  private static String where(Diagnostic<? extends JavaFileObject> d) {
    if (d.getSource() instanceof BlockSource source) {
      return "README.md:" + (source.block.line() + d.getLineNumber() - 1) + " (" + source.name + ")";
    }
    return String.valueOf(d.getSource());
  }

  /** A README block as a compilation unit named after the file on its first line. */
  private static final class BlockSource extends SimpleJavaFileObject {
    private final String name;
    private final Readme.Block block;

    BlockSource(String name, Readme.Block block) {
      super(URI.create("string:///" + name), Kind.SOURCE);
      this.name = name;
      this.block = block;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return block.text();
    }
  }

  @Test
  void everyJavaBlockIsACompleteFileNamedOnItsFirstLine() {
    List<Readme.Block> java = readme.blocks("java");
    assertTrue(java.size() >= 5, "java blocks found: " + java.size());
    for (Readme.Block block : java) {
      assertTrue(block.fileName().isPresent(), "README.md:" + block.line() + ": a java block must start with // file: Name.java");
      assertTrue(block.fileName().get().endsWith(".java"), "README.md:" + block.line() + ": " + block.fileName().get());
    }
  }

  @Test
  void theJavaFilesCompileTogetherAgainstTheBuiltArtifacts() {
    assertEquals(List.of(), compileErrors);
  }

  @Test
  void theTestFilesPass() throws Exception {
    assertEquals(List.of(), compileErrors, "the README does not compile");
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
    int testFiles = 0;
    for (Readme.Block block : readme.blocks("java")) {
      if (block.isTest()) {
        request.selectors(selectClass(compiled.loadClass(block.fileName().orElseThrow().replace(".java", ""))));
        testFiles++;
      }
    }
    assertTrue(testFiles > 0, "the README shows no JUnit 5 test");
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    Launcher launcher = LauncherFactory.create();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(compiled);
    try {
      launcher.execute(request.build(), listener);
    } finally {
      thread.setContextClassLoader(previous);
    }
    TestExecutionSummary summary = listener.getSummary();
    StringWriter failures = new StringWriter();
    summary.printFailuresTo(new PrintWriter(failures), 20);
    assertEquals(0, summary.getTotalFailureCount(), failures.toString());
    assertTrue(summary.getTestsSucceededCount() > 0, "no README test ran");
  }

  @Test
  void everyRelativeLinkPointsToAFileInTheRepository() {
    Path root = readme.file().toAbsolutePath().getParent();
    for (String link : readme.links()) {
      if (!link.contains("://") && !link.startsWith("#") && !link.startsWith("mailto:")) {
        String path = link.replaceFirst("#.*$", "");
        assertTrue(Files.exists(root.resolve(path)), "README.md links to a missing file: " + link);
      }
    }
  }

  @Test
  void thePomBlockImportsTheBomAndNamesTheCompilerRelease() {
    String pom = readme.file("pom.xml").orElseThrow().text();
    assertTrue(pom.contains("<artifactId>actionhero4j-bom</artifactId>"), pom);
    assertTrue(pom.contains("<scope>import</scope>"), pom);
    assertTrue(pom.contains("<release>17</release>"), pom);
    assertFalse(pom.contains("<parent>"), "a fresh project has no parent");
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

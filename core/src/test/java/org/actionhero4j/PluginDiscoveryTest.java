package org.actionhero4j;

import org.actionhero4j.internal.actions.ActionRegistry;
import org.actionhero4j.internal.middleware.MiddlewareRegistry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.actionhero4j.testing.SpecHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDiscoveryTest {

  private static final String PACKAGE = "org.actionhero4j.testplugin";
  private static final String PLUGIN_CLASS = PACKAGE + ".GreetingPlugin";

  @TempDir Path dir;

  private Actionhero app;
  private URLClassLoader pluginLoader;

  @AfterEach
  void stop() throws IOException {
    TestApps.stop(app);
    if (pluginLoader != null) {
      pluginLoader.close();
    }
  }

  /** Loads the plugin's classes from the jar itself, everything else from the test classpath. */
  private static final class JarFirstClassLoader extends URLClassLoader {
    JarFirstClassLoader(Path jar, ClassLoader parent) throws IOException {
      super(new URL[] {jar.toUri().toURL()}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(PACKAGE + ".")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }

  /** A jar holding the compiled test plugin and its ServiceLoader entry. */
  private Path pluginJar() throws IOException, URISyntaxException {
    String packagePath = PACKAGE.replace('.', '/');
    URL anyClass = getClass().getClassLoader().getResource(packagePath + "/GreetingPlugin.class");
    Path classes = Path.of(anyClass.toURI()).getParent();
    Path jar = dir.resolve("greeting-plugin.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.list(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        out.putNextEntry(new JarEntry(packagePath + "/" + file.getFileName()));
        Files.copy(file, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/" + Plugin.class.getName()));
      out.write((PLUGIN_CLASS + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  private Actionhero startDiscovering(ClassLoader contextLoader) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(contextLoader);
    try {
      return Actionhero.builder()
          .noConfigDirectory()
          .environmentVariables(Map.of())
          .set("web.enabled", false)
          .discoverPlugins(true)
          .start();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void aPluginJarFoundByServiceLoaderRunsItsInjectedActionAndGlobalMiddlewareThroughThePipeline()
      throws Exception {
    pluginLoader = new JarFirstClassLoader(pluginJar(), getClass().getClassLoader());

    app = startDiscovering(pluginLoader);
    Map<String, Object> response = SpecHelper.of(app).runAction("pluginGreet", Map.of("name", "Ada"));

    assertEquals(Map.of("greeting", "Good day, Ada", "stampedBy", "greeting-plugin"), response);
    assertSame(
        pluginLoader,
        app.injector().getInstance(ActionRegistry.class).resolve("pluginGreet").orElseThrow().action().getClass().getClassLoader(),
        "the action class came from the jar");
  }

  @Test
  void aDiscoveredGlobalMiddlewareAlsoRunsForOtherPluginsActionsAndValidationStillApplies() throws Exception {
    pluginLoader = new JarFirstClassLoader(pluginJar(), getClass().getClassLoader());

    app = startDiscovering(pluginLoader);
    SpecHelper spec = SpecHelper.of(app);

    assertEquals("greeting-plugin", spec.runAction("status", Map.of()).get("stampedBy"));
    assertEquals(
        "name is a required parameter for this action", spec.runAction("pluginGreet", Map.of()).get("error"));
  }

  @Test
  void withoutTheJarNothingIsDiscoveredFromTheTestClasspath() throws Exception {
    app = startDiscovering(getClass().getClassLoader());

    Map<String, Object> response = SpecHelper.of(app).runAction("pluginGreet", Map.of("name", "Ada"));

    assertEquals("unknown action or invalid apiVersion", response.get("error"));
    assertNull(response.get("stampedBy"));
    assertEquals(List.of(), app.injector().getInstance(MiddlewareRegistry.class).globalActionMiddleware());
  }
}

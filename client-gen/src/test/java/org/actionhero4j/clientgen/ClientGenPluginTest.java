package org.actionhero4j.clientgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.actionhero4j.HttpEndpoint;
import org.actionhero4j.Plugin;
import org.actionhero4j.ServedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientGenPluginTest {

  @TempDir Path publicDir;

  private RecordingPluginContext register(Map<String, Object> settings) {
    Map<String, Object> all = new LinkedHashMap<>(settings);
    all.putIfAbsent("general.paths.publicDirs", List.of(publicDir.toString()));
    RecordingPluginContext context = new RecordingPluginContext(Rendered.config(all));
    new ClientGenPlugin().register(context);
    return context;
  }

  @Test
  void servesTheLibraryAndItsTypesUnderTheConfiguredPathAndName() {
    List<ServedFile> files = register(Map.of()).publicFiles;

    assertEquals(1, files.size());
    assertEquals("javascript/ActionheroWebsocketClient.js", files.get(0).path());
    assertEquals("application/javascript; charset=utf-8", files.get(0).contentType());
    assertTrue(new String(files.get(0).content(), StandardCharsets.UTF_8).contains("ActionheroWebsocketClient"));
  }

  @Test
  void servesTheTypesPerActionFromEndpointsBesideTheLibrary() {
    RecordingPluginContext context = register(Map.of());

    assertEquals(
        List.of("/public/javascript/ActionheroWebsocketClient.d.ts", "/javascript/ActionheroWebsocketClient.d.ts"),
        context.endpoints.stream().map(HttpEndpoint::path).toList());
    assertEquals(1, context.initializers.size(), "the types are rendered once the actions exist");
  }

  @Test
  void pathAndNameComeFromConfig() {
    RecordingPluginContext context =
        register(Map.of("websocket.clientJsPath", "/js/lib", "websocket.clientJsName", "client"));

    assertEquals(List.of("js/lib/client.js"), context.publicFiles.stream().map(ServedFile::path).toList());
    assertEquals(List.of("/public/js/lib/client.d.ts", "/js/lib/client.d.ts"),
        context.endpoints.stream().map(HttpEndpoint::path).toList());
  }

  @Test
  void emptyClientJsNameServesNothing() {
    assertTrue(register(Map.of("websocket.clientJsName", "")).publicFiles.isEmpty());
  }

  @Test
  void disabledSocketServerServesNothing() {
    assertTrue(register(Map.of("websocket.enabled", false)).publicFiles.isEmpty());
  }

  @Test
  void nothingIsWrittenToDiskByDefault() {
    register(Map.of());

    assertFalse(Files.exists(publicDir.resolve("javascript")));
  }

  @Test
  void writeClientJsWritesTheLibraryUnderTheFirstPublicDirectory() throws Exception {
    Path second = publicDir.resolve("second");
    RecordingPluginContext context =
        register(Map.of(
            "websocket.writeClientJs", true,
            "general.paths.publicDirs", List.of(publicDir.toString(), second.toString())));

    Path written = publicDir.resolve("javascript/ActionheroWebsocketClient.js");
    assertArrayEquals(context.publicFiles.get(0).content(), Files.readAllBytes(written));
    assertFalse(Files.exists(second.resolve("javascript")));
  }

  @Test
  void aPathLeavingThePublicDirectoryIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> register(Map.of("websocket.clientJsPath", "../outside/")));
    assertTrue(e.getMessage().contains("websocket.clientJsPath"), e.getMessage());
  }

  @Test
  void isFoundByServiceLoader() {
    assertTrue(ServiceLoader.load(Plugin.class).stream()
        .anyMatch(p -> p.type().equals(ClientGenPlugin.class)));
  }
}

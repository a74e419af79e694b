package org.actionhero4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults and YAML files, and the errors bad files produce. */
class ConfigLoaderTest {

  @TempDir Path dir;

  private Path write(String relative, String yaml) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }

  private Config load(String environment) {
    return Config.builder().directory(dir).environment(environment).environmentVariables(Map.of()).build();
  }

  private Config load() {
    return load("development");
  }

  private ConfigException failure() {
    return assertThrows(ConfigException.class, this::load);
  }

  private static void assertMentions(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void withoutAnySourceTheDefaultsApply() {
    Config c = Config.defaults();

    assertEquals("development", c.environment());
    assertEquals(5, c.general().simultaneousActions());
    assertEquals(false, c.general().disableParamScrubbing());
    assertEquals(Map.of(), c.general().startingChatRooms());
    assertEquals(8080, c.web().port());
    assertNull(c.web().transport());
    assertEquals("/primus", c.websocket().server().pathname());
    assertEquals(30_000, c.websocket().server().pingInterval());
    assertEquals(ErrorsConfig.DEFAULTS, c.errors());
    assertEquals("unknown action or invalid apiVersion", c.errors().unknownAction());
  }

  @Test
  void aMissingConfigDirectoryMeansDefaults() {
    Config c =
        Config.builder().directory(dir.resolve("absent")).environmentVariables(Map.of()).build();

    assertEquals(8080, c.web().port());
  }

  @Test
  void aYamlFileOverridesOnlyTheKeysItNames() throws IOException {
    write("web.yaml", "web:\n  port: 9000\n");

    Config c = load();

    assertEquals(9000, c.web().port());
    assertEquals("127.0.0.1", c.web().bindIp());
  }

  @Test
  void nestedSectionsMergeKeyByKey() throws IOException {
    write("websocket.yaml", "websocket:\n  server:\n    pingInterval: 100\n");

    Config c = load();

    assertEquals(100, c.websocket().server().pingInterval());
    assertEquals("/primus", c.websocket().server().pathname());
  }

  @Test
  void oneFileMaySetSeveralNamespacesAndYmlFilesCountToo() throws IOException {
    write("app.yml", "general:\n  serverName: demo\n  startingChatRooms:\n    defaultRoom: {}\nerrors:\n  unknownAction: nope\n");

    Config c = load();

    assertEquals("demo", c.general().serverName());
    assertEquals(Map.of("defaultRoom", Map.of()), c.general().startingChatRooms());
    assertEquals("nope", c.errors().unknownAction());
  }

  @Test
  void filesAreReadInNameOrderSoTheLaterOneWins() throws IOException {
    write("b.yaml", "web:\n  port: 2\n");
    write("a.yaml", "web:\n  port: 1\n");

    assertEquals(2, load().web().port());
  }

  @Test
  void theEnvironmentsDirectoryOverridesTheTopLevelFiles() throws IOException {
    write("web.yaml", "web:\n  port: 9000\n  bindIp: 0.0.0.0\n");
    write("production/web.yaml", "web:\n  port: 9100\n");

    Config production = load("production");
    Config development = load("development");

    assertEquals("production", production.environment());
    assertEquals(9100, production.web().port());
    assertEquals("0.0.0.0", production.web().bindIp());
    assertEquals(9000, development.web().port());
  }

  @Test
  void actionheroEnvSelectsTheEnvironment() throws IOException {
    write("production/web.yaml", "web:\n  port: 9100\n");

    Config c =
        Config.builder().directory(dir).environmentVariables(Map.of("ACTIONHERO_ENV", "production")).build();

    assertEquals("production", c.environment());
    assertEquals(9100, c.web().port());
  }

  @Test
  void anEmptyFileChangesNothing() throws IOException {
    write("empty.yaml", "");

    assertEquals(8080, load().web().port());
  }

  @Test
  void listsInAFileReplaceTheDefaultList() throws IOException {
    write("web.yaml", "web:\n  allowedOrigins: [\"https://a.example\", \"https://b.example\"]\n");

    assertEquals(List.of("https://a.example", "https://b.example"), load().web().allowedOrigins());
  }

  @Test
  void anUnknownKeyIsReportedWithFileKeyAndTheKnownKeys() throws IOException {
    Path file = write("web.yaml", "web:\n  prot: 9000\n");

    ConfigException e = failure();

    assertMentions(e, file.toString(), "web.prot", "unknown key", "port", "bindIp");
  }

  @Test
  void anUnknownNestedKeyIsReportedWithItsFullPath() throws IOException {
    Path file = write("websocket.yaml", "websocket:\n  server:\n    pingIntervall: 5\n");

    ConfigException e = failure();

    assertMentions(e, file.toString(), "websocket.server.pingIntervall", "unknown key", "pingInterval");
  }

  @Test
  void aValueOfTheWrongTypeIsReportedWithFileKeyAndExpectation() throws IOException {
    Path file = write("web.yaml", "web: {port: abc}\n");

    ConfigException e = failure();

    assertMentions(e, file.toString(), "web.port", "expected a whole number", "abc");
  }

  @Test
  void aNonBooleanForABooleanKeyIsReportedWithTheKey() throws IOException {
    Path file = write("general.yaml", "general:\n  disableParamScrubbing: [1]\n");

    ConfigException e = failure();

    assertMentions(e, file.toString(), "general.disableParamScrubbing", "expected true or false");
  }

  @Test
  void anUnknownNamespaceIsReportedWithFileAndTheKnownNamespaces() throws IOException {
    Path file = write("webb.yaml", "webb:\n  port: 1\n");

    ConfigException e = failure();

    assertMentions(e, file.toString(), "unknown namespace 'webb'", "web", "websocket", "general");
  }

  @Test
  void invalidYamlIsReportedWithTheFile() throws IOException {
    Path file = write("broken.yaml", "web: {port: [1,\n");

    ConfigException e = failure();

    assertMentions(e, file.toString(), "not valid YAML");
  }

  @Test
  void aTopLevelThatIsNotAMappingIsRefused() throws IOException {
    Path file = write("list.yaml", "- web\n- port\n");

    assertMentions(failure(), file.toString(), "expected a mapping of namespaces");
  }

  @Test
  void aNamespaceThatIsNotAMappingIsRefused() throws IOException {
    Path file = write("web.yaml", "web: 5\n");

    assertMentions(failure(), file.toString(), "web", "expected a mapping");
  }

  @Test
  void anErrorInTheEnvironmentsDirectoryNamesThatFile() throws IOException {
    write("web.yaml", "web:\n  port: 9000\n");
    Path file = write("production/web.yaml", "web:\n  port: many\n");

    ConfigException e = assertThrows(ConfigException.class, () -> load("production"));

    assertMentions(e, file.toString(), "web.port");
  }

  /** A plugin's namespace. */
  record GreetingConfig(String text, int times) {}

  @Test
  void aPluginNamespaceIsLoadedFromFilesLikeCoreOnes() throws IOException {
    write("greeting.yaml", "greeting:\n  times: 3\n");

    Config c =
        Config.builder()
            .directory(dir)
            .environmentVariables(Map.of())
            .namespace(new ConfigNamespace<>("greeting", GreetingConfig.class, new GreetingConfig("hello", 1)))
            .build();

    assertEquals(new GreetingConfig("hello", 3), c.namespace("greeting", GreetingConfig.class));
  }

  @Test
  void askingForAnUndeclaredNamespaceFailsNamingIt() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> Config.defaults().namespace("greeting", GreetingConfig.class));

    assertMentions(e, "'greeting'");
  }
}

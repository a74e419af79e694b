package org.actionhero4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment variables and values set in code, which come after the files. */
class ConfigOverridesTest {

  @TempDir Path dir;

  private static Config env(Map<String, String> variables) {
    return Config.builder().noDirectory().environmentVariables(variables).build();
  }

  private static ConfigException envFailure(Map<String, String> variables) {
    return assertThrows(ConfigException.class, () -> env(variables));
  }

  private static void assertMentions(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void portSetsTheWebPort() {
    assertEquals(9123, env(Map.of("PORT", "9123")).web().port());
  }

  @Test
  void redisUrlSetsTheRedisUrl() {
    assertEquals("redis://cache:6380/2", env(Map.of("REDIS_URL", "redis://cache:6380/2")).redis().url());
  }

  @Test
  void actionheroWebTransportSetsTheTransport() {
    assertEquals("jetty", env(Map.of("ACTIONHERO_WEB_TRANSPORT", "jetty")).web().transport());
  }

  @Test
  void aMultiWordKeyIsMatchedAcrossUnderscores() {
    assertEquals(7, env(Map.of("ACTIONHERO_GENERAL_SIMULTANEOUS_ACTIONS", "7")).general().simultaneousActions());
  }

  @Test
  void aNestedKeyIsReachedThroughItsSection() {
    Config c = env(Map.of("ACTIONHERO_WEBSOCKET_SERVER_PING_INTERVAL", "100"));

    assertEquals(100, c.websocket().server().pingInterval());
    assertEquals("/primus", c.websocket().server().pathname());
  }

  @Test
  void booleansAndListsAreParsedFromTheirText() {
    Config c =
        env(Map.of("ACTIONHERO_WEB_ENABLED", "false", "ACTIONHERO_WEB_ALLOWED_ORIGINS", "[\"https://a.example\"]"));

    assertFalse(c.web().enabled());
    assertEquals(List.of("https://a.example"), c.web().allowedOrigins());
  }

  @Test
  void aStringKeyTakesTheTextAsItIsEvenWhenItLooksLikeANumber() {
    Config c =
        env(
            Map.of(
                "ACTIONHERO_GENERAL_ID", "1.10",
                "ACTIONHERO_GENERAL_API_VERSION", "2.0",
                "ACTIONHERO_GENERAL_WELCOME_MESSAGE", "true"));

    assertEquals("1.10", c.general().id());
    assertEquals("2.0", c.general().apiVersion());
    assertEquals("true", c.general().welcomeMessage());
  }

  @Test
  void unrelatedEnvironmentVariablesAreIgnored() {
    Config c = env(Map.of("HOME", "/root", "PATH", "/bin", "ACTIONHERO_ENV", "test"));

    assertEquals("test", c.environment());
    assertEquals(8080, c.web().port());
  }

  @Test
  void anEnvironmentVariableBeatsTheFilesOfTheEnvironmentDirectory() throws IOException {
    Files.writeString(dir.resolve("web.yaml"), "web:\n  port: 9000\n");
    Files.createDirectories(dir.resolve("production"));
    Files.writeString(dir.resolve("production/web.yaml"), "web:\n  port: 9100\n");

    Config c =
        Config.builder()
            .directory(dir)
            .environment("production")
            .environmentVariables(Map.of("PORT", "9200"))
            .build();

    assertEquals(9200, c.web().port());
  }

  @Test
  void aValueSetInCodeBeatsEveryOtherSource() throws IOException {
    Files.writeString(dir.resolve("web.yaml"), "web:\n  port: 9000\n");

    Config c =
        Config.builder()
            .directory(dir)
            .environmentVariables(Map.of("PORT", "9200"))
            .set("web.port", 0)
            .set("websocket.server.pingInterval", 5)
            .set("general.startingChatRooms", Map.of("defaultRoom", Map.of()))
            .build();

    assertEquals(0, c.web().port());
    assertEquals(5, c.websocket().server().pingInterval());
    assertEquals(Map.of("defaultRoom", Map.of()), c.general().startingChatRooms());
  }

  @Test
  void anUnknownKeyInAnEnvironmentVariableIsReportedWithTheVariableAndTheKnownKeys() {
    ConfigException e = envFailure(Map.of("ACTIONHERO_WEB_PROT", "1"));

    assertMentions(e, "ACTIONHERO_WEB_PROT", "'prot'", "port");
  }

  @Test
  void anUnknownNestedKeyInAnEnvironmentVariableNamesItsSection() {
    ConfigException e = envFailure(Map.of("ACTIONHERO_WEBSOCKET_SERVER_PINGS", "1"));

    assertMentions(e, "ACTIONHERO_WEBSOCKET_SERVER_PINGS", "websocket.server", "pingInterval");
  }

  @Test
  void anUnknownNamespaceInAnEnvironmentVariableIsReportedWithTheKnownNamespaces() {
    ConfigException e = envFailure(Map.of("ACTIONHERO_NOPE_X", "1"));

    assertMentions(e, "ACTIONHERO_NOPE_X", "general", "websocket");
  }

  @Test
  void aWrongTypeInAnEnvironmentVariableNamesTheVariableKeyAndExpectation() {
    ConfigException e = envFailure(Map.of("PORT", "eighty"));

    assertMentions(e, "environment variable PORT", "web.port", "expected a whole number", "eighty");
  }

  @Test
  void anUnknownKeySetInCodeIsReportedWithTheCall() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> Config.builder().noDirectory().environmentVariables(Map.of()).set("web.prot", 1).build());

    assertMentions(e, "set(\"web.prot\")", "unknown key", "port");
  }

  @Test
  void aWrongTypeSetInCodeIsReportedWithTheCallAndExpectation() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> Config.builder().noDirectory().environmentVariables(Map.of()).set("web.port", "abc").build());

    assertMentions(e, "set(\"web.port\")", "web.port", "expected a whole number");
  }

  @Test
  void anUnknownNamespaceOrMissingSectionSetInCodeIsRefused() {
    ConfigException namespace =
        assertThrows(
            ConfigException.class,
            () -> Config.builder().noDirectory().environmentVariables(Map.of()).set("nope.x", 1).build());
    ConfigException section =
        assertThrows(
            ConfigException.class,
            () ->
                Config.builder()
                    .noDirectory()
                    .environmentVariables(Map.of())
                    .set("websocket.nothere.x", 1)
                    .build());
    ConfigException bare =
        assertThrows(
            ConfigException.class,
            () -> Config.builder().noDirectory().environmentVariables(Map.of()).set("web", 1).build());

    assertMentions(namespace, "unknown namespace 'nope'");
    assertMentions(section, "websocket.nothere.x");
    assertMentions(bare, "a key inside a namespace is required");
  }
}

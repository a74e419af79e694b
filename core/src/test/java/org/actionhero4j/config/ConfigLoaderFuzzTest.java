package org.actionhero4j.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.actionhero4j.fuzz.Bounded;
import org.actionhero4j.fuzz.Fuzz;
import org.actionhero4j.testing.Hostile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the config loader with hostile YAML (aliases that multiply, deep nesting, tags, huge
 * numbers, odd Unicode, mutations of a valid file) and hostile environment variables: it builds a
 * {@link Config} or throws a {@link ConfigException}, nothing else, and never hangs.
 */
class ConfigLoaderFuzzTest {


  private static Path dir;

  @BeforeAll
  static void createDirectory() throws IOException {
    dir = Files.createTempDirectory("fuzz-config");
  }

  @AfterAll
  static void deleteDirectory() throws IOException {
    Files.deleteIfExists(dir.resolve("config.yaml"));
    Files.deleteIfExists(dir);
  }

  /** A config file and the environment it is loaded with. */
  record Source(String yaml, Map<String, String> env) {}

  private static final String[] KEYS = {
    "general:\n  serverName: ", "general:\n  maxRooms: ", "general:\n  maxRoomNameLength: ",
    "general:\n  actionThreads: ", "web:\n  port: ", "web:\n  maxRequestBodyBytes: ", "web:\n  urlPathForActions: ",
    "websocket:\n  server:\n    pingInterval: ", "routes:\n  get: ", "errors:\n  internalError: ",
    "redis:\n  url: ", Hostile.word(new Random(1)) + ":\n  x: "
  };

  private static String yaml(Random r) {
    StringBuilder y = new StringBuilder();
    switch (r.nextInt(6)) {
      case 0 -> {
        y.append("a: &a [\"lol\", \"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c < 'b' + r.nextInt(12); c++) {
          y.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
              .append(", *").append(prev).append("]\n");
          prev = c;
        }
        y.append("general:\n  serverName: *").append(prev).append('\n');
      }
      case 1 -> {
        int depth = r.nextInt(2_000);
        y.append("general:\n  serverName: ").append("[".repeat(depth)).append("]".repeat(r.nextInt(depth + 1)));
      }
      case 2 -> {
        String[] tags = {"!!java.lang.Runtime", "!!binary", "!!timestamp", "!!float", "!!int", "!!set", "!!omap",
            "!<tag:yaml.org,2002:java.net.URL>", "!!python/object", "!custom"};
        y.append(KEYS[r.nextInt(KEYS.length)]).append(tags[r.nextInt(tags.length)]).append(' ')
            .append(Hostile.text(r, 40)).append('\n');
      }
      default -> {
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
          y.append(KEYS[r.nextInt(KEYS.length)])
              .append(r.nextBoolean() ? Hostile.number(r) : "\"" + Hostile.text(r, 80).replace("\"", "") + "\"")
              .append('\n');
        }
        if (r.nextInt(4) == 0) {
          y.append("general:\n  <<: *x\n");
        }
      }
    }
    return Hostile.structuredOrMutated(r, y.toString());
  }

  private static Source source(Random r) {
    Map<String, String> env = new LinkedHashMap<>();
    if (r.nextInt(3) == 0) {
      String[] names = {"PORT", "REDIS_URL", "ACTIONHERO_TITLE", "ACTIONHERO_GENERAL_MAXROOMS",
          "ACTIONHERO_WEB_PORT", "ACTIONHERO_", "ACTIONHERO_GENERAL", "ACTIONHERO_WEB_FINGERPRINTOPTIONS_COOKIEKEY",
          "ACTIONHERO_" + Hostile.word(r).toUpperCase(java.util.Locale.ROOT)};
      env.put(names[r.nextInt(names.length)], r.nextBoolean() ? Hostile.number(r) : Hostile.text(r, 60));
    }
    return new Source(yaml(r), env);
  }

  @Test
  void hostileYamlGivesAConfigOrAConfigException() {
    Fuzz.run(
        Integer.getInteger("fuzz.configInputs", 10_000),
        ConfigLoaderFuzzTest::source,
        sources -> {
          Bounded.each(
              sources,
              Bounded.only(ConfigException.class),
              source -> {
                Files.write(dir.resolve("config.yaml"), source.yaml().getBytes(StandardCharsets.UTF_8));
                return Config.builder().directory(dir).environmentVariables(source.env()).build();
              },
              (source, config) -> {
                if (config.general() == null || config.web() == null) {
                  throw new AssertionError("a config without its namespaces for " + Bounded.describe(source));
                }
              });
        });
  }
}

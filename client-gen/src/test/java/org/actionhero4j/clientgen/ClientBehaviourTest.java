package org.actionhero4j.clientgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rendered library's protocol behaviour (framing, heartbeats, back-off, buffering, message
 * bookkeeping, HTTP fallback), run in Node against a scripted WebSocket and a manual clock: one
 * dynamic test per scenario of {@code client-behaviour.js}.
 */
class ClientBehaviourTest {

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> scenarios() throws Exception {
    Path library = dir.resolve("ActionheroWebsocketClient.js");
    Files.writeString(library, Rendered.client(Map.of()).javascript());
    Path harness = dir.resolve("client-behaviour.js");
    try (InputStream in = getClass().getResourceAsStream("client-behaviour.js")) {
      Files.copy(in, harness);
    }

    Node.Result result = Node.run(dir, harness.toString(), library.toString());
    if (result.exitCode() != 0) {
      fail("node exited with " + result.exitCode() + ":\n" + result.stderr() + result.stdout());
    }
    JsonMapper json = JsonMapper.builder().build();
    List<Map<?, ?>> outcomes =
        result.stdout().lines()
            .filter(line -> line.startsWith("{"))
            .<Map<?, ?>>map(line -> json.readValue(line, Map.class))
            .toList();
    assertFalse(outcomes.isEmpty(), "the harness reported no scenario:\n" + result.stdout() + result.stderr());
    return outcomes.stream()
        .map(outcome -> DynamicTest.dynamicTest(String.valueOf(outcome.get("name")), () ->
            assertEquals(Boolean.TRUE, outcome.get("ok"), String.valueOf(outcome.get("error")))));
  }
}

package org.actionhero4j.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The depth guard of the JSON codec: what it reads, it can write back inside a reply. */
class JsonDepthTest {

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void aValueAtTheReadDepthLimitCanBeEchoedInsideAReply() {
    Object value = Json.decodeExact(nested(Json.MAX_READ_DEPTH));
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("data", Map.of("echo", value));

    assertTrue(Json.encode(reply).length() > 2 * Json.MAX_READ_DEPTH);
  }

  @Test
  void aDocumentDeeperThanTheReadLimitIsRefusedWithTheCodecsError() {
    assertThrows(IllegalArgumentException.class, () -> Json.decodeExact(nested(Json.MAX_READ_DEPTH + 1)));
    assertThrows(IllegalArgumentException.class, () -> Json.decode(nested(Json.MAX_READ_DEPTH + 1)));
  }

  @Test
  void theRefusalSaysWhatWasWrongWithoutNamingJavaSettings() {
    String reason =
        assertThrows(IllegalArgumentException.class, () -> Json.decodeExact(nested(100_000))).getMessage();
    assertTrue(reason.contains("nesting depth") && reason.contains("(" + Json.MAX_READ_DEPTH + ")"), reason);
    assertFalse(reason.contains("StreamReadConstraints") || reason.contains("`"), reason);
  }
}

package org.actionhero4j.internal.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundMessageTest {

  @Test
  void everyReceiverGetsTheOneFrameOfTheJson() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", "hello 😀");
    OutboundMessage message = OutboundMessage.of(body);
    body.put("message", "changed afterwards");

    assertSame(message.frame(), message.frame());
    assertSame(message.json(), message.frame().text());
    assertEquals(message.json().getBytes(StandardCharsets.UTF_8).length, message.frame().byteLength());
    assertEquals("hello 😀", message.body().get("message"));
  }
}

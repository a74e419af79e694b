package org.actionhero4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.actionhero4j.ChatMessage;
import org.actionhero4j.spi.ClusterNode;
import org.junit.jupiter.api.Test;

/** The single node's room log: what a reconnecting client can ask for, and what it may cost. */
class InMemoryClusterBusTest {

  private final List<ChatMessage> delivered = new ArrayList<>();
  private final InMemoryClusterBus bus = new InMemoryClusterBus();

  InMemoryClusterBusTest() {
    bus.start(
        new ClusterNode() {
          @Override
          public String id() {
            return "node";
          }

          @Override
          public String token() {
            return "";
          }

          @Override
          public long rpcTimeoutMillis() {
            return 1000;
          }

          @Override
          public boolean holdsConnection(String connectionId) {
            return false;
          }

          @Override
          public void deliverChat(ChatMessage message) {
            delivered.add(message);
          }

          @Override
          public Object handleCall(String method, List<Object> args) {
            return null;
          }
        });
    bus.createRoom("lobby");
  }

  private void say(Object message) {
    bus.publishChat(new ChatMessage("lobby", "someone", message, 0));
  }

  @Test
  void aReconnectingClientGetsWhatItMissedInOrderUpToTheLimit() {
    for (int i = 1; i <= 30; i++) {
      say("m" + i);
    }
    List<ChatMessage> missed = bus.messagesSince("lobby", "20", 100);
    assertEquals(List.of("m21", "m22", "m23", "m24", "m25", "m26", "m27", "m28", "m29", "m30"),
        missed.stream().map(ChatMessage::message).toList());
    assertEquals(List.of("m29", "m30"), bus.messagesSince("lobby", "20", 2).stream().map(ChatMessage::message).toList());
  }

  @Test
  void theLogKeepsAThousandMessagesAtMost() {
    for (int i = 1; i <= 1500; i++) {
      say("m" + i);
    }
    List<ChatMessage> kept = bus.messagesSince("lobby", "0", 5000);
    assertEquals(InMemoryClusterBus.LOG_LENGTH, kept.size());
    assertEquals("m501", kept.get(0).message());
  }

  @Test
  void largeMessagesAreKeptUpToAByteBoundSoThatTheLogCannotFillTheHeap() {
    String big = "x".repeat(256 * 1024);
    for (int i = 0; i < 1000; i++) {
      say(big + i);
    }
    List<ChatMessage> kept = bus.messagesSince("lobby", "0", 5000);
    assertTrue(kept.size() >= 1 && kept.size() * 2L * big.length() <= InMemoryClusterBus.LOG_BYTES, "kept " + kept.size());
    assertEquals(big + 999, kept.get(kept.size() - 1).message(), "the newest is kept");
    assertEquals(1000, delivered.size(), "every message is still delivered");

    String huge = "y".repeat(2 * 1024 * 1024);
    say(huge);
    assertEquals(List.of(huge), bus.messagesSince("lobby", "0", 5000).stream().map(ChatMessage::message).toList(),
        "a message larger than the bound is still the one kept");
  }
}

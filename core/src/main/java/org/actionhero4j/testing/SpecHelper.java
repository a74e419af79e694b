package org.actionhero4j.testing;

import java.util.Map;
import java.util.UUID;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Connection;
import org.actionhero4j.internal.Node;

/**
 * Runs actions and verbs against a started {@link Actionhero} without a network, the way
 * Actionhero's {@code specHelper} does.
 *
 * <pre>{@code
 * SpecHelper spec = SpecHelper.of(app);
 * Map<String, Object> response = spec.runAction("echo", Map.of("message", "hi"));
 * TestConnection alice = spec.connection();
 * alice.verb("roomAdd", "defaultRoom");
 * }</pre>
 */
public final class SpecHelper {

  private final Node node;

  private SpecHelper(Node node) {
    this.node = node;
  }

  public static SpecHelper of(Actionhero app) {
    return new SpecHelper(app.internals());
  }

  /** Runs an action on a fresh test connection, which is destroyed afterwards. */
  public Map<String, Object> runAction(String action, Map<String, Object> params) {
    TestConnection c = connection();
    try {
      return c.runAction(action, params);
    } finally {
      c.destroy();
    }
  }

  /** A new connection of type {@code testServer}, which may use every verb. */
  public TestConnection connection() {
    return connection(Connection.TEST);
  }

  /** A new connection of the given type (e.g. {@code websocket}, to check blocked types and verbs). */
  public TestConnection connection(String type) {
    String id = UUID.randomUUID().toString();
    return TestConnection.open(node, id, type, id);
  }

  /** A new connection with a chosen fingerprint. */
  public TestConnection connection(String type, String fingerprint) {
    return TestConnection.open(node, UUID.randomUUID().toString(), type, fingerprint);
  }
}

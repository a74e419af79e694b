package org.actionhero4j.testing;

import com.google.inject.Injector;
import java.util.Map;
import java.util.UUID;
import org.actionhero4j.Actionhero;
import org.actionhero4j.Connection;
import org.actionhero4j.internal.actions.ActionPipeline;
import org.actionhero4j.internal.connections.ConnectionRegistry;
import org.actionhero4j.internal.verbs.VerbDispatcher;

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

  private final ConnectionRegistry connections;
  private final ActionPipeline pipeline;
  private final VerbDispatcher verbs;
  private final int defaultErrorStatus;

  private SpecHelper(
      ConnectionRegistry connections, ActionPipeline pipeline, VerbDispatcher verbs, int defaultErrorStatus) {
    this.connections = connections;
    this.pipeline = pipeline;
    this.verbs = verbs;
    this.defaultErrorStatus = defaultErrorStatus;
  }

  /** A helper for a started application. */
  public static SpecHelper of(Actionhero app) {
    Injector injector = app.injector();
    return new SpecHelper(
        injector.getInstance(ConnectionRegistry.class),
        injector.getInstance(ActionPipeline.class),
        injector.getInstance(VerbDispatcher.class),
        app.config().web().defaultErrorStatusCode());
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
    return connection(type, id, id);
  }

  /** A new connection with a chosen fingerprint. */
  public TestConnection connection(String type, String fingerprint) {
    return connection(type, UUID.randomUUID().toString(), fingerprint);
  }

  private TestConnection connection(String type, String id, String fingerprint) {
    return TestConnection.open(
        new TestConnection.Services(connections, pipeline, verbs, defaultErrorStatus), id, type, fingerprint);
  }
}

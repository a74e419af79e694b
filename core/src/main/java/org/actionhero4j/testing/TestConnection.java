package org.actionhero4j.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.actionhero4j.Connection;
import org.actionhero4j.internal.actions.ActionPipeline;
import org.actionhero4j.internal.actions.ActionProcessor;
import org.actionhero4j.internal.connections.ConnectionChannel;
import org.actionhero4j.internal.connections.ConnectionRegistry;
import org.actionhero4j.internal.connections.LocalConnection;
import org.actionhero4j.internal.connections.OutboundMessage;
import org.actionhero4j.internal.verbs.VerbDispatcher;

/**
 * A connection without a network that records every message the server sends it. Thread-safe.
 */
public final class TestConnection {

  /** What a test connection uses of the node. */
  record Services(
      ConnectionRegistry connections, ActionPipeline pipeline, VerbDispatcher verbs, int defaultErrorStatus) {}

  private final Services node;
  private final LocalConnection connection;
  private final Recorder recorder;

  private TestConnection(Services node, LocalConnection connection, Recorder recorder) {
    this.node = node;
    this.connection = connection;
    this.recorder = recorder;
  }

  static TestConnection open(Services node, String id, String type, String fingerprint) {
    Recorder recorder = new Recorder();
    try {
      LocalConnection c =
          node.connections().open(id, type, fingerprint, "testServer", 0, true, recorder);
      return new TestConnection(node, c, recorder);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("connection middleware refused the connection: " + e.getMessage(), e);
    }
  }

  /** The connection as actions and middleware see it. */
  public Connection connection() {
    return connection;
  }

  /** The connection's id. */
  public String id() {
    return connection.id();
  }

  /** Runs an action on the calling thread and returns its response (with {@code error} on failure). */
  public Map<String, Object> runAction(String action, Map<String, Object> params) {
    return result(action, params).response();
  }

  /** Runs an action without a name (to see the pipeline's "unknown action" answer). */
  public ActionResult resultWithoutAction(Map<String, Object> params) {
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.remove("action");
    return run(p);
  }

  /** Runs an action on the worker pool, as a socket would, without waiting. */
  public CompletableFuture<Map<String, Object>> submitAction(String action, Map<String, Object> params) {
    Map<String, Object> p = withAction(action, params);
    connection.params(p);
    return node.pipeline()
        .submit(connection, p, connection.messageId(), done -> {})
        .thenApply(r -> new LinkedHashMap<>(r.response()));
  }

  /** Runs an action and returns everything about the run. */
  public ActionResult result(String action, Map<String, Object> params) {
    return run(withAction(action, params));
  }

  private ActionResult run(Map<String, Object> p) {
    connection.params(p);
    ActionProcessor done = node.pipeline().runHere(connection, p, connection.messageId());
    return new ActionResult(
        Collections.unmodifiableMap(new LinkedHashMap<>(done.response())),
        done.params(),
        done.toRender(),
        done.httpStatus(node.defaultErrorStatus()));
  }

  private static Map<String, Object> withAction(String action, Map<String, Object> params) {
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.put("action", action);
    return p;
  }

  /**
   * Runs a verb; returns its {@code data} (empty when it has none).
   *
   * @throws org.actionhero4j.ActionheroException with the verb's error text
   */
  public Optional<Object> verb(String verb, Object... words) {
    VerbDispatcher.Result r = node.verbs().run(connection, verb, Arrays.asList(words));
    return r instanceof VerbDispatcher.Data d ? Optional.ofNullable(d.data()) : Optional.empty();
  }

  /** Every message sent to this connection so far, oldest first. */
  public List<Map<String, Object>> messages() {
    return recorder.snapshot();
  }

  /** Waits for a message that matches, looking at those already received too. */
  public Map<String, Object> awaitMessage(Predicate<Map<String, Object>> match, Duration timeout)
      throws InterruptedException {
    return recorder.await(match, timeout);
  }

  /** Whether the server ended this connection, and how. */
  public boolean ended() {
    return recorder.ended;
  }

  /** Whether the server ended it asking the client to reconnect (a shutdown). */
  public boolean endedForReconnect() {
    return recorder.reconnect;
  }

  /** Ends the connection (destroy middleware runs, rooms are left). */
  public void destroy() {
    connection.destroy();
  }

  private static final class Recorder implements ConnectionChannel {
    private final List<Map<String, Object>> messages = new ArrayList<>();
    private volatile boolean ended;
    private volatile boolean reconnect;

    @Override
    public synchronized void deliver(OutboundMessage message) {
      messages.add(message.body());
      notifyAll();
    }

    @Override
    public synchronized void end(boolean reconnect) {
      this.ended = true;
      this.reconnect = reconnect;
      notifyAll();
    }

    synchronized List<Map<String, Object>> snapshot() {
      return List.copyOf(messages);
    }

    synchronized Map<String, Object> await(Predicate<Map<String, Object>> match, Duration timeout)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      int seen = 0;
      while (true) {
        for (; seen < messages.size(); seen++) {
          if (match.test(messages.get(seen))) {
            return messages.get(seen);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no matching message within " + timeout + "; got " + messages);
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }
}
